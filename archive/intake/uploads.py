"""Keeping a file's bytes: one Upload row and one stored copy per distinct content, before it is parsed.

sha256 is unique: two requests (or processes) keeping the same bytes at the same instant both end
with the one Upload, the loser's stored copy removed. A file is hashed once: while it streams from
the request (keep_file), or by the worker that read it (an Entry's sha256, keep_uploads).
"""

import hashlib
from io import BytesIO

from django.core.files.base import ContentFile, File
from django.db import IntegrityError, transaction

from archive.ingest.files import clean_name
from archive.models import Upload

from .record import Entry, already_ingested


def _digest(fh):
    h, size = hashlib.sha256(), 0
    fh.seek(0)
    for chunk in iter(lambda: fh.read(1024 * 1024), b""):
        h.update(chunk)
        size += len(chunk)
    fh.seek(0)
    return h.hexdigest(), size


def _stored_name(name):
    return name.rsplit("/", 1)[-1][-100:] or "upload"


def keep_file(name, fh):
    """The Upload holding these bytes (fh: a file object, read in chunks): found by content, or
    stored now in a transaction of its own."""
    digest, size = _digest(fh)
    found = Upload.objects.filter(sha256=digest).first()
    if found:
        return found
    upload = Upload(original_name=name, sha256=digest, size=size)
    upload.file.save(_stored_name(name), File(fh), save=False)
    try:
        with transaction.atomic():
            upload.save()
    except IntegrityError:  # the same bytes kept by another request a moment ago: one copy stays
        upload.file.storage.delete(upload.file.name)
        return Upload.objects.get(sha256=digest)
    return upload


def keep_bytes(name, data):
    return keep_file(name, BytesIO(data))


def keep_uploads(entries: list[Entry]):
    """Keep each entry's bytes (entries not yet kept, with data) and carry its Upload in it: one
    query for those already kept, one insert for the new ones."""
    for e in entries:
        e.sha256 = e.sha256 or hashlib.sha256(e.data).hexdigest()
    known = {u.sha256: u for u in Upload.objects.filter(sha256__in={e.sha256 for e in entries})}
    new = {}
    for e in entries:
        if e.sha256 not in known and e.sha256 not in new:
            name = clean_name(e.name)
            upload = Upload(original_name=name, sha256=e.sha256, size=len(e.data))
            upload.file.save(_stored_name(name), ContentFile(e.data), save=False)
            new[e.sha256] = upload
    if new:
        with transaction.atomic():
            Upload.objects.bulk_create(new.values(), ignore_conflicts=True)
        stored = {u.sha256: u for u in Upload.objects.filter(sha256__in=list(new))}
        for digest, upload in new.items():
            if stored[digest].file.name != upload.file.name:  # another process kept it first
                upload.file.storage.delete(upload.file.name)
        known.update(stored)
    for e in entries:
        e.keep(known[e.sha256])
    return entries


def known_fields(name, upload):
    """(status, report id, message) of a batch item whose Upload already became a report, or None."""
    known = already_ingested(name, upload.status, upload.report_id)
    return (known.status, known.report_id, known.item_message()) if known else None
