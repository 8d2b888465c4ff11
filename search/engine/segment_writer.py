"""A Whoosh segment writer for bulk ingests: postings kept compactly, written a term at a time.

Whoosh's SegmentWriter keeps each posting as a 5-tuple in a sorting pool (about
250 bytes a posting), sorts all of them at commit and writes them one posting at
a time through several Python calls each. For this archive's ~360 postings a
report, that was most of a bulk ingest's index time, at commit, and hundreds of MB
per sub-writer (docs/BENCHMARKS.md). TermPool keeps the postings in flat arrays (about 20 bytes each),
groups them by term with numpy, and write_postings() writes each term's postings
in one step: inlined in the term entry when there are few (InliningCodec's rule),
otherwise in blocks exactly as W3PostingsWriter writes them. The files are the
same bytes Whoosh writes with InliningCodec (tests compare them), so any Whoosh
reader, and the stock codec, read them.

Tied to Whoosh 2.7.4's W3 codec (requirements.txt pins it): it uses the field
writer's term table and postings file directly. Private names of Whoosh used here (listed with
the reasons in search/engine/__init__.py): W3FieldWriter's _codec, _postfile, _tindex, _fieldid;
OrderedHashWriter's hashfn, dbfile, lastkey, buckets, index; W3Codec's _blocklimit,
_compression, _inlinelimit; the struct layouts of W3TermInfo._struct and filetables._lengths;
SegmentWriter's _check_state, _doc_boost, _check_fields, _field_boost, _added, _flush_segment,
perdocwriter, fieldwriter, docnum, docbase, pool; multiproc.SubWriterTask._Popen and run(),
the module name multiproc.SegmentWriter (replaced in a sub-writer's own process only), and
MpWriter's jobqueue, resultqueue, tasks, _new_task.
"""

import struct
import zlib
from array import array
from itertools import accumulate

import numpy as np
from whoosh import multiproc
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC
from whoosh.compat import dumps
from whoosh.system import pack_int, pack_long, pack_ushort
from whoosh.util.numeric import length_to_byte
from whoosh.writing import SegmentWriter

from archive.intake import workers

from .fields import PresegmentedPositions

_TERMINFO = struct.Struct("!BfIBBfII")  # W3TermInfo._struct
_LENGTHS = struct.Struct("!ii")  # whoosh.filedb.filetables._lengths
_NO_ID = 0xFFFFFFFF
_CHUNK = 65536  # postings turned into Python objects at a time while writing


