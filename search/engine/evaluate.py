"""A parsed Whoosh query evaluated a segment at a time with numpy: hits, BM25F scores, sort keys.

Whoosh walks every match through Python matcher objects, once to rank, once to count and once
more for the facet counts; at 73,000 reports that fixed cost dominated every page (a browse
sorted by date called a Python sort key 73,000 times). Here each term's postings are read a
block at a time into arrays (one unpickle per 128 postings), And/Or/Not are set operations,
phrases check positions only for the documents holding every word, and scores are Whoosh's
own BM25F formula over the same statistics (idf and average length from the whole index,
field lengths from the segment's length column). One pass gives the hits that the count, the
facets and the ranking all share.

Only the query shapes this project's parser produces are evaluated (Term, And, Or, Not,
Phrase, Every, NullQuery); `supported()` says no to anything else and the backend then takes
Whoosh's own path. Per-segment arrays that do not depend on the query (field lengths, deleted
documents, sort columns) are cached by segment; postings are read afresh for every query.
"""

import threading
import weakref
from collections import OrderedDict
from itertools import chain
from pickle import loads

import numpy as np
from whoosh import query as wq
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.fields import DATETIME
from whoosh.matching.mcore import ListMatcher
from whoosh.matching.wrappers import FilterMatcher
from whoosh.reading import TermNotFound
from whoosh.scoring import BM25F
from whoosh.system import _INT_SIZE
from whoosh.util.numlists import delta_decode

_SIMPLE = (wq.Term, wq.And, wq.Or, wq.Not, wq.Phrase, wq.Every, type(wq.NullQuery), wq.NumericRange)
_EMPTY_IDS = np.zeros(0, dtype=np.int64)
_EMPTY_SCORES = np.zeros(0, dtype=np.float64)


def supported(q, weighting, schema=None):
    """True when evaluate() computes what Whoosh would for this query and scoring model (a date
    range only when the schema says the field is a sortable date)."""
    if type(weighting) is not BM25F:
        return False
    if isinstance(q, wq.Not):
        return supported(q.query, weighting, schema)
    if isinstance(q, (wq.And, wq.Or)):
        if type(q) not in (wq.And, wq.Or) or (isinstance(q, wq.Or) and (q.minmatch or q.scale)):
            return False
        return all(supported(sub, weighting, schema) for sub in q.subqueries)
    if isinstance(q, wq.Every):
        return q.fieldname in (None, "", "*")
    if isinstance(q, wq.NumericRange):  # read from the field's column, scored constantly
        field = schema[q.fieldname] if schema is not None and q.fieldname in schema else None
        return q.constantscore and isinstance(field, DATETIME) and field.column_type is not None
    return type(q) in _SIMPLE


class Hits:
    """One segment's matches: sorted local document numbers and their scores."""

    __slots__ = ("ids", "scores")

    def __init__(self, ids, scores):
        self.ids, self.scores = ids, scores

    @classmethod
    def empty(cls):
        return cls(_EMPTY_IDS, _EMPTY_SCORES)


def evaluate(q, leaf, top):
    """Hits of the parsed query q in one segment (leaf: a leaf searcher of top)."""
    hits = _eval(q, _Segment(leaf, top))
    deleted = _deleted(leaf.reader())
    if deleted is not None and len(hits.ids):
        keep = ~deleted[hits.ids]
        hits = Hits(hits.ids[keep], hits.scores[keep])
    return hits


class _Segment:
    def __init__(self, leaf, top):
        self.leaf, self.top, self.reader = leaf, top, leaf.reader()
        self.weighting = top.weighting


