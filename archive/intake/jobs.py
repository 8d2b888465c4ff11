"""The body of a batch's background job (archive/tasks.py enqueues and resumes it).

run_batch unpacks the batch's zips (streaming, with the caps of archive/ingest/files.py; each
member is kept as an Upload of its own, an item under the zip's), then runs every queued file
through the same bulk path as `manage.py ingest` (batch.ingest_many: the text work outside any
transaction, in worker processes when there are many; each stored chunk a short transaction;
the index following), and records each file's outcome on its item, found by the item's id its
Entry carries, as its chunk is stored, so the batch's page shows progress.
"""

from django.db import transaction
from django.utils import timezone

from archive.ingest.document import Rejected
from archive.ingest.files import is_zip, iter_zip
from archive.models import BatchItem, Upload, UploadBatch

from .batch import ingest_many
from .record import Entry
from .uploads import keep_bytes, known_fields

STORE_EVERY = 10  # files per stored chunk of a batch: the page's progress moves at least this often


def _unpack(item):
    """Keep a zip item's members as items of their own; mark the zip unpacked (or refused)."""
    members = 0
    try:
        with item.upload.file.open("rb") as fh:
            for name, data in iter_zip(item.name, fh):
                child = BatchItem(batch=item.batch, parent=item, name=name[-255:])
                if isinstance(data, Exception):
                    child.status, child.message = BatchItem.FAILED, str(data)
                else:
                    child.upload = keep_bytes(child.name, data)
                    known = known_fields(child.name, child.upload)
                    if known:
                        child.status, child.report_id, child.message = known
                child.save()
                members += 1
    except Rejected as exc:
        _finish(item, BatchItem.FAILED, message=str(exc))
        Upload.objects.filter(pk=item.upload_id).update(status=Upload.FAILED, error=str(exc))
        return
    _finish(item, BatchItem.UNPACKED, message=f"压缩包内有 {members} 个文件")
    Upload.objects.filter(pk=item.upload_id).update(status=Upload.UNPACKED, error="")


def _finish(item, status, report_id=None, message=""):
    with transaction.atomic():
        BatchItem.objects.filter(pk=item.pk).update(status=status, report_id=report_id, message=message[:2000])


def run_batch(batch_id, workers=None):
    """Process a batch's queued items (the body of the job; also called directly by tests and tools)."""
    UploadBatch.objects.filter(pk=batch_id).update(status=UploadBatch.RUNNING)
    batch = UploadBatch.objects.get(pk=batch_id)
    for item in batch.items.filter(status=BatchItem.QUEUED).select_related("upload", "batch"):
        if item.upload and is_zip(item.name, _head(item.upload)):
            _unpack(item)
    items = {
        item.pk: item
        for item in batch.items.filter(status=BatchItem.QUEUED, upload__isnull=False).select_related("upload")
    }

    def entries():
        for item in items.values():
            entry = Entry(item.name, item_id=item.pk).keep(item.upload)
            try:
                with item.upload.file.open("rb") as fh:
                    entry.data = fh.read()
            except OSError as exc:
                entry.failed = f"{item.name}：保存的文件无法读取（{exc.strerror or exc}）"
            yield entry

    def record(done):
        for entry in done:
            outcome = entry.outcome
            _finish(items[entry.item_id], outcome.status, outcome.report_id, outcome.item_message())

    if items:
        ingest_many(entries(), workers=workers, progress=record, store_every=STORE_EVERY)
    UploadBatch.objects.filter(pk=batch_id).update(status=UploadBatch.DONE, finished=timezone.now())


def _head(upload, n=4096):
    try:
        with upload.file.open("rb") as fh:
            return fh.read(n)
    except OSError:
        return b""