class TermPool:
    """The postings of one segment, in flat arrays: Whoosh's PostingPool interface (add((fieldname,
    tbytes, docnum, weight, vbytes)), fieldnames, cleanup) without holding a tuple per posting;
    add_many() takes a document's postings of one field at once."""

    def __init__(self):
        self.fieldnames = set()
        self._fields = {}  # fieldname -> {tbytes: term number}
        self._keys = []  # term number -> (fieldname, tbytes)
        self._term, self._doc = array("I"), array("I")
        self._weight, self._vend = array("d"), array("Q")
        self._values = bytearray()

    def _numbers(self, fieldname, words):
        terms = self._fields.get(fieldname)
        if terms is None:
            terms = self._fields[fieldname] = {}
            self.fieldnames.add(fieldname)
        keys = self._keys
        out = []
        for word in words:
            number = terms.get(word)
            if number is None:
                number = terms[word] = len(keys)
                keys.append((fieldname, word))
            out.append(number)
        return out

    def add(self, item):
        fieldname, tbytes, docnum, weight, vbytes = item
        self.add_many(fieldname, docnum, [tbytes], [weight], [vbytes or b""])

    def add_many(self, fieldname, docnum, words, weights, values):
        """One document's postings in one field: words (bytes), weights, encoded values (bytes)."""
        self._term.extend(self._numbers(fieldname, words))
        self._doc.extend([docnum] * len(words))
        self._weight.extend(weights)
        end = len(self._values)
        self._vend.extend(accumulate(map(len, values), initial=end))
        del self._vend[-len(words) - 1]  # accumulate's initial value is the previous end
        self._values += b"".join(values)

    def __len__(self):
        return len(self._term)

    def cleanup(self):
        self.__init__()

    def grouped(self):
        """(fieldname, [(tbytes, start, end)], postings in term order as numpy arrays: doc, weight,
        value start, value end), field by field in name order, terms in byte order, postings of a
        term in the order they were added (document order)."""
        if not self._keys:
            return
        order = sorted(range(len(self._keys)), key=self._keys.__getitem__)
        keys = [self._keys[k] for k in order]
        rank = np.empty(len(keys), dtype=np.int64)
        rank[order] = np.arange(len(keys))
        ranked = rank[np.frombuffer(self._term, dtype=np.uint32)]
        order = np.argsort(ranked, kind="stable")
        bounds = np.concatenate(([0], np.cumsum(np.bincount(ranked, minlength=len(keys))))).tolist()
        vend = np.frombuffer(self._vend, dtype=np.uint64).astype(np.int64)
        vstart = np.concatenate(([0], vend[:-1]))
        postings = (
            np.frombuffer(self._doc, dtype=np.uint32)[order],
            np.frombuffer(self._weight)[order],
            vstart[order],
            vend[order],
        )
        i = 0
        while i < len(keys):
            fieldname = keys[i][0]
            j = i
            while j < len(keys) and keys[j][0] == fieldname:
                j += 1
            yield fieldname, [(keys[k][1], bounds[k], bounds[k + 1]) for k in range(i, j)], postings
            i = j


def write_postings(fieldwriter, schema, lengths, pool, docbase, docnum):
    """Write the pool's postings through a W3FieldWriter (InliningCodec's), as its add_postings()
    would, a term at a time. lengths: the segment's per-document reader (field lengths), or None."""
    codec = fieldwriter._codec
    blocklimit, compression, inlinelimit = codec._blocklimit, codec._compression, codec._inlinelimit
    postfile, tindex = fieldwriter._postfile, fieldwriter._tindex
    hashfn = tindex.hashfn
    values = bytes(pool._values)
    for fieldname, terms, (doc, weight, vstart, vend) in pool.grouped():
        fieldobj = schema[fieldname]
        fieldwriter.start_field(fieldname, fieldobj)
        prefix = pack_ushort(fieldwriter._fieldid)
        fixedsize = fieldobj.format.fixed_value_size()
        by_doc = np.array(
            [(lengths.doc_field_length(d, fieldname) or 0) if lengths else 0 for d in range(docbase, docnum)] or [0],
            dtype=np.int64,
        )
        pos, tpos = postfile.tell(), tindex.dbfile.tell()  # kept here from now on: a tell() is a system call
        t = 0
        while t < len(terms):  # a chunk of terms at a time: Python objects for at most ~_CHUNK postings
            first = terms[t][1]
            u = t + 1
            while u < len(terms) and terms[u][2] - first <= _CHUNK:
                u += 1
            last = terms[u - 1][2]
            ids = doc[first:last].tolist()
            ws = weight[first:last].tolist()
            w32 = weight[first:last].astype(np.float32).tolist()  # Whoosh keeps weights in array("f")
            lens = by_doc[doc[first:last] - docbase].tolist()
            vals = [values[s:e] for s, e in zip(vstart[first:last].tolist(), vend[first:last].tolist())]
            blobs, entries, starts = [], [], []
            for tbytes, a, b in terms[t:u]:
                a, b = a - first, b - first
                info, blob = _term(
                    ids[a:b],
                    ws[a:b],
                    w32[a:b],
                    lens[a:b],
                    vals[a:b],
                    pos,
                    blocklimit,
                    compression,
                    inlinelimit,
                    fixedsize,
                )
                if blob:
                    blobs.append(blob)
                    pos += len(blob)
                # OrderedHashWriter.add(key, info), its file position counted instead of asked for
                key = prefix + tbytes
                if key <= tindex.lastkey:
                    raise ValueError(f"Keys must increase: {tindex.lastkey!r}..{key!r}")
                tindex.lastkey = key
                entry = _LENGTHS.pack(len(key), len(info)) + key + info
                h = hashfn(key)
                tindex.buckets[h & 255].append((h, tpos))
                starts.append(tpos)
                entries.append(entry)
                tpos += len(entry)
            postfile.write(b"".join(blobs))
            tindex.index.extend(starts)
            tindex.dbfile.write(b"".join(entries))
            t = u
        fieldwriter.finish_field()


