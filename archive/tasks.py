"""Background jobs (the Django tasks API: django-tasks, its database backend django-tasks-db).

process_batch runs one upload batch: it unpacks its zips (streaming, with the
caps of archive/ingest/files.py; each member is kept as an Upload of its own,
an item under the zip's), then runs every queued file through the same bulk
path as `manage.py ingest` (archive/ingest/batch.py: the text work outside any
transaction, in worker processes when there are many; each stored chunk a
short transaction; the index following), and records each file's outcome on
its item as its chunk is stored, so the batch's page shows progress. A batch
whose job died (the worker was killed) is taken up again when the worker
starts (resume_batches): its items already done stay done.
"""

from django.db import transaction
from django.utils import timezone
from django_tasks import TaskResultStatus, task
from django_tasks_db.models import DBTaskResult

from archive.models import BatchItem, Upload, UploadBatch

from .ingest.document import Rejected
from .ingest.files import is_zip, iter_zip
from .ingest.intake import keep_bytes, known_outcome

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
                    known = known_outcome(child.upload)
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


_STATUS = {"created": BatchItem.CREATED, "duplicate": BatchItem.DUPLICATE, "failed": BatchItem.FAILED}


def _message(outcome):
    if outcome.status == "failed":
        return outcome.message
    if outcome.status == "created":
        return f"已入库为报道 #{outcome.report_id}" + (f"；读取警告：{outcome.message}" if outcome.message else "")
    return f"与已有报道 #{outcome.report_id} 相同"


def run_batch(batch_id, workers=None):
    """Process a batch's queued items (the body of the job; also called directly by tests and tools)."""
    from .ingest.batch import ingest_many  # here: the pipeline's stages load in the job, not in every web process

    UploadBatch.objects.filter(pk=batch_id).update(status=UploadBatch.RUNNING)
    batch = UploadBatch.objects.get(pk=batch_id)
    for item in batch.items.filter(status=BatchItem.QUEUED).select_related("upload", "batch"):
        if item.upload and is_zip(item.name, _head(item.upload)):
            _unpack(item)
    items = list(batch.items.filter(status=BatchItem.QUEUED, upload__isnull=False).select_related("upload"))
    pending = iter(items)

    def entries():
        for item in items:
            try:
                with item.upload.file.open("rb") as fh:
                    yield item.name, fh.read()
            except OSError as exc:
                yield item.name, OSError(f"{item.name}：保存的文件无法读取（{exc.strerror or exc}）")

    def record(outcomes):
        for outcome in outcomes:
            item = next(pending)
            _finish(item, _STATUS[outcome.status], outcome.report_id, _message(outcome))

    if items:
        ingest_many(entries(), workers=workers, progress=record, store_every=STORE_EVERY)
    UploadBatch.objects.filter(pk=batch_id).update(status=UploadBatch.DONE, finished=timezone.now())


def _head(upload, n=4096):
    try:
        with upload.file.open("rb") as fh:
            return fh.read(n)
    except OSError:
        return b""


@task()
def process_batch(batch_id):
    run_batch(batch_id)


def resume_batches():
    """At the worker's start: jobs left running by a worker that died are marked failed, and every
    batch not done and not waiting for a job is enqueued again (its finished items stay done).
    One archive worker is run at a time (make run, docs/DEPLOY.md), so no other is running them."""
    path = f"{process_batch.func.__module__}.{process_batch.func.__qualname__}"
    DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING, task_path=path).update(
        status=TaskResultStatus.FAILED, finished_at=timezone.now()
    )
    waiting = {
        r["args"][0]
        for r in DBTaskResult.objects.filter(status=TaskResultStatus.READY, task_path=path).values_list(
            "args_kwargs", flat=True
        )
        if r.get("args")
    }
    resumed = []
    for pk in UploadBatch.objects.exclude(status=UploadBatch.DONE).values_list("pk", flat=True):
        if BatchItem.objects.filter(batch_id=pk, status=BatchItem.QUEUED).exists():
            if pk not in waiting:
                process_batch.enqueue(pk)
                resumed.append(pk)
        else:
            UploadBatch.objects.filter(pk=pk).update(status=UploadBatch.DONE, finished=timezone.now())
    return resumed
