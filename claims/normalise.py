"""Make forum text matchable and parseable without moving a single character.

First `undisguise`: what a reader sees as "NATO" is matched as NATO, whatever the bytes say:
fullwidth letters and other compatibility forms (NFKC, where it gives one character), letters of
other scripts that look Latin inside a Latin word ("NΑTO" with a Greek Alpha, "Аzerbaijan" with a
Cyrillic A; Unicode's confusables list, through confusable-homoglyphs), control characters.

The parser was trained on edited text: it reads "is ukraine in nato yet" and "AZERBAIJAN IS IN
NATO" badly, and an emoji between subject and verb ("Kyrgyzstan 🇰🇬 is in the CSTO") breaks the
tree. So the text handed to the parser gets (a) the names the gazetteer knows in their usual
case, (b) shouted sentences in sentence case, (c) symbols and invisible format characters as
spaces. Every change keeps the length, so offsets into the parsed text are offsets into the post.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Control characters other than line breaks and tabs become spaces.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_WORD = re.compile(r"\w+")


# Invisible characters inside a word: zero-width space/joiners, word joiner, BOM, soft hyphen.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_WORD_WITH_INVISIBLES = re.compile(rf"\w[\w{_INVISIBLE}]*[{_INVISIBLE}][\w{_INVISIBLE}]*")


def undisguise(text: str) -> str:
    text = _CONTROL.sub(" ", text)
    if text.isascii():
        return text
    # "Azer\u200bbaijan" → "Azerbaijan ": the word closes up, the space keeps the length.
    text = _WORD_WITH_INVISIBLES.sub(_close_up, text)
    text = "".join(_compatible(c) for c in text)
    return _WORD.sub(_latin_word, text)


def _close_up(match: re.Match) -> str:
    word = match.group(0)
    visible = "".join(c for c in word if c not in _INVISIBLE)
    return visible + " " * (len(word) - len(visible))


def _compatible(c: str) -> str:
    if c.isascii():
        return c
    folded = unicodedata.normalize("NFKC", c)
    return folded if len(folded) == 1 else c


def _latin_word(match: re.Match) -> str:
    """A word whose every non-ASCII letter has a one-letter ASCII look-alike is written in ASCII:
    'NΑTO' → 'NATO', 'ΝΑΤΟ' → 'NATO'. A word in another script ('Азербайджан') is left alone."""
    word = match.group(0)
    if word.isascii():
        return word
    swapped = [c if c.isascii() else _lookalike(c) for c in word]
    return word if None in swapped else "".join(swapped)


@functools.lru_cache(maxsize=4096)
def _lookalike(c: str) -> str | None:
    if not c.isalpha():
        return None
    from confusable_homoglyphs import confusables  # deferred: its table costs 0.1 s to load

    found = confusables.is_confusable(c, preferred_aliases=["latin"], greedy=True) or []
    for entry in found:
        for glyph in entry["homoglyphs"]:
            if len(glyph["c"]) == 1 and glyph["c"].isascii() and glyph["c"].isalpha():
                return glyph["c"]
    return None


# Letters in capitals beyond this share of all letters make a sentence shouted.
SHOUTING_SHARE = 0.7
_SENTENCE_START = re.compile(r"(^|[.!?]\s+|\n\s*)([a-z])")
_LONE_I = re.compile(r"\bi\b")


# Markdown emphasis and code marks: "**TL;DR**: Kazakhstan is in the CSTO *and* the SCO".
_EMPHASIS = re.compile(r"(\*{1,3}|_{2,3}|~~|`+)(?=\S)|(?<=\S)(\*{1,3}|_{2,3}|~~|`+)")


# Web addresses: never a claim, and they confuse the parser ("see https://en.wikipedia.org/...").
_URL = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)


# Quotation marks around a phrase ("NATO 'partners across the globe'"), not apostrophes inside
# or at the end of a word before a letter ("isn't", "NATO's").
_QUOTE_MARKS = re.compile(r"""(?:(?<![\w])['"‘“«]+(?=\w))|(?:(?<=[\w.!?])['"’”»]+(?![\w]))""")


def blank_symbols(text: str) -> str:
    """Emoji, pictographs, flags, zero-width and direction marks, Markdown emphasis marks, web
    addresses and quotation marks become spaces."""
    text = _URL.sub(lambda m: " " * len(m.group(0)), text)
    text = _QUOTE_MARKS.sub(lambda m: " " * len(m.group(0)), text)
    text = _EMPHASIS.sub(lambda m: " " * len(m.group(0)), text)
    return "".join(" " if _is_symbol(c) else c for c in text)


def _is_symbol(c: str) -> bool:
    if c.isascii():
        return False
    category = unicodedata.category(c)
    # So: emoji and symbols; Cf: zero-width joiners and direction marks; Mn on a symbol: variation selectors.
    return category in ("So", "Cf", "Sk") or ("\ufe00" <= c <= "\ufe0f") or ("\U0001f3fb" <= c <= "\U0001f3ff")


def is_shouted(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 8 and sum(c.isupper() for c in letters) / len(letters) > SHOUTING_SHARE


def recase(text: str, names: list[tuple[int, int, str]]) -> str:
    """`names` are (start, end, usual spelling) of the names found in `text`; the usual
    spelling replaces them where only the case differs. Shouted text is put in sentence case first."""
    if is_shouted(text):
        text = _LONE_I.sub("I", _SENTENCE_START.sub(lambda m: m.group(1) + m.group(2).upper(), text.lower()))
    chars = list(text)
    for start, end, spelling in names:
        if len(spelling) == end - start and spelling.lower() == text[start:end].lower():
            chars[start:end] = spelling
    return "".join(chars)
