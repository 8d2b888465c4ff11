"""Taking files in from a request: check and keep them, nothing more (the parsing is a background job).

Every file is hashed while it streams from the request (a large one is in a
temporary file, never whole in memory) and kept as an Upload in a transaction
of its own, before anything parses it: one row and one stored copy per distinct
content, whoever sends it and however often. The checks here are the cheap
ones that decide whether there is anything to queue: the file is empty, larger
than the cap, a zip whose directory is refused, or bytes the archive already
turned into a report ("duplicate of #N" at once). Everything else is queued as
an item of the batch, and the batch's job is enqueued once its rows are
committed. Two admins sending the same file at the same instant both get the
one Upload (the unique sha256 decides; the loser's copy is removed).
"""

from django.conf import settings
from django.db import transaction

from archive.ingest.document import Rejected
from archive.ingest.files import clean_name, inspect_zip, is_zip
from archive.models import BatchItem, Upload, UploadBatch
from archive.tasks import process_batch

from .uploads import keep_file, known_fields


def size_words(n):
    """1,536 -> '1.5 KB': sizes as a user reads them."""
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:,} 字节" if unit == "bytes" else f"{n:,.1f} {unit}".replace(".0 ", " ")
        n /= 1024
    return ""


def accept(files, user=None):
    """A batch for the uploaded files (Django UploadedFile objects): each kept and checked, the
    batch's job enqueued when something is left to do. Returns the batch."""
    batch = UploadBatch.objects.create(created_by=user if user and user.is_authenticated else None)
    queued = 0
    cap = settings.UPLOAD_MAX_BYTES
    for f in files:
        name = clean_name(f.name)
        item = BatchItem(batch=batch, name=name)
        if f.size == 0:
            item.status, item.message = BatchItem.FAILED, "文件是空的（0 字节），没有可以入库的内容"
        elif f.size > cap:
            item.status, item.message = (
                BatchItem.FAILED,
                (
                    f"文件大小为 {size_words(f.size)}；每个文件最多 {size_words(cap)}（上限），"
                    "未保存：请拆分或压缩后上传"
                ),
            )
        else:
            item.upload = keep_file(name, f)
            known = known_fields(name, item.upload)
            if known:
                item.status, item.report_id, item.message = known
            elif item.upload.status == Upload.FAILED and item.upload.error and is_zip(name, _head(item.upload)):
                item.status, item.message = BatchItem.FAILED, item.upload.error  # a zip refused before
            elif is_zip(name, _head(item.upload)):
                try:
                    with item.upload.file.open("rb") as fh:
                        inspect_zip(fh)
                    queued += 1
                except Rejected as exc:
                    item.status, item.message = BatchItem.FAILED, str(exc)
                    Upload.objects.filter(pk=item.upload.pk).update(status=Upload.FAILED, error=str(exc))
            else:
                queued += 1
        item.save()
    if queued:
        transaction.on_commit(lambda: _enqueue(process_batch, batch))
    else:
        UploadBatch.objects.filter(pk=batch.pk).update(status=UploadBatch.DONE)
    return batch


def _enqueue(task, batch):
    result = task.enqueue(batch.pk)
    UploadBatch.objects.filter(pk=batch.pk, task_id="").update(task_id=str(result.id)[:64])


def _head(upload, n=4096):
    with upload.file.open("rb") as fh:
        return fh.read(n)


def retry(uploads, user=None):
    """A batch that runs these kept uploads through the pipeline again (after a fix)."""
    batch = UploadBatch.objects.create(created_by=user if user and user.is_authenticated else None)
    ids = []
    for upload in uploads:
        Upload.objects.filter(pk=upload.pk).update(status=Upload.PENDING, error="")
        BatchItem.objects.create(batch=batch, name=upload.original_name, upload=upload)
        ids.append(upload.pk)
    if ids:
        transaction.on_commit(lambda: _enqueue(process_batch, batch))
    return batch
