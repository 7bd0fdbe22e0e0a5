"""The benchmark's corpus: the same for a seed on every machine, with the mix issue 8 asks for."""

import hashlib
import json

from bot.bench import corpus

# The first 1,000 posts of seed 8, as JSONL: a change here changes every benchmark figure.
SEED_8_DIGEST = "4638b59c171c9658"


def _digest(posts: int, seed: int) -> str:
    digest = hashlib.sha256()
    for record in corpus.generate(posts, seed):
        digest.update((json.dumps(record, ensure_ascii=False) + "\n").encode())
    return digest.hexdigest()[:16]


def test_corpus__a_seed_gives_the_same_posts_everywhere():
    assert _digest(1000, 8) == SEED_8_DIGEST
    assert _digest(1000, 8) == _digest(1000, 8)
    assert _digest(1000, 9) != SEED_8_DIGEST


def test_corpus__the_mix_and_few_repeats(tmp_path):
    written = corpus.write(tmp_path / "corpus.jsonl", 20_000, seed=3)
    assert abs(written.kinds["alliance"] / written.posts - 0.05) < 0.01
    assert abs(written.kinds["elsewhere"] / written.posts - 0.25) < 0.02
    assert written.repeats < 0.005 * written.posts
    lines = (tmp_path / "corpus.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 20_000
    assert json.loads(lines[0]) == {"id": "p0000001", "text": json.loads(lines[0])["text"]}
