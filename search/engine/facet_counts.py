"""Facet counts over a query's hits: each segment's postings of a facet field as arrays, one
vocabulary per field over the segments, and a query's counts as one bincount a field and segment."""

import numpy as np

from .columns import index_cached, segment_cached


def count_facets(searcher, hits, fields):
    """{field: [(value, count)]} over the matching reports (hits: each leaf searcher's matching
    document numbers, filters included).

    Stock Whoosh reads each hit's values through a per-document categorizer, in Python, on
    every query; here each immutable segment's postings of a facet field are cached once as
    numpy arrays, and a query's counts are one boolean mask and one bincount per field. (The index
    holds reports only, so haystack's model narrowing is not re-applied here.)
    """
    leaves = searcher.leaf_searchers()
    masks = []  # each segment's hits as a boolean mask, made once for every field
    for (leaf, _offset), ids in zip(leaves, hits):
        mask = None
        if len(ids):
            mask = np.zeros(leaf.doc_count_all(), dtype=bool)
            mask[ids] = True
        masks.append(mask)
    out = {}
    for field in fields:
        vocabulary, per_segment = _field_vocabulary(searcher, field)
        total = np.zeros(len(vocabulary), dtype=np.int64)
        for mask, (docs, which) in zip(masks, per_segment):
            if mask is not None and len(docs):
                total += np.bincount(which[mask[docs]], minlength=len(vocabulary))  # every value at once
        found = np.flatnonzero(total)
        # most reports first, then by value (the vocabulary is sorted, so by its index)
        found = found[np.lexsort((found, -total[found]))]
        out[field] = [(vocabulary[i], int(total[i])) for i in found.tolist()]
    return out


def _segment_postings(reader, field):
    """A segment's postings of a facet field as three arrays: its values, and for every
    (value, document) pair the document and the value's index, so a query's counts for all
    values are one bincount (a loop over the values made a numpy call per value: thousands a
    segment for the county field, on every query). Kept in search.engine.evaluate's per-segment cache."""

    def make():
        values, docs, which = [], [], []
        if field in reader.indexed_field_names():
            for btext in reader.lexicon(field):
                ids = np.fromiter(reader.postings(field, btext).all_ids(), dtype=np.int64)
                docs.append(ids)
                which.append(np.full(len(ids), len(values), dtype=np.int64))
                values.append(btext.decode("utf-8"))
        return (
            values,
            np.concatenate(docs) if docs else np.zeros(0, dtype=np.int64),
            np.concatenate(which) if which else np.zeros(0, dtype=np.int64),
        )

    return segment_cached(reader, ("facet", field), make)


def _field_vocabulary(searcher, field):
    """(every value of a facet field in the searcher's segments, sorted, and for each segment the
    documents of its postings with each posting's value as an index into that vocabulary), so a
    query's counts are added up as arrays across segments (a Python dict update per value and
    segment cost 100,000 steps a query for the county field over 36 segments). Built once for a
    set of segments."""
    readers = [leaf.reader() for leaf, _offset in searcher.leaf_searchers()]

    def make():
        per = [_segment_postings(reader, field) for reader in readers]
        vocabulary = sorted(set().union(*(values for values, _d, _w in per)))
        where = {value: i for i, value in enumerate(vocabulary)}
        segments = []
        for values, docs, which in per:
            index = np.asarray([where[v] for v in values], dtype=np.int64)
            segments.append((docs, index[which] if len(which) else which))
        return vocabulary, segments

    return index_cached(readers, ("vocabulary", field), make)


def count_pairs(searcher, hits, first, second):
    """{(value of first, value of second): matching reports} for two facet fields (a province by
    year table): each segment's postings of the two fields joined on the document with numpy, one
    bincount over the pairs, so a cross-table costs what a facet does (a query per province did
    31 passes). A report with several values of a field counts once under each, as in a facet."""
    leaves = searcher.leaf_searchers()
    va, seg_a = _field_vocabulary(searcher, first)
    vb, seg_b = _field_vocabulary(searcher, second)
    total = np.zeros(len(va) * len(vb), dtype=np.int64)
    for (leaf, _offset), ids, (docs_a, which_a), (docs_b, which_b) in zip(leaves, hits, seg_a, seg_b):
        if not len(ids) or not len(docs_a) or not len(docs_b):
            continue
        mask = np.zeros(leaf.doc_count_all(), dtype=bool)
        mask[ids] = True
        keep_a, keep_b = mask[docs_a], mask[docs_b]
        da, wa, db, wb = docs_a[keep_a], which_a[keep_a], docs_b[keep_b], which_b[keep_b]
        order = np.argsort(db, kind="stable")
        db, wb = db[order], wb[order]
        lo, hi = np.searchsorted(db, da, "left"), np.searchsorted(db, da, "right")
        n = hi - lo
        if not n.sum():
            continue
        starts = np.cumsum(n) - n
        at = np.arange(int(n.sum())) - np.repeat(starts, n) + np.repeat(lo, n)
        total += np.bincount(np.repeat(wa, n) * len(vb) + wb[at], minlength=len(total))
    found = np.flatnonzero(total).tolist()
    return {(va[i // len(vb)], vb[i % len(vb)]): int(total[i]) for i in found}
