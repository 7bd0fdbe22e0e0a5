"""What of a post the parser must see: usually nothing, otherwise a stretch of its sentences.

Parsing is what costs (milliseconds a sentence), and most forum posts never name an alliance.

1. Any keyword at all? An organisation's name, or a word a pact between two states needs
   ("treaty", "alliance", "defend"), as a whole word in any case. One regular expression
   shaped as a trie, run on the lower-cased post: some 20 µs a post, where an alternation of
   the 250 keywords takes 300.
2. Which sentences? A claim needs a keyword and a subject in one sentence: a state's name,
   capital or adjective, a group of states, a word one typo from a state's name, or a pronoun.
   A post with no such sentence is not parsed at all. Otherwise the parser sees the stretch
   from the first such sentence to the last that may make a claim or echo one: one with a
   keyword, or a short one that opens with a pronoun ("It isn't.") or names a state ("So did
   Georgia"). When the first sentence has a pronoun and no state named before it, the stretch
   starts with the post: the state may be named anywhere before. The rest is chit-chat around
   the claim; claims come back with offsets into the whole post.

The sentence split is cautious: at . ! ? before a capital letter (never after an abbreviation
such as "U.S." or "Gen.") and at blank lines. A sentence left whole costs a little parsing; a
sentence cut in two could lose a claim. tests/claims/test_prefilter.py checks that no
assertion of the dev set is lost, so that a new way of reading across sentences shows up there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cached_property

from claims import relations
from claims.fuzzy import FuzzyNames
from knowledge.base import KnowledgeBase

# Words that may stand for a state named elsewhere (claims.pipeline, claims.ellipsis).
PRONOUNS = frozenset({"it", "its", "they", "their", "them", "both", "he", "she"})
# First words of a sentence that claims.ellipsis may read as an echo of the claim before.
ECHO_OPENERS = frozenset({"it", "they", "he", "she"})
# A sentence of more words than this never echoes the claim before (claims.ellipsis reads up
# to 8); the margin keeps a small change there from silently dropping claims here.
ECHO_WORDS = 12
ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "st", "mt", "jr", "sr", "vs", "etc", "gen", "col", "lt", "sgt", "capt", "cmdr",
    "adm", "maj", "gov", "sen", "rep", "pres", "prof", "rev", "hon", "inc", "ltd", "co", "corp", "dept",
    "univ", "approx", "est", "fig", "no", "vol", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "ave", "blvd", "rd",
})
# The space after . ! ? (and a closing quote or bracket) before a capital, or a blank line.
_BREAK = re.compile(r"[.!?][\"'”’)\]]*(?P<space>\s+)(?=[\"'“‘(\[]*[A-Z])|(?P<paragraph>\n[ \t]*\n\s*)")
_WORD_BEFORE = re.compile(r"(\S*?)([.!?]+)[\"'”’)\]]*$")
_LETTERS = re.compile(r"[^\W\d_]+")
_WORD = re.compile(r"\w+")
_ALNUM = re.compile(r"[^\W_]")


class Prefilter:
    def __init__(self, kb: KnowledgeBase, fuzzy: FuzzyNames):
        self.fuzzy = fuzzy
        self.keywords = trie_regex(keywords(kb))
        self.names = WordIndex(subject_names(kb))
        self.states = WordIndex(state_names(kb))

    def could_hold_claim(self, text: str) -> bool:
        """Step 1: any keyword in the text."""
        return bool(self.keywords.search(text.lower()))

    def window(self, text: str) -> tuple[int, int] | None:
        """Step 2: (start, end) of the part of `text` the parser must see, or None when no
        sentence holds a keyword beside a possible subject."""
        if not self.could_hold_claim(text):
            return None
        found = [_Sentence(self, text[start:end], start, end) for start, end in sentences(text)]
        first = next((i for i, s in enumerate(found) if s.keyword and (s.pronoun or s.names)), None)
        if first is None:
            return None
        # After the first claim, the last sentence that may make a claim or echo one.
        last = next(i for i in range(len(found) - 1, first - 1, -1) if i == first or found[i].may_claim)
        # A pronoun with no state named before it in its sentence may stand for one named earlier.
        start = 0 if found[first].needs_antecedent else found[first].start
        return start, found[last].end

    def misspelled(self, sentence: str) -> bool:
        """A word the gazetteer will not know but claims.fuzzy may read as a state. Capitalised,
        as normalisation may write it: fuzzy matching then holds for any case it holds for."""
        return any(self.fuzzy.match(word.capitalize()) for word in _LETTERS.findall(sentence))


class _Sentence:
    """What a sentence holds, each found when first asked for: most are never asked."""

    def __init__(self, prefilter: Prefilter, text: str, start: int, end: int):
        self.prefilter, self.text, self.lowered = prefilter, text, text.lower()
        self.start, self.end = start, end

    @cached_property
    def keyword(self) -> bool:  # an organisation's name or a pact word
        return bool(self.prefilter.keywords.search(self.lowered))

    @cached_property
    def words(self) -> list[str]:
        return _WORD.findall(self.lowered)

    @cached_property
    def names(self) -> bool:  # a state, capital, adjective, group, or a likely misspelling of one
        return self.prefilter.names.found_in(self.words) or self.prefilter.misspelled(self.text)

    @cached_property
    def pronoun(self) -> bool:  # a word that may stand for a state named before
        return not PRONOUNS.isdisjoint(self.words)

    @cached_property
    def short(self) -> bool:  # short enough to echo the claim before ("It isn't.")
        return _words(self.text) <= ECHO_WORDS

    @property
    def may_claim(self) -> bool:
        """A keyword, or the shape of an echo (claims.ellipsis): short, and opening with a
        pronoun ("It isn't.", "They are.") or naming a state ("So did Georgia")."""
        opener = self.words[0] if self.words else ""
        return self.keyword or (self.short and (opener in ECHO_OPENERS or self.names))

    @property
    def needs_antecedent(self) -> bool:
        if not self.pronoun:
            return False
        state = self.prefilter.states.first_at(self.words)
        return state is None or state > min(i for i, w in enumerate(self.words) if w in PRONOUNS)


def keywords(kb: KnowledgeBase) -> set[str]:
    """Organisation names, and the words a pact between two states needs, lower-cased."""
    names = set()
    for org in kb.organisations.values():
        names.update(n.lower() for n in (org.name, org.short_name, *org.aliases))
    for extractor in relations.extractors_for(relations.STATE):
        for word in extractor.obliged_verbs.union(*(q.heads for q in extractor.qualified_nouns)):
            names.update(_inflections(word))
    return names


def state_names(kb: KnowledgeBase) -> set[str]:
    """The names of states and their capitals, lower-cased: what a pronoun may stand for."""
    names = set()
    for state in kb.states.values():
        names.update(n.lower() for n in (state.name, *state.aliases, *state.exact_aliases, *state.capitals))
    return names


def subject_names(kb: KnowledgeBase) -> set[str]:
    """Every name that can be the subject of a claim: states, their capitals and adjectives,
    groups of states; lower-cased (in any case is more than the gazetteer matches: safe)."""
    names = set()
    for state in kb.states.values():
        names.update(n.lower() for n in (state.name, *state.aliases, *state.exact_aliases, *state.capitals, *state.demonyms))
    for group in kb.groups.values():
        names.update(n.lower() for n in group.names)
    return names


class WordIndex:
    """Names looked up word by word (runs of letters and digits, lower-cased): 'u.s.' is
    ('u', 's'). Built in a millisecond where a regular expression of 1,200 names takes 0.15 s
    to compile; it ignores the punctuation between words, so it finds a little more: safe."""

    def __init__(self, names: Iterable[str]):
        self.by_first: dict[str, set[tuple[str, ...]]] = {}
        for name in names:
            words = tuple(_WORD.findall(name.lower()))
            if words:
                self.by_first.setdefault(words[0], set()).add(words)

    def found_in(self, words: list[str]) -> bool:
        return self.first_at(words) is not None

    def first_at(self, words: list[str]) -> int | None:
        """Where the first name in `words` starts."""
        return next(
            (
                i
                for i, word in enumerate(words)
                for name in self.by_first.get(word, ())
                if len(name) == 1 or tuple(words[i : i + len(name)]) == name
            ),
            None,
        )


def trie_regex(words: Iterable[str]) -> re.Pattern:
    """Whole-word matches of any of `words` in lower-cased text, the alternatives nested by
    common prefix so that the engine tries one branch per character, not one per word."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return re.compile(rf"(?<![\w])(?:{_alternatives(trie)})(?![\w])")


