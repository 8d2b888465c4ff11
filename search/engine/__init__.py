"""The specialised Whoosh engine: everything that reads or writes Whoosh 2.7.4's internals, behind one seam.

haystack's stock Whoosh backend was too slow for this archive (DECISIONS.md: "Search speed", "Bulk
index writes"), so these modules reach past Whoosh's public API. They are fast and haystack's own
suite guards them (`make haystack-suite`), but they hold only for the Whoosh they were written
against: requirements.txt pins Whoosh==2.7.4, WHOOSH_VERSION says so here, and
tests/search/test_engine.py fails with a clear message when another Whoosh is installed. Before
moving the pin, read each name below in the new Whoosh and run the engine's tests.

Modules (imports go one way: backend -> writer -> segment_writer -> fields, codec; backend ->
evaluate -> postings -> columns; backend -> facet_counts -> columns; backend -> haystack_query):
- backend.py: ChineseWhooshSearchBackend (searching, spelling, highlighting) and the engine;
- haystack_query.py: haystack's query class for it (facet filters counted without their own);
- writer.py: batch updates and BulkWriter, a bulk ingest's long-lived writer;
- segment_writer.py: TermPool and write_postings(), the bytes of Whoosh's W3 codec written directly;
- codec.py: InliningCodec (Whoosh's inline-postings bug fixed); fields.py: the pickled field types;
- evaluate.py: queries evaluated with numpy over a segment's postings;
- postings.py: a term's postings read as arrays, and kept (PostingsCache);
- columns.py: per-segment arrays (lengths, deletions, columns); facet_counts.py: facet counts.

Every private name of Whoosh they use, and why:
- W3LeafMatcher `_data`, `_read_data()`, `_blocklength`, `_read_values()`, `_values`, `_lastblock`,
  `_goto()`, `_nextoffset`, `_maxid` (evaluate): a term's postings read a block at a time into arrays,
  one unpickle per 128 postings instead of a Python call per posting, and a phrase's blocks that hold
  none of its rarest word's documents skipped unread (the block header names its last document);
- whoosh.system `_INT_SIZE` and the Positions format's layout (a count, then a pickled list of
  deltas) (evaluate): a phrase's positions decoded for all its candidates at once;
- ListMatcher `_ids`, `_weights`, `_values`; FilterMatcher `child` (evaluate): inlined postings taken
  as they are, and the matcher under Whoosh's deletion filter (deletions are masked once per query);
- BM25F `_field_B`, `B`, `K1` (evaluate): Whoosh's own scoring constants, so scores are Whoosh's;
- SegmentReader `_perdoc.deleted_docs()` (evaluate): a segment's deletions in one call;
- W3PostingsWriter `_terminfo`, `_inlinelimit`, `_ids`, `_weights`, `_values`, `_write_block()`,
  `_startoffset`, `_postfile` (codec): finish_postings() rewritten, since Whoosh 2.7.4 calls
  terminfo.set_inline(), which does not exist, so the stock codec never inlines;
- W3FieldWriter `add_postings(schema, lengths, items)` (codec): each document's field length read once;
- W3Codec `_blocklimit`, `_compression`, `_inlinelimit` (codec, segment_writer): the codec's settings;
- W3FieldWriter `_codec`, `_postfile`, `_tindex`, `_fieldid`; OrderedHashWriter `hashfn`, `dbfile`,
  `lastkey`, `buckets`, `index` (segment_writer): a term's postings and term entry written in one step;
- W3TermInfo's struct layout `!BfIBBfII` and filetables' `!ii` (segment_writer, copied): the term
  entries packed without a TermInfo object a term;
- SegmentWriter `_check_state()`, `_doc_boost()`, `_check_fields()`, `_field_boost()`, `_added`,
  `_flush_segment()`, `perdocwriter`, `fieldwriter`, `docnum`, `docbase`, `pool`, `per_document_reader()`
  (segment_writer): add_document() and the flush with a flat posting pool (20 bytes a posting, not 250);
- multiproc `SubWriterTask._Popen`, `SubWriterTask.run()`, the module global `multiproc.SegmentWriter`
  (replaced inside a sub-writer's own process only, never in the ingesting one), MpWriter `jobqueue`,
  `resultqueue`, `tasks`, `_new_task()` (segment_writer): sub-writers started by the fork server with
  the bulk writer;
- AsyncWriter `writer`, `ident` (writer): the writer it got (or None while the lock is held elsewhere);
- FileStorage `supports_mmap` (backend): turned off, or opening a searcher copies every segment into memory.
And of haystack 3.4's WhooshSearchBackend, which the backend subclasses: `_from_python` (writer), to
prepare a document's values as haystack's own update() does.
"""

WHOOSH_VERSION = (2, 7, 4)


def whoosh_mismatch():
    """None when the installed Whoosh is the one this engine was written against, else what to do, in words."""
    import whoosh  # here, not at the top: the check must answer even where importing the engine would fail

    found = tuple(whoosh.__version__[:3])
    if found == WHOOSH_VERSION:
        return None
    want, got = ".".join(map(str, WHOOSH_VERSION)), ".".join(map(str, found))
    return (
        f"search/engine/ uses private names of Whoosh {want} (listed in search/engine/__init__.py) but Whoosh "
        f"{got} is installed: install Whoosh=={want} (requirements.txt), or check each listed name in "
        f"Whoosh {got} and then move WHOOSH_VERSION"
    )
