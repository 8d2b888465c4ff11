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
Phrase, Every, NullQuery, a date range); `supported()` says no to anything else and the backend then takes
Whoosh's own path. Per-segment arrays that do not depend on the query (field lengths, deleted
documents, sort columns) are cached by segment (search/engine/columns.py); postings are read
through search/engine/postings.py, which keeps them.
"""

import weakref

import numpy as np
from whoosh import query as wq
from whoosh.fields import DATETIME
from whoosh.scoring import BM25F

from .columns import deleted, field_lengths, number_column
from .postings import POSTINGS

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
    if not leaf.reader().doc_count_all():  # an empty segment, or an index with none
        return Hits.empty()
    hits = _eval(q, _Segment(leaf, top))
    gone = deleted(leaf.reader())
    if gone is not None and len(hits.ids):
        keep = ~gone[hits.ids]
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