def _eval(q, seg):
    if isinstance(q, wq.Term):
        return _term(seg, q.fieldname, q.text, q.boost)
    if isinstance(q, wq.Phrase):
        return _phrase(seg, q)
    if isinstance(q, wq.NumericRange):
        return _range(seg, q)
    if isinstance(q, wq.And):
        positive = [s for s in q.subqueries if not isinstance(s, wq.Not)]
        negative = [s.query for s in q.subqueries if isinstance(s, wq.Not)]
        if not positive:
            out = _every(seg, 0.0)
        else:
            out = _eval(positive[0], seg)
            for sub in positive[1:]:
                if not len(out.ids):
                    break
                out = _intersect(out, _eval(sub, seg))
        for sub in negative:
            if len(out.ids):
                out = _exclude(out, _eval(sub, seg))
        # Whoosh scores each excluded branch 1.0 where it matches (its InverseMatcher's weight)
        return _boosted(Hits(out.ids, out.scores + len(negative)) if negative else out, q.boost)
    if isinstance(q, wq.Or):
        out = Hits.empty()
        for sub in q.subqueries:
            if isinstance(sub, wq.Not):
                out = _union(out, _exclude(_every(seg), _eval(sub.query, seg)))
            else:
                out = _union(out, _eval(sub, seg))
        return _boosted(out, q.boost)
    if isinstance(q, wq.Not):
        return _exclude(_every(seg), _eval(q.query, seg))
    if isinstance(q, wq.Every):
        return _every(seg)
    return Hits.empty()  # NullQuery


def _range(seg, q):
    """A numeric (or date) range, from the field's column: every document whose value lies in it,
    each scored q.boost (Whoosh's ConstantScoreQuery over the range's tiered terms). A document
    without the value holds the column's default and is no match, as it has no term."""
    field = seg.top.schema[q.fieldname] if q.fieldname in seg.top.schema else None
    values = number_column(seg.reader, q.fieldname)
    if field is None or values is None:
        return Hits.empty()
    keep = values != np.uint64(field.default)

    def sortable(x):  # a date range's bounds are Whoosh's longs already, the column's own form
        return np.uint64(x)

    if q.start is not None:
        keep &= values > sortable(q.start) if q.startexcl else values >= sortable(q.start)
    if q.end is not None:
        keep &= values < sortable(q.end) if q.endexcl else values <= sortable(q.end)
    ids = np.flatnonzero(keep).astype(np.int64)
    return Hits(ids, np.full(len(ids), float(q.boost)))


def _every(seg, score=1.0):
    n = seg.reader.doc_count_all()
    return Hits(np.arange(n, dtype=np.int64), np.full(n, score))


def _boosted(hits, boost):
    return hits if boost == 1.0 else Hits(hits.ids, hits.scores * boost)


def intersect(a, b):
    """The hits in both, scores added (as an And of the two)."""
    return _intersect(a, b)


def _intersect(a, b):
    common, ia, ib = np.intersect1d(a.ids, b.ids, assume_unique=True, return_indices=True)
    return Hits(common, a.scores[ia] + b.scores[ib])


def _exclude(a, b):
    keep = ~np.isin(a.ids, b.ids, assume_unique=True)
    return Hits(a.ids[keep], a.scores[keep])


def _union(a, b):
    if not len(a.ids):
        return b
    if not len(b.ids):
        return a
    ids = np.union1d(a.ids, b.ids)
    scores = np.zeros(len(ids))
    scores[np.searchsorted(ids, a.ids)] += a.scores
    scores[np.searchsorted(ids, b.ids)] += b.scores
    return Hits(ids, scores)


def _term(seg, field, text, boost=1.0):
    postings = POSTINGS.get(seg.reader, field, text)
    if postings is None:
        return Hits.empty()
    ids, weights, _values = postings
    return Hits(ids, _score(seg, field, text, ids, weights) * boost)


def _score(seg, field, text, ids, weights):
    """Whoosh's BM25F (or, for a field that is not scorable, the posting's weight)."""
    weighting, top = seg.weighting, seg.top
    schema_field = top.schema[field] if field in top.schema else None
    if schema_field is None or not schema_field.scorable:
        return weights.astype(np.float64)
    idf = top.idf(field, text)  # Whoosh caches it in the searcher
    avgfl = _average_length(top, field)
    b = weighting._field_B.get(field, weighting.B)
    k1 = weighting.K1
    fl = field_lengths(seg.reader, field)[ids]
    tf = weights.astype(np.float64)
    return idf * ((tf * (k1 + 1)) / (tf + k1 * ((1 - b) + b * fl / avgfl)))


_AVERAGES = weakref.WeakKeyDictionary()  # searcher -> {field: average length}


