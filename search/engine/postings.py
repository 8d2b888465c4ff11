"""A term's postings read from a segment as arrays, and kept: term_postings(), position_keys(), PostingsCache.

Private names of Whoosh used here (see search/engine/__init__.py): W3LeafMatcher's block state,
ListMatcher's lists, FilterMatcher's child, whoosh.system `_INT_SIZE` and the Positions format.
"""

import threading
from collections import OrderedDict
from itertools import chain
from pickle import loads

import numpy as np
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.matching.mcore import ListMatcher
from whoosh.matching.wrappers import FilterMatcher
from whoosh.reading import TermNotFound
from whoosh.system import _INT_SIZE
from whoosh.util.numlists import delta_decode

from .columns import segment_key

_EMPTY_IDS = np.zeros(0, dtype=np.int64)
_EMPTY_SCORES = np.zeros(0, dtype=np.float64)


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
        if self.limit <= 0 or reader.segment() is None:  # (a reader of no segment: an empty index)
            return term_postings(reader, field, text, values=values, only=only)
        key = (segment_key(reader), field, text)
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
        if self.limit <= 0 or reader.segment() is None:
            return position_keys(postings[0], postings[2])
        key = (segment_key(reader), field, text, "positions")
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
