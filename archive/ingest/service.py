"""Ingest what a user gave: keep the original, run the pipeline, store, index.

Used by `manage.py ingest` and by the admin upload; both get the same outcome
objects and the same words for failures. The bytes are saved as an Upload
before anything is parsed, so a failed file is never lost and can be retried.
"""

import hashlib
from dataclasses import dataclass

from django.core.files.base import ContentFile

from archive.models import Upload

from . import Rejected, run_pipeline
from .store import store_document


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
    digest = hashlib.sha256(data).hexdigest()
    upload = Upload.objects.filter(sha256=digest).first()
    if upload is None:
        upload = Upload(original_name=name[-255:], sha256=digest, size=len(data))
        upload.file.save(name.rsplit("/", 1)[-1][-100:] or "upload", ContentFile(data), save=False)
        upload.save()
    return upload


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
    name = upload.original_name
    if isinstance(doc, str):
        upload.status, upload.error, upload.report = Upload.FAILED, doc, None
        upload.save(update_fields=["status", "error", "report"])
        return Outcome(name, "failed", message=doc)
    from search.indexing import deferred

    with deferred():  # the report and its records reach the index once, after the commit
        stored = store_document(doc, original=upload.file.name, original_name=name, sha256=upload.sha256,
                                signature=signature, digest=digest)
    upload.report = stored.report
    upload.status = Upload.CREATED if stored.created else Upload.DUPLICATE
    upload.error = "" if stored.created else f"same report as #{stored.report.pk} ({stored.similarity:.0%} alike)"
    upload.save(update_fields=["status", "error", "report"])
    return Outcome(name, "created" if stored.created else "duplicate", stored.report.pk)


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