def _average_length(top, field):
    """The searcher's average field length, once per searcher (Whoosh sums every segment's length
    on each call: 36 segments for every term of every segment of a query)."""
    known = _AVERAGES.setdefault(top, {})
    if field not in known:
        known[field] = top.avg_field_length(field) or 1
    return known[field]


def _phrase(seg, q):
    words = list(q.words)
    if len(words) == 1:
        return _term(seg, q.fieldname, words[0], q.boost)
    # the rarest word first: the others' blocks holding none of its documents are never read
    order = sorted(range(len(words)), key=lambda i: -seg.top.idf(q.fieldname, words[i]))
    lists, candidates = [None] * len(words), None
    for i in order:
        postings = POSTINGS.get(seg.reader, q.fieldname, words[i], values=True, only=candidates)
        if postings is None:
            return Hits.empty()
        lists[i] = postings
        ids = postings[0]
        candidates = ids if candidates is None else np.intersect1d(candidates, ids, assume_unique=True)
        if not len(candidates):
            return Hits.empty()
    where = [np.searchsorted(ids, candidates) for ids, _w, _v in lists]
    slop = max(1, q.slop)
    if slop == 1:
        keys = [POSTINGS.position_keys(seg.reader, q.fieldname, w, p) for w, p in zip(words, lists)]
        keep = _adjacent(keys, candidates)
    else:
        keep = _within(seg.top.schema[q.fieldname].format, lists, where, len(candidates), slop)
    ids = candidates[keep]
    scores = np.zeros(len(ids))
    for (word_ids, weights, _v), word, idx in zip(lists, words, where):
        chosen = idx[keep]
        scores += _score(seg, q.fieldname, word, word_ids[chosen], weights[chosen])
    return Hits(ids, scores * q.boost)


def position_keys(ids, values):
    """Every (document, position) of a term's postings as one sorted int64, document * 2**32 +
    position: the positions Whoosh's Positions format encodes (a count, then a pickled list of
    deltas), decoded with one pickle load a posting and the deltas summed by numpy."""
    codes = [loads(v[_INT_SIZE:] if v.endswith(b".") else v[_INT_SIZE:] + b".") for v in values]
    lengths = np.fromiter(map(len, codes), dtype=np.int64, count=len(codes))
    flat = np.fromiter(chain.from_iterable(codes), dtype=np.int64, count=int(lengths.sum()))
    total = np.cumsum(flat)
    ends = np.cumsum(lengths)
    before = np.concatenate(([0], total[ends[:-1] - 1])) if len(ends) else np.zeros(0, dtype=np.int64)
    before = np.where(lengths > 0, before, 0)
    positions = total - np.repeat(before, lengths)
    return np.repeat(np.asarray(ids, dtype=np.int64), lengths) * (1 << 32) + positions


def _adjacent(keys, candidates):
    """Which candidates hold the words one after another (slop 1): each word's (document, position)
    keys that follow one of the previous word's, all at once."""
    current = _among(keys[0], keys[0] >> 32, candidates)  # the keys are sorted: membership by binary search
    for following in keys[1:]:
        current = _among(following, following - 1, current)
        if not len(current):
            break
    docs = current >> 32
    return _contains(docs, candidates)


def _contains(sorted_values, wanted):
    """For each of wanted, whether the sorted array holds it."""
    if not len(sorted_values):
        return np.zeros(len(wanted), dtype=bool)
    at = np.searchsorted(sorted_values, wanted)
    return sorted_values[np.minimum(at, len(sorted_values) - 1)] == wanted


def _among(values, probes, sorted_set):
    """The values whose probe the sorted set holds."""
    return values[_contains(sorted_set, probes)]


def _within(fmt, lists, where, n, slop):
    """Which of the n candidates hold each word within slop positions after the one before."""
    keep = np.zeros(n, dtype=bool)
    for c in range(n):
        current = fmt.decode_positions(lists[0][2][where[0][c]])
        for i in range(1, len(lists)):
            following = fmt.decode_positions(lists[i][2][where[i][c]])
            current = [p for p in following if any(1 <= p - q <= slop for q in current)]
            if not current:
                break
        keep[c] = bool(current)
    return keep