def _alternatives(node: dict) -> str:
    branches = [re.escape(char) + _alternatives(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence, split cautiously; what lies between is whitespace."""
    start = 0
    for found in _BREAK.finditer(text):
        if found.group("paragraph") is not None:
            end, following = found.span("paragraph")
        else:
            end, following = found.span("space")
            if not _ends_sentence(text[start:end]):
                continue
        if end > start:
            yield start, end
        start = following
    if start < len(text):
        yield start, len(text)


def _ends_sentence(sentence: str) -> bool:
    """'It joined NATO.' does; 'the U.S.', 'Gen.', 'St.' and 'A.' do not."""
    found = _WORD_BEFORE.search(sentence)
    if found is None or found.group(2).startswith(("!", "?")):
        return True
    word = found.group(1).lstrip("\"'“‘([")
    return len(word) > 1 and "." not in word and word.lower() not in ABBREVIATIONS


def _words(sentence: str) -> int:
    """Words with a letter or digit: never more than the parser's words in the sentence."""
    return sum(1 for word in sentence.split() if _ALNUM.search(word))


def _inflections(word: str) -> set[str]:
    """'ally' → ally, allies, allied; 'treaty' → treaties; 'defend' → defends, defended."""
    forms = {word, word + "s", word + "ed", word + "d"}
    if word.endswith("y"):
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    return forms
