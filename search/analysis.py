"""The Chinese analyzer: one module, used at index time and at query time.

text -> OpenCC t2s + variant folding (archive.ingest.normalize.t2s, length
preserving, so offsets point into the original script) -> jieba.

- Index mode: jieba's accurate segmentation, and for each word of three or more
  characters also its in-dictionary two- and three-character parts, all at the
  word's own position (脱贫攻坚 -> 脱贫攻坚, 脱贫, 攻坚 at one position). Positions
  are ordinal (0, 1, 2 ...), not character offsets, so phrase queries line up.
- Query mode: accurate segmentation only (a query word must be one of the
  tokens the index produced).
- Punctuation and whitespace give no token; stop words take no position.
- Start/end character offsets are kept for highlighting.

Whoosh pickles the analyzer's import path into the index schema: keep
`search.analysis.ChineseTokenizer` and `ChineseAnalyzer` where they are, or
rebuild the index.
"""

import logging
import re

import jieba
from whoosh.analysis import LowercaseFilter, Token, Tokenizer

from archive.ingest.normalize import t2s

jieba.setLogLevel(logging.WARNING)
_SKIP = re.compile(r"^[\W_]+$")
STOP_WORDS = frozenset("的 了 和 与 及 是 在 a an and are as at be by for from in is it of on or that the to with".split())


def _ensure_jieba():
    jieba.dt.check_initialized()  # 0.7-1.0 s once per process, never per request
    return jieba.dt.FREQ


def segment(text, mode="index"):
    """[(word, start, end, position)] of the normalised text, positions ordinal."""
    freq = _ensure_jieba()
    norm = t2s(text)
    out, pos = [], 0
    for word, s, e in jieba.tokenize(norm, mode="default", HMM=True):
        if _SKIP.match(word):
            continue
        low = word.lower()
        if low in STOP_WORDS:
            continue
        out.append((low, s, e, pos))
        n = len(word)
        if mode == "index" and n > 2:
            for size in (2, 3):
                if size >= n:
                    continue
                for i in range(n - size + 1):
                    part = word[i:i + size]
                    if freq.get(part):
                        out.append((part.lower(), s + i, s + i + size, pos))
        pos += 1
    return out


def query_terms(text):
    """The words a query is looked up by (accurate mode, normalised)."""
    return [w for w, _s, _e, _p in segment(text, mode="query")]


class ChineseTokenizer(Tokenizer):
    """Whoosh tokenizer over segment(). Must stay importable at this path."""

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True,
                 start_pos=0, start_char=0, mode="", **kwargs):
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for word, s, e, pos in segment(value, mode="query" if mode == "query" else "index"):
            t.text = word
            t.boost = 1.0
            t.stopped = False
            if keeporiginal:
                t.original = value[s:e]
            if positions:
                t.pos = start_pos + pos
            if chars:
                t.startchar, t.endchar = start_char + s, start_char + e
            yield t


def ChineseAnalyzer():
    # No whoosh StopFilter: it renumbers positions and would undo the shared sub-word positions.
    return ChineseTokenizer() | LowercaseFilter()


_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff*]+|[0-9a-z]+", re.I)


def bigrams(text):
    """[(gram, start, end, position)]: overlapping character pairs of each CJK run (a run of one
    character gives itself), Latin words and numbers whole; position is the character offset, so a
    phrase of bigrams cannot cross punctuation."""
    norm = t2s(text)
    out = []
    for m in _RUN.finditer(norm):
        run, s = m.group(0), m.start()
        if run.isascii():
            out.append((run.lower(), s, m.end(), s))
        elif len(run) == 1:
            out.append((run, s, s + 1, s))
        else:
            out += [(run[i:i + 2], s + i, s + i + 2, s + i) for i in range(len(run) - 1)]
    return out


class BigramTokenizer(Tokenizer):
    """Character bigrams for substring recall (驻村 inside 驻/村干部). Must stay importable at this path."""

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True,
                 start_pos=0, start_char=0, mode="", **kwargs):
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for gram, s, e, pos in bigrams(value):
            t.text, t.boost, t.stopped = gram, 1.0, False
            if keeporiginal:
                t.original = value[s:e]
            if positions:
                t.pos = start_pos + pos
            if chars:
                t.startchar, t.endchar = start_char + s, start_char + e
            yield t


def BigramAnalyzer():
    return BigramTokenizer()
