"""Store what the stages made of kept files, and mark each Upload with what became of it.

Used by `manage.py ingest` and the batches' job (through batch.ingest_many, a chunk at a time) and,
one file at a time, by ingest_bytes; all get the same Outcome objects and the same words for
failures. The bytes are kept as an Upload before anything is stored, so a failed file is never lost
and can be retried.
"""

from django.db import DatabaseError, connection, transaction

from archive.ingest import Rejected, run_pipeline
from archive.ingest.store import Item, Stored, store_documents
from archive.models import Upload
from search.indexing import deferred

from .record import Entry, Outcome
from .uploads import keep_uploads


def store_entries(entries: list[Entry], index=True):
    """Store the kept entries' documents and mark their Uploads, in one transaction (a process killed
    between the two would leave a stored report whose Upload says it is still pending); each entry's
    outcome is filled in. Returns {entry: Stored} for those whose document was stored.

    If the batch cannot be stored, each entry is tried alone, so one bad document fails by itself
    (its Upload says why and can be retried) and takes no other with it."""
    docs = [e for e in entries if e.doc is not None]
    items = [Item(e.doc, e.signature or [], e.digest, e.stored_as, e.original_name, e.sha256) for e in docs]
    try:
        with transaction.atomic():
            return _record(entries, dict(zip(docs, store_documents(items, index=index))))
    except DatabaseError as exc:
        if len(items) > 1:
            return {e: s for one in entries for e, s in store_entries([one], index=index).items()}
        if not docs:
            raise
        docs[0].doc, docs[0].rejected = None, f"无法存入这篇报道（{exc}）；请在“上传文件”页重新处理"
        with transaction.atomic():
            return _record(entries, {})


def _record(entries, stored):
    rows, out = {}, {}
    for e in entries:
        if e.doc is None:
            e.outcome = Outcome(e.original_name, "failed", message=e.rejected)
            rows[e.upload_id] = (Upload.FAILED, e.rejected, None, e.upload_id)
            continue
        s = stored[e]
        if not s.created and s.report.sha256 == e.sha256:  # its own report, stored by a run that died
            s = Stored(s.report, True)  # before the Upload was marked (before the two shared a transaction)
        out[e] = s
        error = "" if s.created else f"与报道 #{s.report.pk} 相同（相似度 {s.similarity:.0%}）"
        warned = "；".join(e.doc.warnings) if s.created else ""  # read, but not all of it (bad bytes, no title)
        e.outcome = Outcome(e.original_name, "created" if s.created else "duplicate", s.report.pk, warned)
        rows[e.upload_id] = (Upload.CREATED if s.created else Upload.DUPLICATE, error, s.report.pk, e.upload_id)
    _mark(rows.values())
    return out


def _mark(rows):
    """Save what became of each Upload (status, error, report id, pk): one statement run for all
    (bulk_update's CASE per row is slow)."""
    table = connection.ops.quote_name(Upload._meta.db_table)
    with connection.cursor() as cursor:
        cursor.executemany(f"UPDATE {table} SET status = %s, error = %s, report_id = %s WHERE id = %s", list(rows))


def process_upload(upload, data=None):
    """Run the pipeline on a kept Upload and record what became of it."""
    if data is None:
        with upload.file.open("rb") as fh:
            data = fh.read()
    return _process(Entry(upload.original_name, data).keep(upload))


def _process(entry):
    try:
        entry.doc = run_pipeline(entry.original_name, entry.data)  # the name it is kept under, as it will be shown
    except Rejected as exc:
        entry.rejected = str(exc)
    with deferred():  # the report and its records reach the index once, after the commit
        store_entries([entry])
    return entry.outcome


def ingest_bytes(name, data):
    """Keep the bytes, then process them; an Upload already processed is not run again."""
    if isinstance(data, Exception):
        return Outcome(name, "failed", message=str(data))
    (entry,) = keep_uploads([Entry(name, data)])
    return entry.known() or _process(entry)
