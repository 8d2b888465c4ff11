"""Part-of-speech tags for the people extractor's statistical signal (nr, nrfg: a personal name).

jieba-rs (rjieba) tags with jieba's own dictionary and tag set, as jieba.posseg
does: 1.4 ms for 5,000 characters against posseg's 265 ms (measured; see
docs/DECISIONS.md for how often the two agree on names). Without rjieba,
jieba.posseg is used. The segmenter's dictionaries are loaded once per process
by search.dictionaries (shared with the index analyzer and, in a bulk ingest,
with every worker through the fork server).
"""

from dataclasses import dataclass
from functools import lru_cache

PERSON_TAGS = frozenset({"nr", "nrfg"})  # jieba's personal-name tags (nrt: a transliterated name, mostly places)


@dataclass(frozen=True)
class Token:
    word: str
    tag: str
    start: int
    end: int


def _tagger():
    from search.dictionaries import RJIEBA

    if RJIEBA is not None:
        return RJIEBA.tag
    import jieba.posseg

    return lambda text: [(w.word, w.flag) for w in jieba.posseg.cut(text)]


_TAG = None


def tag(text: str) -> list[Token]:
    """The text's tokens with their tags and offsets, in order."""
    global _TAG
    if _TAG is None:
        _TAG = _tagger()
    out, at = [], 0
    for word, flag in _TAG(text):
        out.append(Token(word, flag, at, at + len(word)))
        at += len(word)
    return out


@lru_cache(maxsize=4096)
def word_tag(word: str) -> str | None:
    """The tag of a word the dictionary holds whole (李斌 -> nr), else None."""
    tokens = tag(word)
    return tokens[0].tag if len(tokens) == 1 else None
