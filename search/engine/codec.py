"""InliningCodec: Whoosh 2.7.4's W3 codec with its inline-postings bug fixed and field lengths read once.

Private names of Whoosh used here (see search/engine/__init__.py): W3PostingsWriter's _terminfo,
_inlinelimit, _ids, _weights, _values, _write_block, _startoffset and _postfile; W3FieldWriter's
add_postings(schema, lengths, items); W3Codec's _blocklimit, _compression and _inlinelimit.
"""

from whoosh.codec.whoosh3 import W3Codec, W3FieldWriter, W3PostingsWriter

INLINE_LIMIT = 8  # postings per term kept inline


class _InliningPostingsWriter(W3PostingsWriter):
    def finish_postings(self):
        # Whoosh 2.7.4 calls terminfo.set_inline(), a method that does not exist (it is set_inlined),
        # so its default codec never inlines (inlinelimit=1). Fixed here, for postings that carry
        # values (positions) only: an inlined list without values reads back as no postings at all
        # when segments are merged (ListMatcher.all_items zips ids with an empty tuple).
        terminfo = self._terminfo
        if not self.written() and len(self) < self._inlinelimit and len(self._values) == len(self._ids):
            terminfo.add_block(self)
            terminfo.set_inlined(self._ids, self._weights, self._values)
        else:  # as W3PostingsWriter writes a posting list of its own
            if self._ids:
                self._write_block(last=True)
            terminfo.set_extent(self._startoffset, self._postfile.tell() - self._startoffset)
        self._terminfo = None
        return terminfo


class _Lengths:
    """A segment's field lengths, each read once: the postings flush asks for the length of a
    posting's document for every posting (Whoosh re-reads it from the column every time)."""

    def __init__(self, reader):
        self._reader, self._seen = reader, {}

    def doc_field_length(self, docnum, fieldname, default=0):
        key = (docnum, fieldname)
        try:
            return self._seen[key]
        except KeyError:
            value = self._seen[key] = self._reader.doc_field_length(docnum, fieldname, default)
            return value


class _FieldWriter(W3FieldWriter):
    def add_postings(self, schema, lengths, items):
        return super().add_postings(schema, _Lengths(lengths) if lengths else lengths, items)


class InliningCodec(W3Codec):
    """Whoosh's codec with a rare term's postings kept in its term entry instead of a block of their own,
    and each document's field length read once while postings are written.

    Most terms of a Chinese index are rare (the two-character pieces): writing a pickled,
    compressed block for each was about a quarter of the cost of a commit. Segments it writes are read
    by the stock codec (inlined postings are part of Whoosh's format)."""

    def __init__(self):
        super().__init__(inlinelimit=INLINE_LIMIT)

    def field_writer(self, storage, segment):
        return _FieldWriter(self, storage, segment)

    def postings_writer(self, dbfile, byteids=False):
        return _InliningPostingsWriter(
            dbfile,
            blocklimit=self._blocklimit,
            byteids=byteids,
            compression=self._compression,
            inlinelimit=self._inlinelimit,
        )
