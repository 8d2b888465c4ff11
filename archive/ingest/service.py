"""Ingest what a user gave: keep the original, run the pipeline, store, index.

Used by `manage.py ingest` and by the admin upload; both get the same outcome
objects and the same words for failures. The bytes are saved as an Upload
before anything is parsed, so a failed file is never lost and can be retried.
"""

import hashlib
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.db import DatabaseError, connection, transaction

from archive.models import Upload

from . import Rejected, run_pipeline
from .files import clean_name
from .store import Item, Stored, store_documents


@dataclass
class Outcome:
    name: str
    status: str  # created | duplicate | failed
    report_id: int | None = None
    message: str = ""

    def __str__(self):
        if self.status == "created":
            return f"{self.name}: created #{self.report_id}" + (f" ({self.message})" if self.message else "")
        if self.status == "duplicate":
            return f"{self.name}: duplicate of #{self.report_id}"
        return f"{self.name}: failed: {self.message}"


def keep_upload(name, data):
    """The Upload holding these bytes (one per distinct file)."""
    return keep_uploads([(name, data)])[0]


def keep_uploads(entries):
    """The Upload holding each (name, bytes), in order: the file is saved before anything is parsed,
    one row and one stored copy per distinct content (sha256 is unique: a copy that lost a race with
    another process's is removed, and that one is used)."""
    digests = [hashlib.sha256(data).hexdigest() for _name, data in entries]
    known = {u.sha256: u for u in Upload.objects.filter(sha256__in=set(digests))}
    new = {}
    for (name, data), digest in zip(entries, digests):
        if digest not in known and digest not in new:
            name = clean_name(name)
            upload = Upload(original_name=name, sha256=digest, size=len(data))
            upload.file.save(name.rsplit("/", 1)[-1][-100:] or "upload", ContentFile(data), save=False)
            new[digest] = upload
    if new:
        with transaction.atomic():
            Upload.objects.bulk_create(new.values(), ignore_conflicts=True)
        stored = {u.sha256: u for u in Upload.objects.filter(sha256__in=list(new))}
        for digest, upload in new.items():
            if stored[digest].file.name != upload.file.name:
                upload.file.storage.delete(upload.file.name)
        known.update(stored)
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
    documents stored and each Upload marked with what became of it, in one transaction (a process
    killed between the two would leave a stored report whose Upload says it is still pending).

    If the batch cannot be stored, each document is tried alone, so one bad document
    fails by itself (its Upload says why and can be retried) and takes no other with it."""
    docs = [entry for entry in prepared if not isinstance(entry[1], str)]
    items = [
        Item(doc, sig or [], digest or "", upload.file.name, upload.original_name, upload.sha256)
        for upload, doc, sig, digest in docs
    ]
    try:
        with transaction.atomic():
            stored = dict(zip(map(id, docs), store_documents(items, index=index)))
            return _record(prepared, stored)
    except DatabaseError as exc:
        if len(items) > 1:
            return [x for p in prepared for x in store_prepared_many([p], index=index)]
        if not docs:
            raise
        upload = docs[0][0]
        prepared = [
            (upload, f"无法存入这篇报道（{exc}）；请在“上传文件”页重新处理", None, None) if entry is docs[0] else entry
            for entry in prepared
        ]
        with transaction.atomic():
            return _record(prepared, {})


def _record(prepared, stored):
    out = []
    for entry in prepared:
        upload, doc = entry[0], entry[1]
        if isinstance(doc, str):
            upload.status, upload.error, upload.report = Upload.FAILED, doc, None
            out.append((Outcome(upload.original_name, "failed", message=doc), None))
            continue
        s = stored[id(entry)]
        if not s.created and s.report.sha256 == upload.sha256:  # its own report, stored by a run that died
            s = Stored(s.report, True)  # before the Upload was marked (before the two shared a transaction)
        upload.report = s.report
        upload.status = Upload.CREATED if s.created else Upload.DUPLICATE
        upload.error = "" if s.created else f"与报道 #{s.report.pk} 相同（相似度 {s.similarity:.0%}）"
        warned = "；".join(doc.warnings) if s.created else ""  # read, but not all of it (bad bytes, no title)
        out.append((Outcome(upload.original_name, "created" if s.created else "duplicate", s.report.pk, warned), s))
    _mark({u.pk: u for u, *_rest in prepared}.values())
    return out


def _mark(uploads):
    """Save what became of each Upload: one statement run for all (bulk_update's CASE per row is slow)."""
    table = connection.ops.quote_name(Upload._meta.db_table)
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {table} SET status = %s, error = %s, report_id = %s WHERE id = %s",
            [(u.status, u.error, u.report_id, u.pk) for u in uploads],
        )


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
