"""The Chinese analyzer: one module, used at index time and at query time.

text -> OpenCC t2s + variant folding (archive.ingest.normalize.t2s, length
preserving, so offsets point into the original script) -> jieba.

Segmenter: jieba 0.42.1 is the reference. By default its blocks of Chinese
characters only are cut by rjieba (jieba-rs, the same dictionary and HMM,
about 7x faster) and every other block (digits, Latin, punctuation, mixed) by
jieba itself, because there the two differ (jieba keeps 80% and 1.5 whole,
rjieba splits them). bench/segmenter.py checks on the whole corpus that the
analyzer's tokens are identical either way; SEARCH_SEGMENTER=jieba uses
jieba alone. A user dictionary (SEARCH_USER_DICT, jieba's format) is loaded
into both, with jieba's frequencies.

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

import hashlib
import logging
import pickle
import re

import jieba
from django.conf import settings
from whoosh.analysis import Token, Tokenizer
from whoosh.formats import Positions

from archive.ingest.normalize import t2s
from archive.text import is_han

jieba.setLogLevel(logging.WARNING)
_SKIP = re.compile(r"^[\W_]+$")
STOP_WORDS = frozenset(
    "的 了 和 与 及 是 在 a an and are as at be by for from in is it of on or that the to with".split()
)


_HAN_BLOCK = jieba.re_han_default  # how jieba splits text into blocks it segments one by one
_RUST_BLOCK = re.compile("[\u4e00-\u9fd5a-zA-Z0-9]+")  # blocks rjieba cuts as jieba does (not . % - + # & _)
_rust = None  # the rjieba segmenter, once loaded (False: jieba alone)


def _ensure_jieba():
    """jieba's dictionary (and rjieba's), loaded once per process, never per request (it takes about a second)."""
    global _rust
    if _rust is None:
        from .dictionaries import RJIEBA  # loads both, unless the fork server already has

        jieba.dt.check_initialized()
        words = user_words()
        rust = False
        if segmenter_name() == "rjieba":  # the shared one, or one of its own for a user dictionary
            import rjieba

            rust = rjieba.Jieba() if words else RJIEBA
        for word, freq, tag in words:
            jieba.dt.add_word(word, freq, tag)
            if rust:
                rust.add_word(word, jieba.dt.FREQ[word], tag)  # the frequency jieba settled on
        _rust = rust
    return jieba.dt.FREQ


def segmenter_name():
    name = getattr(settings, "SEARCH_SEGMENTER", "rjieba")
    if name == "rjieba":
        try:
            import rjieba  # noqa: F401
        except ImportError:
            return "jieba"
    return name


def user_words():
    """[(word, freq or None, tag or None)] of the user dictionary named by SEARCH_USER_DICT, if any."""
    path = getattr(settings, "SEARCH_USER_DICT", "")
    if not path:
        return []
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if parts:
                freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
                out.append((parts[0], freq, parts[2] if len(parts) > 2 else None))
    return out


def tokenize(text):
    """[(word, start, end)]: exactly jieba.tokenize(text, mode="default", HMM=True)."""
    _ensure_jieba()
    if not _rust:
        return list(jieba.dt.tokenize(text, mode="default", HMM=True))
    out, at = [], 0
    for block in _HAN_BLOCK.split(text):
        if not block:
            continue
        if _RUST_BLOCK.fullmatch(block):
            for word in _rust.cut(block, True):
                out.append((word, at, at + len(word)))
                at += len(word)
        else:
            out.extend((w, at + s, at + e) for w, s, e in jieba.dt.tokenize(block, mode="default", HMM=True))
            at += len(block)
    return out


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
    for word, s, e in tokenize(norm):
        if _SKIP.match(word):
            prev = None
            continue
        low = word.lower()
        if mode == "index" and prev is not None and prev[1] == s and _cjk(norm[s - 1]) and _cjk(norm[s]):
            ppos = prev[2]
            out.append((norm[s - 1 : s + 1], s - 1, s + 1, ppos))
            for size in (3, 4):  # longer pieces across the boundary: dictionary words only (新农|村公路 -> 农村公路)
                for a in range(max(0, s - size + 1), s):
                    piece = norm[a : a + size]
                    if len(piece) == size and freq.get(piece) and all(_cjk(ch) for ch in piece):
                        out.append((piece, a, a + size, ppos))
        prev = (s, e, pos)
        if low in STOP_WORDS:
            continue
        out.append((low, s, e, pos))
        n = len(word)
        if mode == "index" and n > 2 and _cjk(word[0]):
            for i in range(n - 1):
                out.append((word[i : i + 2], s + i, s + i + 2, pos))
            for i in range(n - 2) if n > 3 else ():
                if freq.get(word[i : i + 3]):
                    out.append((word[i : i + 3], s + i, s + i + 3, pos))
        pos += 1
    return out


def key_words(text, top=8):
    """A text's key words: exactly jieba.analyse.extract_tags(text, topK=top) (TF-IDF with jieba's
    IDF table and stop words), over tokenize()'s words, so rjieba does the cutting (a report page's
    "more like this" cut 5,000 characters with jieba's Python segmenter on every view)."""
    import jieba.analyse  # here: it reads jieba's IDF table, which only "more like this" needs

    tfidf = jieba.analyse.default_tfidf
    freq = {}
    for word, _s, _e in tokenize(text):
        if len(word.strip()) >= 2 and word.lower() not in tfidf.stop_words:
            freq[word] = freq.get(word, 0.0) + 1.0
    total = sum(freq.values())
    for word in freq:
        freq[word] *= tfidf.idf_freq.get(word, tfidf.median_idf) / total
    return sorted(freq, key=freq.__getitem__, reverse=True)[:top]


