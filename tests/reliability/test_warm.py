"""The real web server warms its summary pages after the real worker's ingest (archive.views.cache.watch):
the commit happens in the worker, and each gunicorn worker that served the pages builds them again
before the next reader comes, which then sees the new report."""

import re
import shutil
import time

import pytest
import requests

from tests.live import Admin, LiveArchive

TEXT = "山西省灵丘县推进光伏扶贫与易地扶贫搬迁，全县贫困发生率由12.5%降至0.6%，带动贫困户稳定增收。\n" * 3
REBUILT = re.compile(r"index version (\d+): (\d+) summaries rebuilt in \d+ ms \(process (\d+)\)")


@pytest.fixture(scope="module")
def live():
    """The archive's web server with the summary watcher on (SUMMARY_WATCHER=1), and its worker."""
    archive = LiveArchive("warm").setup()
    archive.env["SUMMARY_WATCHER"] = "1"
    archive.start_web()
    archive.start_worker()
    yield archive
    archive.close()
    shutil.rmtree(archive.var, ignore_errors=True)


def _home(live):
    r = requests.get(live.base + "/?format=json", headers={"Connection": "close"}, timeout=60)
    r.raise_for_status()
    return r.json()["counts"]["reports"]


def test_a_worker_ingest_is_built_in_the_web_processes_before_a_request(live):
    before = _home(live)
    for _ in range(8):  # new connections: each of gunicorn's workers reads the pages
        assert _home(live) == before
        requests.get(live.base + "/region/140000/", headers={"Connection": "close"}, timeout=60).raise_for_status()
    admin = Admin(live.base)
    seen = len(live.log("web"))
    r, url = admin.upload([("warm-live.txt", TEXT.encode())])
    assert r.status_code == 302
    assert admin.wait(url)["items"][0]["status"] == "created"  # stored and indexed by the worker
    deadline = time.time() + 30
    while not REBUILT.search(live.log("web")[seen:]) and time.time() < deadline:
        time.sleep(0.2)  # no page asked for meanwhile (the batch page above is not a summary)
    found = REBUILT.findall(live.log("web")[seen:])
    assert found, live.log("web")[-3000:]
    assert all(int(n) >= 1 for _v, n, _pid in found)
    assert _home(live) == before + 1  # what the reader then sees, from what the watcher built
    log = live.log("web")
    assert "Traceback" not in log and "could not read the index" not in log, log[-3000:]
