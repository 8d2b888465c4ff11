"""The one serialised path for index updates: ingestion, admin edits, deletes.

Whoosh allows one writer at a time. In this process a lock serialises
writers; across processes the backend's AsyncWriter waits for the index lock
and replays, and a LockError is retried with backoff, so neither a user nor
an ingest ever sees one and no document is lost. Inside `deferred()` updates
are collected and written in one batch at the end; a bulk ingest or a rebuild
writes through one long-lived writer (`stream()`).
"""

import os
import threading
import time
from contextlib import contextmanager

from django.dispatch import Signal
from haystack import connections
from haystack.backends.whoosh_backend import WhooshSearchBackend
from haystack.query import SearchQuerySet
from whoosh.index import LockError

from archive.models import Report

_LOCK = threading.RLock()
_local = threading.local()
RETRIES = 8
BATCH = 5000  # reports per index update (big batches use every core)
QUERY_CHUNK = 500
REBUILD_COMMIT_EVERY = 10000  # reports per commit of a rebuild (one segment per core each, pools in memory)

# Sent after this process committed the index (an ingest, a correction, a deletion, a rebuild): the
# summary pages' cache builds again what readers asked for since the commit before
# (archive.views.cache.warm), so the first request after a commit does not wait for it.
committed = Signal()


def _backend_and_index():
    conn = connections["default"]
    return conn.get_backend(), conn.get_unified_index().get_index(Report)


def _retry(fn):
    delay = 0.05
    for attempt in range(RETRIES):
        try:
            with _LOCK:
                return fn()
        except LockError:
            if attempt == RETRIES - 1:
                raise
            time.sleep(delay)
            delay *= 2


@contextmanager
def deferred():
    """Collect index updates made inside the block; write them once at its end."""
    outer = getattr(_local, "pending", None)
    if outer is not None:
        yield
        return
    _local.pending = set()
    try:
        yield
    finally:
        pending, _local.pending = _local.pending, None
        if pending:
            index_reports(sorted(pending))


def index_reports(pks):
    """(Re)index these reports from the database, in batches."""
    pending = getattr(_local, "pending", None)
    if pending is not None:
        pending.update(pks)
        return
    backend, index = _backend_and_index()
    pks = list(pks)
    wrote = False
    for i in range(0, len(pks), BATCH):
        batch = []
        for j in range(i, min(i + BATCH, len(pks)), QUERY_CHUNK):  # SQLite caps the size of one query
            batch += index.index_queryset().filter(pk__in=pks[j : min(j + QUERY_CHUNK, i + BATCH)])
        if batch:
            _retry(lambda batch=batch: backend.update(index, batch))
            wrote = True
    if wrote:
        committed.send(sender=None)


def uses_local_analyzer():
    """True when the engine analyses text with search.analysis in this process (Whoosh), so a
    bulk ingest can segment reports in its worker processes and hand the tokens over."""
    backend, _index = _backend_and_index()
    return hasattr(backend, "bulk_writer")


class Stream:
    """Index reports as a bulk ingest stores them (see stream())."""

    def __init__(self, commit_every, procs):
        self.backend, self.index = _backend_and_index()
        self.writer = None
        if hasattr(self.backend, "bulk_writer"):
            self.writer = _retry(lambda: self.backend.bulk_writer(commit_every, procs))

    def add(self, pks, segments=None):
        """Index these stored reports; segments: {indexed text: its index_postings} from workers."""
        objs = []
        for j in range(0, len(pks), QUERY_CHUNK):
            objs += self.index.index_queryset().filter(pk__in=pks[j : j + QUERY_CHUNK])
        if self.writer is None:  # a server engine: its own bulk API, through haystack
            _retry(lambda: self.backend.update(self.index, objs))
        else:
            _retry(lambda: self.writer.add(self.index, objs, segments or {}))

    def close(self, ok=True):
        if self.writer is not None:
            if ok:
                _retry(self.writer.commit)
                committed.send(sender=None)
            else:
                self.writer.cancel()


