"""Make forum text parseable without moving a single character.

The parser was trained on edited text: it reads "is ukraine in nato yet" and "AZERBAIJAN IS IN
NATO" badly, and an emoji between subject and verb ("Kyrgyzstan 🇰🇬 is in the CSTO") breaks the
tree. So the text handed to the parser gets (a) the names the gazetteer knows in their usual
case, (b) shouted sentences in sentence case, (c) symbols and invisible format characters as
spaces. Every change keeps the length, so offsets into the parsed text are offsets into the post.
"""

from __future__ import annotations

import re
import unicodedata

# Letters in capitals beyond this share of all letters make a sentence shouted.
SHOUTING_SHARE = 0.7
_SENTENCE_START = re.compile(r"(^|[.!?]\s+|\n\s*)([a-z])")
_LONE_I = re.compile(r"\bi\b")


# Markdown emphasis and code marks: "**TL;DR**: Kazakhstan is in the CSTO *and* the SCO".
_EMPHASIS = re.compile(r"(\*{1,3}|_{2,3}|~~|`+)(?=\S)|(?<=\S)(\*{1,3}|_{2,3}|~~|`+)")


def blank_symbols(text: str) -> str:
    """Emoji, pictographs, flags, zero-width and direction marks, and Markdown emphasis marks
    become spaces."""
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
