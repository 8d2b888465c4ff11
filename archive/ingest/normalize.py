"""Stage 5: script detection and normalisation to simplified characters.

OpenCC t2s (the official C++ wheel, loaded once per process) plus the variant
table in variants.py. The normalised text keeps the clean text's length, so an
offset found in one is an offset in the other: highlights, quotes and metric
positions all map back to the characters as printed. Censored `*` characters
are ordinary characters here: kept, never guessed.
"""

from functools import cache

import opencc

from .document import Document
from .variants import VARIANTS

_FOLD = str.maketrans(VARIANTS)


@cache
def _converter(config):
    return opencc.OpenCC(config)


def t2s(text: str) -> str:
    """Traditional (and variant) to simplified, one character for one character."""
    if not text:
        return text or ""
    out = _converter("t2s").convert(text)
    if len(out) != len(text):  # a phrase rule changed the length: fall back to characters
        conv = _converter("t2s").convert
        out = "".join(conv(ch) if len(conv(ch)) == 1 else ch for ch in text)
    return out.translate(_FOLD)


def s2t(text: str, config: str = "s2t") -> str:
    """Simplified to traditional for display (s2t, or s2twp for Taiwan phrasing)."""
    return _converter(config).convert(text) if text else text or ""


def detect_script(text: str) -> str:
    """'hant' when more characters change under t2s than under s2t."""
    sample = "".join(ch for ch in text[:20000] if "\u4e00" <= ch <= "\u9fff")
    if not sample:
        return "hans"
    simp, trad = t2s(sample), _converter("s2t").convert(sample)
    n_trad = sum(a != b for a, b in zip(sample, simp))
    n_simp = sum(a != b for a, b in zip(sample, trad))
    return "hant" if n_trad > n_simp else "hans"


def normalize_script(doc: Document) -> Document:
    """Set doc.script from the body and doc.normalized_text as its simplified form."""
    doc.script = detect_script(doc.clean_text)
    doc.normalized_text = t2s(doc.clean_text)
    return doc
