"""Background jobs (the Django tasks API: django-tasks, its database backend django-tasks-db).

process_batch runs one upload batch (archive/intake/jobs.py: run_batch). Its path, stored with every
job, is archive.tasks.process_batch: it stays here so that jobs queued before a release still run.
A batch whose job died (the worker was killed) is taken up again when the worker starts
(resume_batches): its items already done stay done.
"""

from django.utils import timezone
from django_tasks import TaskResultStatus, task
from django_tasks_db.models import DBTaskResult

from archive.intake.jobs import run_batch
from archive.models import BatchItem, UploadBatch


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
