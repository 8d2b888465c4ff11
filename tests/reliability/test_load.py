"""Several admins uploading while users search, against the real server and worker (30 s)."""

import hashlib
import random
import threading
import time

import requests

from tests.live import Admin, corpus_files

UPLOADERS, SEARCHERS, SECONDS = 4, 4, 30
WORDS = ["扶贫", "脱贫攻坚", "易地扶贫搬迁", "光伏", "產業扶貧", "乡村振兴", "贫困户", "合作社", "电商", "教育"]


def test_uploads_and_searches_at_once(live, corpus):
    files = corpus_files(UPLOADERS * 60, skip=20000, prefix="load")
    shares = [files[k::UPLOADERS] for k in range(UPLOADERS)]
    statuses, sent, batches, failures = [], [], [], []
    lock = threading.Lock()
    stop = time.time() + SECONDS

    def uploader(share):
        try:
            admin = Admin(live.base)
            rng = random.Random(len(share))
            while time.time() < stop and share:
                chunk = [share.pop() for _ in range(min(len(share), rng.randint(1, 3)))]
                r, url = admin.upload(chunk)
                with lock:
                    statuses.append(("upload", r.status_code))
                    sent.extend(chunk)
                    batches.append(url)
                time.sleep(rng.uniform(0.3, 1.0))
        except Exception as exc:  # noqa: BLE001 (recorded and asserted below)
            failures.append(repr(exc))

    def searcher(k):
        http = requests.Session()
        rng = random.Random(k)
        try:
            while time.time() < stop:
                r = http.get(live.base + "/search/", params={"q": rng.choice(WORDS)}, timeout=60)
                with lock:
                    statuses.append(("search", r.status_code))
                if rng.random() < 0.2:
                    with lock:
                        statuses.append(("home", http.get(live.base + "/", timeout=60).status_code))
        except Exception as exc:  # noqa: BLE001
            failures.append(repr(exc))

    threads = [threading.Thread(target=uploader, args=(s,)) for s in shares]
    threads += [threading.Thread(target=searcher, args=(k,)) for k in range(SEARCHERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(SECONDS + 120)
    assert not any(t.is_alive() for t in threads)
    assert not failures, failures[:3]
    assert [s for s in statuses if s[1] >= 500] == []
    assert all(code == 302 for kind, code in statuses if kind == "upload")
    assert sum(kind == "search" for kind, _ in statuses) > 50 and len(batches) > 20

    admin = Admin(live.base)
    outcomes = [admin.wait(url, timeout=600) for url in batches]
    assert all(i["status"] != "queued" for o in outcomes for i in o["items"])
    digests = {hashlib.sha256(data).hexdigest(): data for _name, data in sent}
    for digest, data in digests.items():
        assert live.stored_original(digest) == data  # every original kept, byte for byte
    sent_rows = live.sql("SELECT COUNT(*) FROM archive_upload WHERE original_name LIKE 'load-%'")[0][0]
    assert sent_rows == len(digests)  # one Upload per distinct file sent
    assert live.indexed_ids() == live.report_ids()
    for name in ("web", "worker"):
        log = live.log(name)
        assert "database is locked" not in log and "Traceback" not in log, log[-3000:]


def test_the_same_file_at_the_same_instant(live, corpus):
    """Two admins send the same new file at once, ten times: one report each time, both told."""
    files = corpus_files(10, skip=30000, prefix="race")
    admins = [Admin(live.base), Admin(live.base)]
    for name, data in files:
        barrier = threading.Barrier(2)
        got = [None, None]

        def send(k, barrier=barrier, got=got, name=name, data=data):
            barrier.wait()
            got[k] = admins[k].upload([(name, data)])

        threads = [threading.Thread(target=send, args=(k,)) for k in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        assert [r.status_code for r, _url in got] == [302, 302]
        items = [admins[k].wait(url)["items"][0] for k, (_r, url) in enumerate(got)]
        assert sorted(i["status"] for i in items) in (["created", "duplicate"], ["duplicate", "duplicate"])
        assert items[0]["report"] == items[1]["report"] is not None
        digest = hashlib.sha256(data).hexdigest()
        assert live.sql("SELECT COUNT(*) FROM archive_upload WHERE sha256 = ?", digest)[0][0] == 1
        assert live.sql("SELECT COUNT(*) FROM archive_report WHERE sha256 = ?", digest)[0][0] <= 1
        for item in items:
            assert f"#{item['report']}" in item["message"]
