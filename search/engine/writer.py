"""Index writes: a batch through one writer, a big batch through Whoosh's multi-process writer, and
BulkWriter, a bulk ingest's one long-lived writer fed the postings its workers computed.

Private names of Whoosh used here (see search/engine/__init__.py): AsyncWriter's .writer (the
SegmentWriter it got, or None when the lock was held elsewhere) and .ident (its thread, when it
replays later).
"""

import os

from haystack.constants import ID
from haystack.exceptions import SkipDocument
from whoosh.writing import AsyncWriter

from ..analysis import Presegmented, index_postings, segment
from .codec import InliningCodec
from .fields import PresegmentedPositions
from .segment_writer import BulkMpWriter, BulkSegmentWriter

MP_MIN_DOCS = 1000  # batches this large are written by one sub-writer per core


class WritingBackend:
    """The write half of ChineseWhooshSearchBackend (search/engine/backend.py): update() with one writer
    and one searcher per batch (stock: update_document() per object, O(n^2) over segments: a rebuild
    four times as long, docs/BENCHMARKS.md), and for big batches Whoosh's multi-process writer."""

    def update(self, index, iterable, commit=True):
        if not self.setup_complete:
            self.setup()
        docs = self._prepare(index, iterable)
        if not docs:
            return
        self.index = self.index.refresh()
        if len(docs) >= MP_MIN_DOCS and (os.cpu_count() or 1) > 1:
            self._update_parallel(docs)
            return
        writer = AsyncWriter(self.index, writerargs={"codec": InliningCodec()})
        if writer.writer is not None:
            with writer.writer.searcher() as searcher:
                for doc in docs:
                    docnum = searcher.document_number(**{ID: doc[ID]})
                    if docnum is not None:
                        writer.writer.delete_document(docnum)
        else:  # locked elsewhere: AsyncWriter replays these calls in order once it gets the lock
            for doc in docs:
                writer.delete_by_term(ID, doc[ID])
        for doc in docs:
            writer.add_document(**doc)
        writer.commit()
        if getattr(writer, "ident", None) is not None:
            writer.join()

    def _prepare(self, index, objs):
        docs = []
        for obj in objs:
            try:
                doc = index.full_prepare(obj)
            except SkipDocument:
                continue
            docs.append({k: self._from_python(v) for k, v in doc.items() if k != "boost"})
        return docs

    def bulk_writer(self, commit_every, procs=1):
        """One writer for a long ingest (see BulkWriter)."""
        if not self.setup_complete:
            self.setup()
        return BulkWriter(self, commit_every, procs)

    def _update_parallel(self, docs):
        """A big batch (a rebuild, an ingest): the multi-process writer, one sub-writer per core
        (search/engine/segment_writer.py),
        each analysing and writing its own share (its lock is taken like any writer's; a LockError
        goes back to search.indexing, which retries)."""
        writer = BulkMpWriter(
            self.index,
            procs=os.cpu_count(),
            multisegment=True,
            codec=InliningCodec(),
            subargs={"codec": InliningCodec()},
        )
        try:
            with writer.searcher() as searcher:
                for doc in docs:
                    docnum = searcher.document_number(**{ID: doc[ID]})
                    if docnum is not None:
                        writer.delete_document(docnum)
            for doc in docs:
                writer.add_document(**doc)
        except BaseException:
            writer.cancel()
            raise
        writer.commit()


class BulkWriter:
    """The index writer of a bulk ingest: reports are added as each stored batch commits, with the
    postings the ingest's workers computed (search.analysis.Presegmented), to Whoosh's
    multi-process writer (one sub-writer per core writes the postings), and written out every
    commit_every reports as segments of their own (commit without merging: the segments of a
    large ingest are not read and rewritten again and again). Holds the index lock between
    commits; other writers queue their updates meanwhile (AsyncWriter)."""

    def __init__(self, backend, commit_every, procs=1):
        self.backend, self.commit_every, self.procs = backend, commit_every, procs
        self.writer, self.added = None, 0
        self._indexed = set()  # ids in the index when the current writer opened
        self.resegmented = 0  # reports whose text came without postings (segmented by the writer)
        self._short = {}  # the postings of short text fields (source, script), by value

    def _short_postings(self, value):
        """A short text field's value (a source's name, a script) that came without postings:
        segmented here once each, so the sub-writers never load jieba (53 MB and a second each)."""
        found = self._short.get(value)
        if found is None:
            if len(self._short) >= 10000:
                self._short.clear()
            found = self._short[value] = Presegmented(value, index_postings(segment(value)))
        return found

    def add(self, index, objs, segments):
        docs = self.backend._prepare(index, objs)
        if not docs:
            return
        field = self.backend.content_field_name
        short = [
            name
            for name, f in self.backend.schema.items()
            if isinstance(f.format, PresegmentedPositions) and name != field
        ]
        for doc in docs:
            postings = segments.get(doc[field])
            if postings is None:
                self.resegmented += 1
            else:
                doc[field] = Presegmented(doc[field], postings)
            for name in short:
                value = doc.get(name)
                if isinstance(value, str):
                    postings = segments.get(value)
                    doc[name] = self._short_postings(value) if postings is None else Presegmented(value, postings)
        if self.writer is None:
            ix = self.backend.index.refresh()
            self.writer = (
                BulkMpWriter(
                    ix, procs=self.procs, multisegment=True, codec=InliningCodec(), subargs={"codec": InliningCodec()}
                )
                if self.procs > 1
                else BulkSegmentWriter(ix, codec=InliningCodec())
            )
            with self.writer.searcher() as searcher:  # what the committed index holds, read once a commit
                self._indexed = {term.decode("utf-8") for term in searcher.reader().lexicon(ID)}
        again = [doc for doc in docs if doc[ID] in self._indexed]
        if again:  # re-adding a report replaces it (probing every segment for each new report cost more)
            with self.writer.searcher() as searcher:
                for doc in again:
                    docnum = searcher.document_number(**{ID: doc[ID]})
                    if docnum is not None:
                        self.writer.delete_document(docnum)
        for doc in docs:
            self.writer.add_document(**doc)
            self.added += 1
        if self.added >= self.commit_every:
            self.commit()

    def commit(self):
        if self.writer is not None:
            self.writer.commit(merge=False)
            self.writer, self.added = None, 0

    def cancel(self):
        if self.writer is not None:
            self.writer.cancel()
            self.writer = None
