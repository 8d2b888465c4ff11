"""Uploads as background jobs: kept first, processed by the batch's job, resumed after a crash; the
index repaired from its own ids; searches through an index commit."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import override_settings

from archive.intake import accept as intake
from archive.intake import jobs
from archive.intake.jobs import run_batch
from archive.models import BatchItem, Report, Upload, UploadBatch
from archive.tasks import resume_batches
from search.query import search

pytestmark = pytest.mark.django_db

TEXT = "岚皋县魔芋产业\n岚皋县发展魔芋种植2万亩，带动贫困户3000户增收。"
DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _zip(members):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def _work():
    """What django-tasks-db's worker does with each waiting job (its loop closes the test's connection)."""
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test",
        excluded_queue_names=[],
    )
    for job in DBTaskResult.objects.ready():
        job.claim("test")
        worker.run_task(job)


@override_settings(TASKS=DB_TASKS)
def test_a_batch_is_one_job_that_the_worker_runs(index_rollback, django_capture_on_commit_callbacks):
    from django_tasks_db.models import DBTaskResult

    kept = Upload.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        batch = intake.accept(
            [
                SimpleUploadedFile("a.txt", TEXT.encode()),
                SimpleUploadedFile("b.zip", _zip({"c.txt": TEXT + "\n另有新建社区工厂2家。"})),
            ]
        )
    batch.refresh_from_db()
    job = DBTaskResult.objects.get()
    assert batch.status == UploadBatch.QUEUED and str(job.id) == batch.task_id and job.args_kwargs["args"] == [batch.pk]
    assert Upload.objects.count() == kept + 2 and not Report.objects.filter(title="岚皋县魔芋产业").exists()
    assert resume_batches() == []  # its job is waiting: not enqueued twice
    _work()
    batch.refresh_from_db()
    assert batch.status == UploadBatch.DONE and batch.finished
    outcomes = {i.name: i.status for i in batch.items.all()}
    assert outcomes == {"a.txt": "created", "b.zip": "unpacked", "b.zip/c.txt": "duplicate"} or outcomes == {
        "a.txt": "created",
        "b.zip": "unpacked",
        "b.zip/c.txt": "created",
    }
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


@override_settings(TASKS=DB_TASKS)
def test_a_batch_left_by_a_killed_worker_is_resumed(index_rollback):
    from django_tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from archive.tasks import process_batch

    batch = intake.accept([SimpleUploadedFile("a.txt", TEXT.encode()), SimpleUploadedFile("b.txt", b"\x00\x01" * 9)])
    job = process_batch.enqueue(batch.pk)
    DBTaskResult.objects.filter(id=job.id).update(status=TaskResultStatus.RUNNING)  # the worker died in it
    UploadBatch.objects.filter(pk=batch.pk).update(status=UploadBatch.RUNNING)
    first = batch.items.get(name="b.txt")  # one file was done before the kill
    BatchItem.objects.filter(pk=first.pk).update(status=BatchItem.FAILED, message="done before")
    assert resume_batches() == [batch.pk]
    assert DBTaskResult.objects.get(id=job.id).status == TaskResultStatus.FAILED
    _work()
    batch.refresh_from_db()
    assert batch.status == UploadBatch.DONE
    assert batch.items.get(name="a.txt").status == BatchItem.CREATED
    assert batch.items.get(name="b.txt").message == "done before"  # not run again


def test_run_batch_records_each_outcome_as_its_chunk_is_stored(index_rollback, monkeypatch):
    monkeypatch.setattr(jobs, "STORE_EVERY", 2)
    files = [
        SimpleUploadedFile(f"r{i}.txt", f"镇安县第{i}个产业园\n镇安县新建产业园{i + 1}个，带动{i + 10}户。".encode())
        for i in range(5)
    ]
    batch = intake.accept(files)
    seen = []
    real = jobs._finish

    def spy(item, status, report_id=None, message=""):
        seen.append(BatchItem.objects.filter(batch=batch, status=BatchItem.QUEUED).count())
        real(item, status, report_id, message)

    monkeypatch.setattr(jobs, "_finish", spy)
    run_batch(batch.pk, workers=1)
    assert seen == [5, 4, 3, 2, 1]  # one at a time, in order, while the rest wait
    assert set(batch.items.values_list("status", flat=True)) == {BatchItem.CREATED}
    assert search("镇安县 产业园").total == 5


def test_zip_members_are_items_under_the_zip_and_refused_ones_say_why(index_rollback):
    data = _zip(
        {
            "ok.txt": TEXT,
            "../../etc/evil.txt": TEXT + "\n又一个",
            "nested.zip": _zip({"in.txt": TEXT + "!"}),
            "pic.txt": b"\x89PNG\r\n\x1a\n" + b"\x00" * 100,
        }
    )
    batch = intake.accept([SimpleUploadedFile("pack.zip", data)])
    run_batch(batch.pk, workers=1)
    items = {i.name: i for i in batch.items.all()}
    assert items["pack.zip"].status == BatchItem.UNPACKED
    assert all(i.parent_id == items["pack.zip"].pk for n, i in items.items() if n != "pack.zip")
    assert not any(".." in n for n in items)  # a zip-slip name is made harmless
    assert "pack.zip/nested.zip/in.txt" in items
    assert items["pack.zip/pic.txt"].status == BatchItem.FAILED and "二进制" in items["pack.zip/pic.txt"].message
    for upload in Upload.objects.all():
        assert ".." not in upload.file.name


def test_the_index_is_repaired_from_its_own_ids(index_rollback):
    from archive.ingest import run_pipeline
    from archive.ingest.store import Item, store_documents
    from search.indexing import indexed_ids, remove_reports, sync

    before = search("魔芋").total
    stored = store_documents([Item(run_pipeline("lost.txt", TEXT.encode()))], index=False)[
        0
    ]  # an ingest killed before its commit
    assert stored.report.pk not in indexed_ids() and search("魔芋").total == before
    seed_pk = Report.objects.order_by("pk").first().pk
    remove_reports([seed_pk])  # and one the index lost
    assert sync() == (2, 0)
    assert {stored.report.pk, seed_pk} <= indexed_ids() and search("魔芋").total == before + 1
    assert sync() == (0, 0)
    out = io.StringIO()
    Report.objects.filter(pk=stored.report.pk).delete()
    call_command("sync_index", stdout=out)
    assert "0 reports added, 1 removed" in out.getvalue()


def test_ingest_repairs_the_index_first_and_says_so(index_rollback, tmp_path):
    from archive.ingest import run_pipeline
    from archive.ingest.store import Item, store_documents

    store_documents([Item(run_pipeline("lost.txt", TEXT.encode()))], index=False)[0]
    (tmp_path / "x.txt").write_text(TEXT + "\n又", "utf-8")
    out = io.StringIO()
    call_command("ingest", str(tmp_path), "--quiet", stdout=out)
    assert "index repaired first: 1 stored reports were not searchable and are now indexed" in out.getvalue()


def test_a_search_survives_a_segment_that_vanished(monkeypatch, report_of):
    """A commit in another process removed a segment file between the table of contents and the open."""
    from search.indexing import _backend_and_index

    backend, _index = _backend_and_index()
    expected = search("宕昌").total
    assert expected
    import search.engine.backend as backends

    backends._local.searcher = None
    real = type(backend.index).refresh
    calls = []

    def vanishing(ix):
        calls.append(1)
        if len(calls) <= 2:
            raise FileNotFoundError(2, "No such file", "MAIN_x.seg")
        return real(ix)

    monkeypatch.setattr(type(backend.index), "refresh", vanishing)
    assert search("宕昌").total == expected and len(calls) == 3
    # a searcher is open: a failing reopen keeps it
    searcher = backends._local.searcher
    monkeypatch.setattr(type(searcher), "up_to_date", lambda s: False)
    monkeypatch.setattr(type(searcher), "refresh", lambda s: (_ for _ in ()).throw(FileNotFoundError(2, "gone")))
    assert search("宕昌").total == expected and backends._local.searcher is searcher