@contextmanager
def stream(commit_every=10000, parallel=True):
    """One index writer for a long ingest, written out every commit_every reports and at the end;
    parallel: one sub-writer process per core (for a few reports, one writer in this process).

    Whoosh's index lock is held from the first report added to the last commit: an index
    update made meanwhile (an admin edit) is queued by haystack's AsyncWriter and written
    as soon as the lock is free (at the ingest's next commit); nothing is lost."""
    s = Stream(commit_every, (os.cpu_count() or 1) if parallel else 1)
    try:
        yield s
    except BaseException:
        s.close(ok=False)
        raise
    s.close()


def remove_reports(pks):
    """Take deleted reports out of the index."""
    backend, _index = _backend_and_index()
    for pk in pks:
        ident = f"archive.report.{pk}"
        _retry(lambda ident=ident: backend.remove(ident))
    if pks:
        committed.send(sender=None)


def rebuild():
    """Clear the index and rebuild it from the database: one bulk writer (see stream()), so
    segments are written once, not merged again after every batch."""
    backend, index = _backend_and_index()
    _retry(lambda: backend.clear())
    pks = list(index.index_queryset().values_list("pk", flat=True).order_by("pk"))
    with stream(REBUILD_COMMIT_EVERY) as s:
        for i in range(0, len(pks), QUERY_CHUNK):
            s.add(pks[i : i + QUERY_CHUNK])
    return len(pks)


def indexed_ids():
    """The ids of the reports the index holds: the engine's own documents, not what the database
    says was indexed (an ingest killed between its commits stores reports the index never got)."""
    backend, _index = _backend_and_index()
    if hasattr(backend, "indexed_ids"):
        return backend.indexed_ids()
    sqs = SearchQuerySet().models(_index.get_model())
    return {int(pk) for pk in sqs.values_list("pk", flat=True)[: sqs.count()]}


def sync():
    """Bring the index in line with the database: index the reports it lacks, remove those the
    database no longer has. Returns (added, removed). Run by `make run`, the worker's start and
    every `manage.py ingest`, so a crash at any point is repaired by the next start."""
    if not schema_is_current():
        return rebuild(), 0
    in_db = set(Report.objects.values_list("pk", flat=True))
    indexed = indexed_ids()
    missing, stale = sorted(in_db - indexed), sorted(indexed - in_db)
    if missing:
        with stream(REBUILD_COMMIT_EVERY, parallel=len(missing) >= 1000) as s:
            for i in range(0, len(missing), QUERY_CHUNK):
                s.add(missing[i : i + QUERY_CHUNK])
    if stale:
        remove_reports(stale)
    return len(missing), len(stale)


def _local_index():
    """(backend, index) of a Whoosh engine, set up (its storage opened), or (None, None) for a server
    engine. By the backend's class: a Whoosh backend has no storage until its thread's first setup()
    (haystack's backends are per thread), which a summary page's first version() may come before."""
    backend, index = _backend_and_index()
    if not isinstance(backend, WhooshSearchBackend):
        return None, None
    if not backend.setup_complete:
        backend.setup()
    return backend, index


def version():
    """A value that changes whenever the index commits (Whoosh's generation number: every ingest,
    correction and deletion reaches the index through one commit), or None for a server engine.
    Pages whose data is a summary of the whole index (home, regions) are cached under it."""
    backend, _index = _local_index()
    if backend is None:
        return None
    try:
        return backend.index.latest_generation()
    except Exception:  # noqa: BLE001 (no index yet)
        return None


def schema_is_current():
    """False when the index on disk was written with another schema (fields or analyzers changed):
    it must be rebuilt. Engines without a local schema answer True."""
    backend, _index = _local_index()
    if backend is None:  # a server engine keeps its own mapping
        return True
    try:
        on_disk = backend.storage.open_index().schema
    except Exception:  # noqa: BLE001 (no index yet, or one Whoosh cannot read)
        return False

    def shape(schema):
        def analyzer(f):
            a = getattr(f, "analyzer", None)
            parts = getattr(a, "items", [a])
            return [(type(p).__name__, getattr(p, "version", None)) for p in parts]

        return {name: (type(f).__name__, analyzer(f)) for name, f in schema.items()}

    return shape(on_disk) == shape(backend.schema)
