"""A web process warms its summary pages after another process's index commit (archive.views.cache.watch):
the worker's ingest commits where no page is served, and this process's watcher thread notices the new
version and builds again what its readers read, before the next reader comes."""

import time

import pytest


@pytest.fixture
def watcher(monkeypatch):
    from archive.views import cache

    monkeypatch.setattr(cache, "WATCH_SECONDS", 0.05)
    yield cache
    cache.stop_watching()


def _commit_elsewhere(pks):
    """The index commits as another process's ingest commits it: on disk, this process not told (its
    committed signal is not sent here)."""
    from unittest import mock

    from search import indexing

    before = indexing.version()
    with mock.patch.object(indexing.committed, "send", lambda **_kw: []):
        indexing.index_reports(pks)
    assert indexing.version() != before
    return indexing.version()


def _wait_for(found, seconds=20.0):
    deadline = time.monotonic() + seconds
    while not found():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


def test_another_process_commit_is_built_before_a_request(client, db, locmem, watcher):
    from archive.models import Report

    home = client.get("/?format=json").json()
    client.get("/region/140000/?format=json")
    watcher.watch()  # as a web process's first request starts it (config/wsgi.py)
    v = _commit_elsewhere([Report.objects.order_by("pk").first().pk])
    assert _wait_for(lambda: locmem.has_key(f"summary:home:{v}") and locmem.has_key(f"summary:region:140000:{v}"))
    assert client.get("/?format=json").json()["counts"] == home["counts"]  # served from what the watcher built


def test_without_a_watcher_another_process_commit_waits_for_the_reader(client, db, locmem):
    from archive.models import Report

    client.get("/?format=json")
    v = _commit_elsewhere([Report.objects.order_by("pk").first().pk])
    time.sleep(0.2)
    assert not locmem.has_key(f"summary:home:{v}")  # the test client's requests start no watcher


def test_the_watcher_starts_once_a_process(watcher):
    import threading

    watcher.watch()
    watcher.watch()
    assert sum(t.name == "summary-watcher" and t.is_alive() for t in threading.enumerate()) == 1


def test_the_watcher_rests_after_a_long_warm(watcher, monkeypatch):
    """Commits back to back (small uploads one after another): after a warm of T seconds the watcher
    looks again only after WATCH_REST × T, so warming takes at most a share of the process's time."""
    import threading

    looks = []

    def slow_check(seen):
        looks.append(time.monotonic())
        time.sleep(0.1)  # a warm of 0.1 s
        return seen

    monkeypatch.setattr(watcher, "check", slow_check)
    monkeypatch.setattr(watcher, "WATCH_SECONDS", 0.01)
    stop = threading.Event()
    thread = threading.Thread(target=watcher._watch, args=(None, stop))
    thread.start()
    time.sleep(1.2)
    stop.set()
    thread.join(5)
    gaps = [b - a for a, b in zip(looks, looks[1:])]
    assert gaps and min(gaps) >= 0.1 + watcher.WATCH_REST * 0.1 * 0.9


def test_a_page_read_again_is_built_again_before_its_time_runs_out(client, db, locmem, watcher, monkeypatch):
    """A page read at least once a SUMMARY_TTL is never built on a reader's path: the watcher builds it
    again REFRESH_AHEAD before its cache entry ends (refresh()); one read once is left to expire."""
    from search.indexing import version

    monkeypatch.setattr(watcher, "SUMMARY_TTL", 3)
    monkeypatch.setattr(watcher, "REFRESH_AHEAD", 1.5)
    client.get("/?format=json")  # built
    client.get("/region/140000/?format=json")  # built, never read again
    time.sleep(0.1)
    client.get("/?format=json")  # read again since its build
    watcher.watch()
    v = version()
    time.sleep(3.5)  # past the first entries' TTL (the home page built again at 1.5 s)
    assert locmem.has_key(f"summary:home:{v}")  # built again by the watcher
    assert not locmem.has_key(f"summary:region:140000:{v}")
