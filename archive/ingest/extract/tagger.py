"""Part-of-speech tags for the extractors' statistical signal (nr, nrfg: a personal name; ns: a place).

jieba-rs (rjieba) tags with jieba's own dictionary and tag set, as jieba.posseg
does, about a hundred times faster (docs/BENCHMARKS.md; docs/DECISIONS.md
says how often the two agree on names). Without rjieba,
jieba.posseg is used. The segmenter's dictionaries are loaded once per process
by search.dictionaries (shared with the index analyzer and, in a bulk ingest,
with every worker through the fork server).

A report is tagged once (Tokens); its tokens are kept as parallel lists and a
Token is made only for the few the extractors look at, which halves the cost.
"""

import bisect
from functools import lru_cache
from itertools import accumulate
from typing import NamedTuple

PERSON_TAGS = frozenset({"nr", "nrfg"})  # jieba's personal-name tags (nrt: a transliterated name, mostly places)


class Token(NamedTuple):
    word: str
    tag: str
    start: int
    end: int


_TAG = None


def _tagger():
    global _TAG
    if _TAG is None:
        from search.dictionaries import RJIEBA  # here: on first use, it loads the segmenter's dictionary

        if RJIEBA is not None:
            _TAG = RJIEBA.tag
        else:
            import jieba.posseg  # the fallback without rjieba, loaded only then

            _TAG = lambda text: [(w.word, w.flag) for w in jieba.posseg.cut(text)]  # noqa: E731
    return _TAG


class Tokens:
    """One text's tokens, in order: tokens[i] is a Token; lookups by offset are by bisection."""

    def __init__(self, text, offset=0):
        pairs = _tagger()(text)
        self.words = [w for w, _t in pairs]
        self.tags = [t for _w, t in pairs]
        self.ends = [offset + e for e in accumulate(map(len, self.words))]
        self.starts = [offset, *self.ends[:-1]] if self.ends else []
        self._first = {}  # a set of tags -> the indexes of its tokens

    def __len__(self):
        return len(self.words)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        return Token(self.words[i], self.tags[i], self.starts[i], self.ends[i])

    def __iter__(self):
        return (Token(*t) for t in zip(self.words, self.tags, self.starts, self.ends))

    def index_at(self, pos):
        """The index of the token starting at pos, or None."""
        i = bisect.bisect_left(self.starts, pos)
        return i if i < len(self.starts) and self.starts[i] == pos else None

    def index_ending_at(self, pos):
        """The index of the token ending at pos, or None."""
        i = bisect.bisect_left(self.ends, pos)
        return i if i < len(self.ends) and self.ends[i] == pos else None

    def index_holding(self, pos):
        """The index of the token holding pos, or None."""
        i = bisect.bisect_right(self.starts, pos) - 1
        return i if i >= 0 and self.ends[i] > pos else None

    def at(self, pos):
        i = self.index_at(pos)
        return None if i is None else self[i]

    def is_boundary(self, pos):
        return self.index_ending_at(pos) is not None

    def with_tags(self, tags):
        """Indexes of the tokens whose tag is one of tags (found once per set of tags)."""
        found = self._first.get(tags)
        if found is None:
            found = self._first[tags] = [i for i, t in enumerate(self.tags) if t in tags]
        return found


def tag(text: str) -> list[Token]:
    """The text's tokens with their tags and offsets, in order."""
    return list(Tokens(text))


@lru_cache(maxsize=4096)
def word_tag(word: str) -> str | None:
    """The tag of a word the dictionary holds whole (李斌 -> nr), else None."""
    tokens = _tagger()(word)
    return tokens[0][1] if len(tokens) == 1 else None
