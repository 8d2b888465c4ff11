"""Per-segment arrays that do not depend on the query: field lengths, deletions, number and sort
columns, and whatever search/engine/ derives from a segment once (facet postings, vocabularies).

Segments never change once written, so each array is computed once while its segment lives (a
segment's deletions only grow: their number is part of the key). Private names of Whoosh used
here (see search/engine/__init__.py): SegmentReader `_perdoc`.
"""

from collections import OrderedDict

import numpy as np

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


def segment_key(reader):
    return reader.segment().segment_id()


def segment_cached(reader, what, make):
    """make() for this segment, computed once while the segment lives (segments never change)."""
    return _cached((segment_key(reader), *what), make)


def index_cached(readers, what, make):
    """make() for this set of segments (an index generation's), computed once while they live."""
    return _cached((tuple(segment_key(r) for r in readers), *what), make)


def field_lengths(reader, field):
    """Every document's length in field, as Whoosh's scorer sees it."""

    def make():
        n = reader.doc_count_all()
        return np.fromiter((reader.doc_field_length(d, field, 0) or 0 for d in range(n)), dtype=np.float64, count=n)

    return _cached((segment_key(reader), "length", field), make)


def deleted(reader):
    """A boolean mask of the segment's deleted documents, or None when it has none."""
    if not reader.has_deletions():
        return None

    # deletions only grow within a segment: their number identifies the set
    def make():
        mask = np.zeros(reader.doc_count_all(), dtype=bool)
        mask[np.fromiter(deleted_docs(reader), dtype=np.int64)] = True
        return mask

    return _cached((segment_key(reader), "deleted", reader.doc_count_all() - reader.doc_count()), make)


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

    return _cached((segment_key(reader), "numbers", field), make)


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
            (segment_key(reader), "sort", field),
            lambda: np.full(reader.doc_count_all(), float(default), dtype=np.float64),
        )

    def make():
        column = reader.column_reader(field, translate=False)
        return np.fromiter(
            (column[d] for d in range(reader.doc_count_all())), dtype=np.float64, count=reader.doc_count_all()
        )

    return _cached((segment_key(reader), "sort", field), make)