def term_postings(reader, field, text, values=False, only=None):
    """(ids, weights, values) of a term in one segment as arrays (values: the encoded
    postings values when asked for, else None); None when the segment lacks the term.
    only: sorted document numbers; a block of postings holding none of them is skipped unread
    (its header says its last document), so the result holds at least those of them the term has.
    Deleted documents are included: evaluate() removes them once per query."""
    btext = text if isinstance(text, bytes) else reader.schema[field].to_bytes(text) if field in reader.schema else None
    if btext is None:
        return None
    try:
        matcher = reader.postings(field, btext)
    except TermNotFound:
        return None
    if isinstance(matcher, FilterMatcher):
        matcher = matcher.child
    if isinstance(matcher, ListMatcher):  # inlined postings
        ids = np.asarray(matcher._ids, dtype=np.int64)
        weights = np.asarray(matcher._weights if matcher._weights is not None else [1.0] * len(ids), dtype=np.float64)
        return ids, weights, (list(matcher._values) if values else None)
    if not isinstance(matcher, W3LeafMatcher):  # a codec this module does not know: read it the slow way
        ids, weights, vals = [], [], []
        while matcher.is_active():
            ids.append(matcher.id())
            weights.append(matcher.weight())
            if values:
                vals.append(matcher.value())
            matcher.next()
        return np.asarray(ids, dtype=np.int64), np.asarray(weights, dtype=np.float64), (vals if values else None)
    id_blocks, weight_blocks, value_blocks = [], [], []
    m, last = matcher, -1
    while True:
        if only is not None:
            first = np.searchsorted(only, last, side="right")
            last = m._maxid
            if first >= len(only) or only[first] > last:  # none of them in this block
                if m._lastblock:
                    break
                m._goto(m._nextoffset)
                continue
        if m._data is None:
            m._read_data()
        raw_ids, raw_weights = m._data[0], m._data[1]
        n = m._blocklength
        id_blocks.append(np.fromiter(delta_decode(raw_ids), dtype=np.int64, count=n))
        if raw_weights is None:
            weight_blocks.append(np.ones(n))
        elif isinstance(raw_weights, float):
            weight_blocks.append(np.full(n, raw_weights))
        else:
            weight_blocks.append(np.asarray(raw_weights, dtype=np.float64))
        if values:
            m._read_values()
            value_blocks.extend(m._values)
        if m._lastblock:
            break
        m._goto(m._nextoffset)
    if not id_blocks:
        return _EMPTY_IDS, _EMPTY_SCORES, ([] if values else None)
    ids = np.concatenate(id_blocks) if len(id_blocks) > 1 else id_blocks[0]
    weights = np.concatenate(weight_blocks) if len(weight_blocks) > 1 else weight_blocks[0]
    return ids, weights, (value_blocks if values else None)


class PostingsCache:
    """Terms' postings as term_postings() reads them, kept by segment (a segment never changes; its
    deletions are applied per query), least recently used out first, within `limit` bytes.

    At the full corpus a query reads each of its terms in each of 36 segments: a term-table lookup
    and the unpickling of every block, again on every query, though the archive's queries share
    their common words (扶贫, 脱贫, 乡村 …); this is the buffer an engine keeps of them. limit 0
    (SEARCH_POSTINGS_CACHE_MB=0) reads every query's postings afresh, a phrase's words then
    skipping the blocks its rarest word rules out."""

    def __init__(self, limit):
        self.limit, self.size = limit, 0
        self._entries = OrderedDict()
        self._lock = threading.Lock()

    def get(self, reader, field, text, values=False, only=None):
        if self.limit <= 0:
            return term_postings(reader, field, text, values=values, only=only)
        key = (_segment_key(reader), field, text)
        with self._lock:
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
        if found is not None:
            entry = found[0]
            if entry is None or not values or entry[2] is not None:
                return entry
        entry = term_postings(reader, field, text, values=True)  # whole, with positions: any later query can use it
        size = (
            200
            if entry is None
            else entry[0].nbytes + entry[1].nbytes + sum(len(v or b"") + 40 for v in entry[2] or ())
        )
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self.size -= old[1]
            self._entries[key] = (entry, size)
            self.size += size
            while self.size > self.limit and self._entries:
                _key, (_entry, dropped) = self._entries.popitem(last=False)
                self.size -= dropped
        return entry

    def position_keys(self, reader, field, text, postings):
        """position_keys() of a term's postings (as get() gave them, with values), kept beside them."""
        if self.limit <= 0:
            return position_keys(postings[0], postings[2])
        key = (_segment_key(reader), field, text, "positions")
        with self._lock:
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
                return found[0]
        keys = position_keys(postings[0], postings[2])
        self._put(key, keys, keys.nbytes + 100)
        return keys

    def _put(self, key, entry, size):
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self.size -= old[1]
            self._entries[key] = (entry, size)
            self.size += size
            while self.size > self.limit and self._entries:
                _key, (_entry, dropped) = self._entries.popitem(last=False)
                self.size -= dropped

    def clear(self):
        with self._lock:
            self._entries.clear()
            self.size = 0