def _stats(ws, lens):
    """A block's (max weight, min length or None, max length), as W3PostingsWriter.add_posting keeps them."""
    maxweight = 0
    for w in ws:
        if w > maxweight:
            maxweight = w
    nonzero = [n for n in lens if n]
    return maxweight, (min(nonzero) if nonzero else None), max(nonzero, default=0)


def _term(ids, ws, w32, lens, vals, pos, blocklimit, compression, inlinelimit, fixedsize):
    """(term info bytes, postings bytes to append at pos) for one term's postings."""
    n = len(ids)
    if n < inlinelimit and all(vals):  # _InliningPostingsWriter.finish_postings (every posting has a value)
        maxweight, minlength, maxlength = _stats(ws, lens)
        info = _info(1, sum(w32), n, minlength, maxlength, maxweight, ids[0], ids[-1])
        return info + dumps((tuple(ids), tuple(w32), tuple(vals)), 2), b""
    parts = [WHOOSH3_HEADER_MAGIC]
    total, minl, maxl, maxw = 0, None, 0, 0
    for a in range(0, n, blocklimit):  # W3PostingsWriter._write_block, block by block
        b = min(a + blocklimit, n)
        bw = w32[a:b]
        mw, ml, xl = _stats(ws[a:b], lens[a:b])
        total += sum(bw)
        minl = ml if minl is None else min(minl, ml)
        maxl, maxw = max(maxl, xl), max(maxw, mw)
        block_ids = ids[a:b]
        deltas = tuple(x - y for x, y in zip(block_ids, [0] + block_ids[:-1]))
        if all(w == 1.0 for w in bw):
            mini_w = None
        elif all(w == bw[0] for w in bw):
            mini_w = bw[0]
        else:
            mini_w = tuple(bw)
        block_vals = [v for v in vals[a:b] if v]
        if fixedsize is None or fixedsize < 0:
            mini_v = tuple(block_vals)
        elif fixedsize == 0:
            mini_v = None
        else:
            mini_v = b"".join(block_vals)
        data = dumps((deltas, mini_w, mini_v), 2)
        if compression:  # Whoosh compresses every block (its "under 20 bytes" test is overwritten)
            data = zlib.compress(data, compression)
        head = dumps((b - a, block_ids[-1], mw, compression, length_to_byte(ml), length_to_byte(xl)), 2)
        size = len(head) + len(data)
        parts += [pack_int(-size if b == n else size), head, data]
    blob = b"".join(parts)
    info = _info(0, total, n, minl, maxl, maxw, ids[0], ids[-1])
    return info + pack_long(pos) + pack_int(len(blob)), blob


def _info(inlined, weight, df, minlength, maxlength, maxweight, minid, maxid):
    """W3TermInfo.to_bytes()'s fixed part."""
    return _TERMINFO.pack(
        inlined,
        weight,
        df,
        0 if minlength is None else length_to_byte(minlength),
        length_to_byte(maxlength),
        maxweight,
        _NO_ID if minid is None else minid,
        _NO_ID if maxid is None else maxid,
    )