def dictionary_frequency(word):
    """jieba's frequency of a word in its dictionary (with the user dictionary's words), 0 when it is none."""
    return _ensure_jieba().get(word, 0) or 0


def _looked_up_whole(norm):
    if not all(_cjk(ch) for ch in norm):
        return False
    return len(norm) == 2 or (len(norm) == 3 and bool(_ensure_jieba().get(norm)))


_cjk = is_han


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
    """Text that carries its own index postings (index_postings(segment(text))), computed elsewhere.

    A bulk ingest segments each report in its worker process; the index writer (and
    Whoosh's sub-writer processes, to which this pickles with its postings) then takes
    them as they are (search.engine.fields.PresegmentedPositions) instead of running jieba again.
    The postings may be given packed (packed_postings()): they then pass through the
    ingesting process as one bytes object, unpacked only where they are written."""

    def __new__(cls, text, postings):
        obj = super().__new__(cls, text)
        obj._postings = postings
        return obj

    @property
    def postings(self):
        if isinstance(self._postings, bytes):
            self._postings = pickle.loads(self._postings)
        return self._postings

    def __reduce__(self):
        # the postings travel as one protocol-5 blob: Whoosh's multi-process writer pickles its
        # documents with protocol 2, which turns every bytes object into a codecs call
        # (several times slower to dump and to load: docs/BENCHMARKS.md)
        packed = self._postings
        return _presegmented, (str(self), packed if isinstance(packed, bytes) else pickle.dumps(packed, protocol=5))


def _presegmented(text, blob):
    return Presegmented(text, blob)


def packed_postings(tokens):
    """index_postings(tokens) as one bytes object, as a worker sends them: the ingesting process
    holds a report's 330 postings as one object, not 1,500 (110 MB for the reports in flight
    at once, measured), and never unpickles them, only passes them on."""
    return pickle.dumps(index_postings(tokens), protocol=5)


_POSITIONS = Positions()


def index_postings(tokens):
    """[(word, frequency, weight, encoded positions)], one per distinct word of segment()'s tokens:
    exactly what Whoosh's Positions format makes of them at index time."""
    positions = {}
    for word, _s, _e, pos in tokens:
        positions.setdefault(word, []).append(pos)
    encode = _POSITIONS.encode
    return [(word, len(p), float(len(p)), encode(p)) for word, p in positions.items()]


ANALYZER_VERSION = 5  # bump when segment() changes what it emits: sync_index then rebuilds


def analyzer_version():
    """ANALYZER_VERSION, and the user dictionary's digest when there is one (new words: new tokens)."""
    words = user_words()
    if not words:
        return ANALYZER_VERSION
    return f"{ANALYZER_VERSION}:{hashlib.sha1(repr(words).encode()).hexdigest()[:12]}"


class ChineseTokenizer(Tokenizer):
    """Whoosh tokenizer over segment(). Must stay importable at this path."""

    def __init__(self):
        self.version = analyzer_version()

    def __call__(
        self,
        value,
        positions=False,
        chars=False,
        keeporiginal=False,
        removestops=True,
        start_pos=0,
        start_char=0,
        mode="",
        tokenize=True,
        **kwargs,
    ):
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            # Whoosh's contract: the text as one token, normalised (its parser asks this for wildcards,
            # prefixes and ranges; `*` alone becomes Every(), match-all, only when it survives as a token)
            t.text, t.boost, t.stopped = t2s(value).lower(), 1.0, False
            if keeporiginal:
                t.original = value
            if positions:
                t.pos = start_pos
            if chars:
                t.startchar, t.endchar = start_char, start_char + len(value)
            yield t
            return
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
    # No LowercaseFilter: segment() lowercases (Latin words; pieces and junctions are Chinese), and
    # a filter is one more Python call per token at index time.
    return ChineseTokenizer()
