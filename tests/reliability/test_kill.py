"""Processes killed halfway: the database, the stored originals and the index agree afterwards, and no
process outlives the one that started it."""

import hashlib
import io
import shutil
import signal
import subprocess
import sys
import time
import zipfile

import pytest

from tests.live import ROOT, Admin, LiveArchive, alive, corpus_files, descendants

FILES = 600  # three stored chunks of 250 (archive/intake/batch.py: STORE_BATCH)


@pytest.fixture
def archive():
    archive = LiveArchive("kill").setup(seeds=True)
    yield archive
    archive.close()
    shutil.rmtree(archive.var, ignore_errors=True)


def _wait_for(condition, timeout):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def _kill_tree(proc):
    """SIGKILL the process alone (as the OOM killer or kill -9 would); its children are left to
    themselves: returns those that are still alive 10 s later."""
    tree = descendants(proc.pid)
    proc.send_signal(signal.SIGKILL)
    proc.wait(30)
    _wait_for(lambda: not any(alive(p) for p in tree), 10)
    return [p for p in tree if alive(p)]


def test_an_ingest_killed_at_three_points_and_run_again(archive, corpus):
    files = corpus_files(FILES, skip=40000, prefix="kill")
    folder = archive.var / "in"
    folder.mkdir()
    for name, data in files:
        (folder / name).write_bytes(data)
    seeds = archive.count("archive_report")
    stored = lambda: archive.count("archive_report") - seeds  # noqa: E731

    def marked():
        return archive.sql(
            "SELECT COUNT(*) FROM archive_upload WHERE original_name LIKE '%kill-%' AND status != 'pending'"
        )[0][0]

    points = {
        "starting": lambda: True,  # the workers are loading their dictionaries
        "storing": lambda: stored() >= 250,  # a chunk stored, nothing of it in the index yet
        "committing": lambda: marked() == FILES,  # all stored: the index sub-writers are writing the segments
    }
    left = {}
    for point, reached in points.items():
        proc = subprocess.Popen(
            [sys.executable, "manage.py", "ingest", str(folder), "--quiet", "--workers", "2"],
            cwd=ROOT,
            env=archive.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        time.sleep(2)
        assert _wait_for(reached, 120), point
        assert proc.poll() is None, f"the ingest ended before the kill at {point}"
        left[point] = _kill_tree(proc)
    assert left == {point: [] for point in points}  # no worker, sub-writer or fork server outlived its ingest
    assert archive.count("archive_report") > seeds  # the kills did leave work behind

    out = archive.manage("ingest", folder, "--quiet", timeout=900).stdout
    assert "index repaired first" in out
    assert archive.indexed_ids() == archive.report_ids()
    counts = dict(
        archive.sql("SELECT status, COUNT(*) FROM archive_upload WHERE original_name LIKE '%kill-%' GROUP BY status")
    )
    assert sum(counts.values()) == FILES and set(counts) <= {"created", "duplicate"}
    assert (
        archive.sql("SELECT COUNT(*) FROM archive_report WHERE original_name LIKE '%kill-%'")[0][0] == counts["created"]
    )  # one report per created upload: none stored twice
    assert archive.sql("SELECT COUNT(*) - COUNT(DISTINCT sha256) FROM archive_report")[0][0] == 0
    for _name, data in files:
        assert archive.stored_original(hashlib.sha256(data).hexdigest()) == data


def test_the_worker_killed_mid_batch_resumes_it(archive, corpus):
    files = corpus_files(150, skip=45000, prefix="resume")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files:
            zf.writestr(name, data)
    archive.start_web().start_worker()
    admin = Admin(archive.base)
    r, url = admin.upload([("resume.zip", buf.getvalue())])
    assert r.status_code == 302
    assert _wait_for(lambda: admin.batch(url)["done"] >= 20, 180)
    assert admin.batch(url)["status"] == "running"
    worker = archive.procs.pop("worker")
    assert _kill_tree(worker) == []
    archive.start_worker()  # as make run would on its next start
    data = admin.wait(url, timeout=600)
    assert data["total"] == len(files) and data["done"] == len(files)
    assert "resumed upload batches left unfinished" in archive.log("worker")
    assert archive.indexed_ids() == archive.report_ids()
    assert archive.sql("SELECT COUNT(*) - COUNT(DISTINCT sha256) FROM archive_report")[0][0] == 0
