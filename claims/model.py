"""The trained spaCy pipeline, loaded for what the claims layer reads of it and no more.

- `ner` and `senter` are left on disk: entities come from the gazetteer, sentences from the parser.
- So are the vocabulary's strings: 85,000 words seen in training, a fifth of the load time.
  Every string a post needs (its words, lemmas, tags, labels) is added as the post is read,
  and parses are the same without the table (checked on 1,900 posts, every token attribute).
- The tokenizer starts empty and is read from the pipeline's own files. spaCy would first build
  one from its English defaults (some 1,300 special cases) and then replace every rule with the
  same rules from disk: a fifth of the load time, spent twice. Only for pipelines whose config
  names spaCy's standard tokenizer; any other is loaded as spaCy loads it.
- What is loaded is frozen out of the garbage collector's sight (gc.freeze): the collections a
  post triggers, and the last one as Python exits, no longer walk it.
- Matrix products go to numpy's OpenBLAS, held to one thread, instead of BLIS: on the small
  matrices of one forum post BLIS takes five times as long (150 µs against 30 per product), and
  parsing takes a third less time overall, with the same parses. Where numpy's OpenBLAS cannot
  be held to one thread (a thread pool per product would be slower still), BLIS stays.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import gc
import importlib.util
import re
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from thinc.api import use_ops

from claims.errors import ModelNotFound

UNUSED = ("ner", "senter", "strings")
EMPTY_TOKENIZER = "factcheck.empty_tokenizer.v1"
# The names numpy's own build (scipy-openblas) and a plain OpenBLAS give the setter.
_SET_THREADS = ("scipy_openblas_set_num_threads64_", "scipy_openblas_set_num_threads", "openblas_set_num_threads64_",
                "openblas_set_num_threads")
_STANDARD_TOKENIZER = re.compile(r'^tokenizer\s*=\s*\{\s*"@tokenizers"\s*:\s*"spacy\.Tokenizer\.v1"\s*\}', re.M)


@spacy.registry.tokenizers(EMPTY_TOKENIZER)
def _empty_tokenizer():
    def make(nlp: Language) -> Tokenizer:
        return Tokenizer(nlp.vocab)  # filled by from_disk with the pipeline's own rules

    return make


def load_model(name: str) -> Language:
    """The pipeline `name` (a package or a directory) without the components claims never read."""
    overrides = {}
    if _has_standard_tokenizer(name):
        overrides = {"nlp": {"tokenizer": {"@tokenizers": EMPTY_TOKENIZER}}}
    try:
        with _matrix_ops():
            nlp = spacy.load(name, exclude=list(UNUSED), config=overrides)
    except OSError:
        raise ModelNotFound(name) from None
    if overrides and nlp.tokenizer.prefix_search is None:  # no tokenizer on disk: spaCy's own way
        with _matrix_ops():
            nlp = spacy.load(name, exclude=list(UNUSED))
    # The pipeline lives as long as the process. Its million objects leave the collector's
    # sight: no later collection walks them, nor the last one as Python exits (0.4 s here).
    gc.freeze()
    return nlp


def _matrix_ops():
    """thinc's numpy operations without BLIS for the models built inside, when numpy's OpenBLAS
    is held to one thread; else spaCy's default."""
    if _openblas_single_threaded():
        return use_ops("numpy", use_blis=False)
    return contextlib.nullcontext()


@functools.cache
def _openblas_single_threaded() -> bool:
    """Ask the OpenBLAS that numpy loaded for one thread (what threadpoolctl does)."""
    try:
        with open("/proc/self/maps", encoding="utf-8") as maps:
            libraries = {line.split()[-1] for line in maps if "openblas" in line.lower() and "/" in line}
    except OSError:
        return False
    for library in sorted(libraries):
        try:
            handle = ctypes.CDLL(library)
        except OSError:
            continue
        for symbol in _SET_THREADS:
            setter = getattr(handle, symbol, None)
            if setter is not None:
                setter(1)
                return True
    return False


def _has_standard_tokenizer(name: str) -> bool:
    config = _config_file(name)
    try:
        return config is not None and bool(_STANDARD_TOKENIZER.search(config.read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError):
        return False


def _config_file(name: str) -> Path | None:
    """config.cfg of a pipeline directory, or of an installed pipeline package."""
    if Path(name, "config.cfg").is_file():
        return Path(name, "config.cfg")
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    for folder in (spec.submodule_search_locations or ()) if spec else ():
        found = sorted(Path(folder).glob("*/config.cfg"))
        if len(found) == 1:
            return found[0]
    return None
