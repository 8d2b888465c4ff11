"""Stage 5: script detection and normalisation to simplified characters.

OpenCC t2s (the official C++ wheel, loaded once per process) plus the variant
table in variants.py. The normalised text keeps the clean text's length, so an
offset found in one is an offset in the other: highlights, quotes and metric
positions all map back to the characters as printed. Censored `*` characters
are ordinary characters here: kept, never guessed.
"""

import re
from functools import cache

import opencc

from archive.text import is_han

from .document import Document
from .variants import VARIANTS, ZHU_KEEP_AFTER, ZHU_KEEP_BEFORE, ZHUO_WORDS_AFTER

# Full-width digits and Latin letters (２０１６, ＡＢＣ) as their ASCII forms, one for one (what NFKC
# does to them); full-width punctuation stays, it is how Chinese is printed.
_WIDTH = {chr(c): chr(c - 0xFEE0) for c in range(0xFF10, 0xFF1A)} | {
    chr(c): chr(c - 0xFEE0) for c in (*range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B))
}
_FOLD = str.maketrans(VARIANTS | _WIDTH)
_ZHU = re.compile(rf"著(?=[{ZHUO_WORDS_AFTER}])|(?<![{ZHU_KEEP_AFTER}])著(?![{ZHU_KEEP_BEFORE}])")


@cache
def _converter(config):
    return opencc.OpenCC(config)


def t2s(text: str) -> str:
    """Traditional (and variant) to simplified, one character for one character: OpenCC t2s, the
    variant table, full-width digits and letters as ASCII, and 著 as 着 where simplified writes 着."""
    if not text:
        return text or ""
    out = _converter("t2s").convert(text)
    if len(out) != len(text):  # a phrase rule changed the length: fall back to characters
        conv = _converter("t2s").convert
        out = "".join(conv(ch) if len(conv(ch)) == 1 else ch for ch in text)
    out = out.translate(_FOLD)
    return _ZHU.sub("着", out) if "著" in out else out


def convert(text: str, config: str) -> str:
    """OpenCC's conversion alone (no folding): what a reader's text needs for display."""
    return _converter(config).convert(text) if text else text or ""


def s2t(text: str, config: str = "s2t") -> str:
    """Simplified to traditional for display (s2t, or s2twp for Taiwan phrasing)."""
    return convert(text, config)


def detect_script(text: str) -> str:
    """'hant' when more characters change under t2s than under s2t."""
    sample = "".join(ch for ch in text[:20000] if is_han(ch))
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