POSTINGS = PostingsCache(64 * 2**20)


# Per-segment arrays that do not depend on the query, kept while their segment lives.

_CACHE = OrderedDict()
_CACHE_LIMIT = 4096  # entries: a dozen per segment (facet fields, lengths, sort, deletions)


def _cached(key, make):
    try:
        _CACHE.move_to_end(key)
        return _CACHE[key]
    except KeyError:
        value = _CACHE[key] = make()
        if len(_CACHE) > _CACHE_LIMIT:
            _CACHE.popitem(last=False)
        return value


def _segment_key(reader):
    return reader.segment().segment_id()


def segment_cached(reader, what, make):
    """make() for this segment, computed once while the segment lives (segments never change)."""
    return _cached((_segment_key(reader), *what), make)


def index_cached(readers, what, make):
    """make() for this set of segments (an index generation's), computed once while they live."""
    return _cached((tuple(_segment_key(r) for r in readers), *what), make)


def field_lengths(reader, field):
    """Every document's length in field, as Whoosh's scorer sees it."""

    def make():
        n = reader.doc_count_all()
        return np.fromiter((reader.doc_field_length(d, field, 0) or 0 for d in range(n)), dtype=np.float64, count=n)

    return _cached((_segment_key(reader), "length", field), make)


def _deleted(reader):
    """A boolean mask of the segment's deleted documents, or None when it has none."""
    if not reader.has_deletions():
        return None

    # deletions only grow within a segment: their number identifies the set
    def make():
        mask = np.zeros(reader.doc_count_all(), dtype=bool)
        mask[np.fromiter(deleted_docs(reader), dtype=np.int64)] = True
        return mask

    return _cached((_segment_key(reader), "deleted", reader.doc_count_all() - reader.doc_count()), make)


def deleted_docs(reader):
    perdoc = getattr(reader, "_perdoc", None)
    if perdoc is not None and hasattr(perdoc, "deleted_docs"):
        return perdoc.deleted_docs()
    return (d for d in range(reader.doc_count_all()) if reader.is_deleted(d))


def number_column(reader, field):
    """Every document's raw column value of a numeric field as unsigned 64-bit integers (sort_keys'
    floats lose the last digits of a date), or None when the segment keeps no column of it."""
    if not reader.has_column(field):
        return None

    def make():
        column = reader.column_reader(field, translate=False)
        n = reader.doc_count_all()
        return np.fromiter((column[d] for d in range(n)), dtype=np.uint64, count=n)

    return _cached((_segment_key(reader), "numbers", field), make)


def sort_keys(reader, field):
    """Every document's raw sortable value in field, or None when the field keeps no column. A
    segment where no document has a value writes no column: all its documents have the
    column's default (what a missing value holds)."""
    if not reader.has_column(field):
        kind = reader.schema[field] if field in reader.schema else None
        default = getattr(kind, "default", None) if kind is not None and kind.sortable_typecode else None
        if not isinstance(default, int | float):
            return None
        return _cached(
            (_segment_key(reader), "sort", field),
            lambda: np.full(reader.doc_count_all(), float(default), dtype=np.float64),
        )

    def make():
        column = reader.column_reader(field, translate=False)
        return np.fromiter(
            (column[d] for d in range(reader.doc_count_all())), dtype=np.float64, count=reader.doc_count_all()
        )

    return _cached((_segment_key(reader), "sort", field), make)