class BulkSegmentWriter(SegmentWriter):
    """Whoosh's SegmentWriter with a TermPool and write_postings(): the same segment, in a fraction
    of the time and memory. Takes InliningCodec (search/engine/codec.py)."""

    def __init__(self, ix, **kwargs):
        super().__init__(ix, **kwargs)
        self.pool = TermPool()

    def add_document(self, **fields):
        # SegmentWriter.add_document, with a field's postings handed to the pool a document at a
        # time, and a worker's postings (search.analysis.Presegmented) taken as they are
        self._check_state()
        perdocwriter, schema, docnum = self.perdocwriter, self.schema, self.docnum
        docboost = self._doc_boost(fields)
        fieldnames = sorted(name for name in fields if not name.startswith("_"))
        self._check_fields(schema, fieldnames)
        perdocwriter.start_doc(docnum)
        for fieldname in fieldnames:
            value = fields.get(fieldname)
            if value is None:
                continue
            field = schema[fieldname]
            length = 0
            if field.indexed:
                fieldboost = self._field_boost(fields, fieldname, docboost)
                postings = getattr(value, "postings", None)
                if postings is not None and isinstance(field.format, PresegmentedPositions):
                    boost = field.format.field_boost
                    words = [w.encode("utf-8") for w, _f, _w, _v in postings]
                    weights = [w * boost * fieldboost for _t, _f, w, _v in postings]
                    values = [v for _t, _f, _w, v in postings]
                    if field.scorable:
                        length = sum(f for _t, f, _w, _v in postings)
                else:
                    items = list(field.index(value))
                    words = [t for t, _f, _w, _v in items]
                    weights = [w * fieldboost for _t, _f, w, _v in items]
                    values = [v or b"" for _t, _f, _w, v in items]
                    if field.scorable:
                        length = sum(f for _t, f, _w, _v in items)
                self.pool.add_many(fieldname, docnum, words, weights, values)
            if field.separate_spelling() or field.vector:
                raise NotImplementedError(f"{fieldname}: spelling words or term vectors (not in this schema)")
            customval = fields.get(f"_stored_{fieldname}", value)
            perdocwriter.add_field(fieldname, field, customval if field.stored else None, length)
            column = field.column_type
            if column and customval is not None:
                perdocwriter.add_column_value(fieldname, column, field.to_column_value(customval))
        perdocwriter.finish_doc()
        self._added = True
        self.docnum += 1

    def _flush_segment(self):
        self.perdocwriter.close()
        lengths = self.per_document_reader() if self.codec.length_stats else None
        write_postings(self.fieldwriter, self.schema, lengths, self.pool, self.docbase, self.docnum)
        self.fieldwriter.close()
        if lengths:
            lengths.close()


# Sub-writers are started by multiprocessing's fork server, not forked from the ingesting
# process: a forked sub-writer shares that process's heap (Django, every report in flight)
# and copies each page either side writes. Forked, a sub-writer grew to 460 MB over 2,000
# reports; started fresh it holds its pool and little else (measured in DECISIONS.md).
_CONTEXT = workers.context()


class _SubWriterTask(multiproc.SubWriterTask):
    @staticmethod
    def _Popen(process_obj):
        return _CONTEXT.Process._Popen(process_obj)

    def run(self):
        workers.freeze_inherited()
        # Whoosh's run() builds its writer by the module's name for it; this process only
        multiproc.SegmentWriter = BulkSegmentWriter
        super().run()


class BulkMpWriter(multiproc.MpWriter):
    """Whoosh's multi-process writer whose sub-writers are BulkSegmentWriters, started fresh."""

    def __init__(self, ix, **kwargs):
        super().__init__(ix, **kwargs)
        for q in (self.jobqueue, self.resultqueue):
            q.close()  # Whoosh's, of the default (fork) context: the fork server's processes need their own
        self.jobqueue = _CONTEXT.Queue(self.procs * 4)
        self.resultqueue = _CONTEXT.Queue()

    def _new_task(self):
        task = _SubWriterTask(
            self.storage, self.indexname, self.jobqueue, self.resultqueue, self.subargs, self.multisegment
        )
        self.tasks.append(task)
        task.start()
        return task
