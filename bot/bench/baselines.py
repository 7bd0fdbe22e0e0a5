"""The two yardsticks of issue 8, run in this process on one core.

- The full trained spaCy pipeline over every post, as spaCy ships it (every component, its
  default matrix library, `nlp.pipe` in batches): what a tool that parses everything pays.
  Slow, so it runs over an evenly spread sample and its rate stands for the corpus.
- A bare regular-expression keyword scan: read each line, look for the keywords (the
  organisations' names and the pact words the prefilter looks for), write one JSON line.
  The least any tool must do. Twice: as one writes it first (the keywords joined by |, case
  ignored) and with the trie-shaped regex on lower-cased text that the prefilter uses.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Rate:
    posts: int
    megabytes: float
    seconds: float

    @property
    def posts_per_second(self) -> float:
        return self.posts / self.seconds

    @property
    def megabytes_per_second(self) -> float:
        return self.megabytes / self.seconds


def keyword_patterns() -> dict[str, tuple[re.Pattern, bool]]:
    """name → (pattern, whether it runs on lower-cased text)."""
    from claims.prefilter import keywords, trie_regex
    from knowledge.loader import load

    words = sorted(keywords(load()), key=len, reverse=True)
    bare = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)
    return {"bare": (bare, False), "trie": (trie_regex(words), True)}


def regex_scan(corpus: Path, out: Path, pattern: re.Pattern, lower: bool) -> Rate:
    started = time.perf_counter()
    posts = 0
    with open(corpus, encoding="utf-8") as lines, open(out, "w", encoding="utf-8") as results:
        for line in lines:
            record = json.loads(line)
            text = record["text"].lower() if lower else record["text"]
            results.write(json.dumps({"id": record["id"], "keywords": pattern.findall(text)}) + "\n")
            posts += 1
    return Rate(posts, corpus.stat().st_size / 1e6, time.perf_counter() - started)


def spacy_scan(corpus: Path, model: str, sample: int) -> Rate:
    import spacy

    lines = corpus.read_text(encoding="utf-8").splitlines()
    step = max(1, len(lines) // sample)
    chosen = lines[::step][:sample]
    texts = [json.loads(line)["text"] for line in chosen]
    nlp = spacy.load(model)
    list(nlp.pipe(texts[:20]))  # first calls allocate; not what a long scan pays per post
    started = time.perf_counter()
    for _ in nlp.pipe(texts):
        pass
    megabytes = sum(len(line.encode("utf-8")) + 1 for line in chosen) / 1e6
    return Rate(len(texts), megabytes, time.perf_counter() - started)
