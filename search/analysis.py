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
    """[(word, start, end, position)] of the normalised text, positions ordinal.

    Index mode adds, at a word's own position, every 2- and 3-character part of a
    word of three or more characters, and the junction grams spanning the boundary
    to the next word (驻|村干部 -> 驻村, 摆脱|贫困 -> 脱贫, 山东|西部 -> 东西部): a query word
    printed across two tokens is still one indexed token.
    """
    freq = _ensure_jieba()
    norm = t2s(text)
    out, pos = [], 0
    prev = None  # (start, end) of the previous kept token
    for word, s, e in jieba.tokenize(norm, mode="default", HMM=True):
        if _SKIP.match(word):
            prev = None
            continue
        low = word.lower()
        if mode == "index" and prev is not None and prev[1] == s and _cjk(norm[s - 1]) and _cjk(norm[s]):
            ppos = prev[2]
            out.append((norm[s - 1:s + 1], s - 1, s + 1, ppos))
            for size in (3, 4):  # longer pieces across the boundary: dictionary words only (新农|村公路 -> 农村公路)
                for a in range(max(0, s - size + 1), s):
                    piece = norm[a:a + size]
                    if len(piece) == size and freq.get(piece) and all(_cjk(ch) for ch in piece):
                        out.append((piece, a, a + size, ppos))
        prev = (s, e, pos)
        if low in STOP_WORDS:
            continue
        out.append((low, s, e, pos))
        n = len(word)
        if mode == "index" and n > 2 and _cjk(word[0]):
            for i in range(n - 1):
                out.append((word[i:i + 2], s + i, s + i + 2, pos))
            for i in range(n - 2) if n > 3 else ():
                if freq.get(word[i:i + 3]):
                    out.append((word[i:i + 3], s + i, s + i + 3, pos))
        pos += 1
    return out


def _looked_up_whole(norm):
    if not all(_cjk(ch) for ch in norm):
        return False
    return len(norm) == 2 or (len(norm) == 3 and bool(_ensure_jieba().get(norm)))


def _cjk(ch):
    return "\u3400" <= ch <= "\u9fff"


def query_terms(text):
    """The words a query is looked up by (accurate mode, normalised).

    A query word that _looked_up_whole() is one term (驻村): the index holds every
    two-character piece of its text, and three-character dictionary words wherever printed.
    """
    norm = t2s(text).strip()
    if _looked_up_whole(norm):
        return [norm]
    return [w for w, _s, _e, _p in segment(text, mode="query")]


class Presegmented(str):
    """Text that carries its own index-mode segmentation (segment(text)), computed elsewhere.

    A bulk ingest segments each report in its worker process; the index writer (and
    Whoosh's sub-writer processes, to which this pickles with its tokens) then takes
    the tokens instead of running jieba again."""

    tokens: list

    def __new__(cls, text, tokens):
        obj = super().__new__(cls, text)
        obj.tokens = tokens
        return obj

    def __reduce__(self):
        return Presegmented, (str(self), self.tokens)


ANALYZER_VERSION = 3  # bump when segment() changes what it emits: sync_index then rebuilds


class ChineseTokenizer(Tokenizer):
    """Whoosh tokenizer over segment(). Must stay importable at this path."""

    def __init__(self):
        self.version = ANALYZER_VERSION

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True,
                 start_pos=0, start_char=0, mode="", **kwargs):
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if mode == "query":
            norm = t2s(value).strip()
            stripped = len(value) - len(value.lstrip())
            if _looked_up_whole(norm):  # see query_terms
                t.text, t.boost, t.stopped = norm, 1.0, False
                if positions:
                    t.pos = start_pos
                if chars:
                    t.startchar, t.endchar = start_char + stripped, start_char + stripped + len(norm)
                yield t
                return
        tokens = getattr(value, "tokens", None) if mode != "query" else None
        if tokens is None:
            tokens = segment(value, mode="query" if mode == "query" else "index")
        for word, s, e, pos in tokens:
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

