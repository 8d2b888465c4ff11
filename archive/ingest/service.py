"""Ingest what a user gave: keep the original, run the pipeline, store, index.

Used by `manage.py ingest` and by the admin upload; both get the same outcome
objects and the same words for failures. The bytes are saved as an Upload
before anything is parsed, so a failed file is never lost and can be retried.
"""

import hashlib
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.db import DatabaseError, connection

from archive.models import Upload

from . import Rejected, run_pipeline
from .store import Item, store_documents


@dataclass
class Outcome:
    name: str
    status: str  # created | duplicate | failed
    report_id: int | None = None
    message: str = ""

    def __str__(self):
        if self.status == "created":
            return f"{self.name}: created #{self.report_id}"
        if self.status == "duplicate":
            return f"{self.name}: duplicate of #{self.report_id}"
        return f"{self.name}: failed: {self.message}"


def keep_upload(name, data):
    """The Upload holding these bytes (one per distinct file)."""
    return keep_uploads([(name, data)])[0]


def keep_uploads(entries):
    """The Upload holding each (name, bytes), in order: the file is saved before anything is parsed."""
    digests = [hashlib.sha256(data).hexdigest() for _name, data in entries]
    known = {}
    for upload in Upload.objects.filter(sha256__in=set(digests)).order_by("pk"):
        known.setdefault(upload.sha256, upload)
    new = []
    for (name, data), digest in zip(entries, digests):
        if digest not in known:
            upload = Upload(original_name=name[-255:], sha256=digest, size=len(data))
            upload.file.save(name.rsplit("/", 1)[-1][-100:] or "upload", ContentFile(data), save=False)
            known[digest] = upload
            new.append(upload)
    if new:
        Upload.objects.bulk_create(new)
        if any(u.pk is None for u in new):  # an engine that does not return ids from bulk inserts
            for upload in Upload.objects.filter(sha256__in=[u.sha256 for u in new]):
                known[upload.sha256] = upload
    return [known[d] for d in digests]


def process_upload(upload, data=None):
    """Run the pipeline on a kept Upload and record what became of it."""
    if data is None:
        with upload.file.open("rb") as fh:
            data = fh.read()
    try:
        doc = run_pipeline(upload.original_name, data)
    except Rejected as exc:
        doc = str(exc)
    return store_prepared(upload, doc)


def store_prepared(upload, doc, signature=None, digest=None):
    """Record a pipeline result (a Document, or the reason it was rejected) for a kept Upload."""
    from search.indexing import deferred

    with deferred():  # the report and its records reach the index once, after the commit
        outcome, _stored = store_prepared_many([(upload, doc, signature, digest)])[0]
    return outcome


def store_prepared_many(prepared, index=True):
    """[(Outcome, Stored or None)] for [(upload, Document or reason, signature, digest)]: the
    documents stored in one transaction, each Upload marked with what became of it.

    If the batch cannot be stored, each document is tried alone, so one bad document
    fails by itself (its Upload says why and can be retried) and takes no other with it."""
    docs = [entry for entry in prepared if not isinstance(entry[1], str)]
    items = [Item(doc, sig or [], digest or "", upload.file.name, upload.original_name, upload.sha256)
             for upload, doc, sig, digest in docs]
    try:
        stored = dict(zip(map(id, docs), store_documents(items, index=index)))
    except DatabaseError as exc:
        if len(items) > 1:
            return [x for p in prepared for x in store_prepared_many([p], index=index)]
        upload = docs[0][0]
        prepared = [(upload, f"the archive could not store this report ({exc}); retry it from the uploads page",
                     None, None) if entry is docs[0] else entry for entry in prepared]
        stored = {}
    out = []
    for entry in prepared:
        upload, doc = entry[0], entry[1]
        if isinstance(doc, str):
            upload.status, upload.error, upload.report = Upload.FAILED, doc, None
            out.append((Outcome(upload.original_name, "failed", message=doc), None))
            continue
        s = stored[id(entry)]
        upload.report = s.report
        upload.status = Upload.CREATED if s.created else Upload.DUPLICATE
        upload.error = "" if s.created else f"same report as #{s.report.pk} ({s.similarity:.0%} alike)"
        out.append((Outcome(upload.original_name, "created" if s.created else "duplicate", s.report.pk), s))
    _mark({u.pk: u for u, *_rest in prepared}.values())
    return out


def _mark(uploads):
    """Save what became of each Upload: one statement run for all (bulk_update's CASE per row is slow)."""
    table = connection.ops.quote_name(Upload._meta.db_table)
    with connection.cursor() as cursor:
        cursor.executemany(f"UPDATE {table} SET status = %s, error = %s, report_id = %s WHERE id = %s",
                           [(u.status, u.error, u.report_id, u.pk) for u in uploads])


def already_ingested(name, upload):
    """The outcome for bytes the archive already took in (the same file given again), or None."""
    if upload.status in (Upload.CREATED, Upload.DUPLICATE) and upload.report_id:
        return Outcome(name, "duplicate", upload.report_id)
    return None


def ingest_bytes(name, data):
    """Keep the bytes, then process them; an Upload already processed is not run again."""
    if isinstance(data, Exception):
        return Outcome(name, "failed", message=str(data))
    upload = keep_upload(name, data)
    return already_ingested(name, upload) or process_upload(upload, data)
