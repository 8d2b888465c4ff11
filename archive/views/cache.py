"""The summary cache: the data of a page that summarises the archive, kept per process until the index
next commits (search.indexing.version changes with every ingest, correction and deletion), and built
again right after that commit for the pages read lately (warm()), so the reader who comes next does
not wait for the build. A commit made by another process (the worker's ingest of an upload batch) is
noticed by each web process's watcher thread (watch()), which warms that process the same way.

Per process (Django's local-memory cache), not a shared cache the committing process fills: a file
or database cache would cost every request a read and an unpickling from outside the process (measured in
docs/DECISIONS.md), and only the processes that serve pages know which
pages were read and how to build them."""

import logging
import os
import threading
import time
from collections import OrderedDict

from django.core.cache import cache, caches
from django.core.cache.backends.dummy import DummyCache
from django.core.signals import request_started
from django.db import connections

from search.indexing import committed, version

SUMMARY_TTL = 60  # seconds a summary page's data is kept at most (a new index commit replaces it at once)
WARM_KEYS = 64  # the most summaries rebuilt after a commit: the ones read most recently
WARM_WINDOW = 600  # seconds: a summary read within them is rebuilt after a commit
WARM_SECONDS = 5.0  # and no more time than this spent on them (the commit's caller waits)
WATCH_SECONDS = 1.0  # how often a web process's watcher reads the index's version (a directory listing)
WATCH_WARM_SECONDS = 30.0  # the watcher's warm(): nobody waits for it, yet it shares the process's cores
WATCH_REST = 3  # after a warm of T seconds the watcher looks again after WATCH_REST × T: ≤ 1/4 of a core
REFRESH_AHEAD = 10  # seconds before its TTL ends a summary read since its build is built again (refresh())

log = logging.getLogger(__name__)
_read = OrderedDict()  # key: (its build, when last read), of the summaries read lately, the latest last
_read_lock = threading.Lock()  # the request threads and the watcher share _read
_built = {}  # key: when this process last built it (its cache entry ends SUMMARY_TTL later)
_warming = threading.Lock()  # one warm() or refresh() at a time: the commit's own and the watcher's
_watcher = {}  # pid: the process whose watcher runs (a fork has none); thread; stop: an Event


def summary(key, build):
    """The data of a page that summarises the archive, built once per index commit: every ingest,
    correction and deletion commits the index (search.indexing.version), so the next request builds
    it anew (unless warm() has, right after the commit); what reaches the database alone (a region's
    flags, a person's region) shows within SUMMARY_TTL. Per process (Django's local-memory cache); a
    server engine has no version: no cache."""
    v = version()
    if v is None:
        return build()
    now = time.monotonic()
    name = f"summary:{key}:{v}"
    found = cache.get(name)
    if found is None:
        found = build()
        cache.set(name, found, SUMMARY_TTL)
        with _read_lock:
            _built[key] = now
    if not isinstance(caches["default"], DummyCache):  # (the test suite's: nothing kept, nothing to warm)
        with _read_lock:
            _read[key] = (build, now)
            _read.move_to_end(key)
            while len(_read) > WARM_KEYS:
                _read.popitem(last=False)
    return found


def warm(seconds=WARM_SECONDS, **_signal):
    """After an index commit: build again the summaries read within WARM_WINDOW, the most recently
    read first, within WARM_KEYS and WARM_SECONDS, so the first request after a commit (an ingest, a
    correction in the admin) finds its page's data ready. A summary nobody read for WARM_WINDOW drops
    out. Run by the commit in this process (signal search.indexing.committed) and by the watcher
    after another process's commit (within WATCH_WARM_SECONDS). Returns how many summaries it built."""
    with _warming:
        v = version()
        if v is None or not _read or isinstance(caches["default"], DummyCache):
            with _read_lock:
                _read.clear()
            return 0
        now = time.monotonic()
        with _read_lock:
            for key in [k for k, (_b, seen) in _read.items() if now - seen > WARM_WINDOW]:
                del _read[key]
            todo = [(key, build) for key, (build, _seen) in reversed(_read.items())]
        return _rebuild(todo, v, seconds, built_already=cache.has_key)


def refresh(seconds=WATCH_WARM_SECONDS):
    """The watcher's other task: build again, REFRESH_AHEAD seconds before its SUMMARY_TTL runs out,
    each summary read since it was built, so that a page read at least once a TTL is never built on a
    reader's path. The build the next reader would have paid moves here (at most one more a burst of
    reads: when nobody comes back). Returns how many summaries it built."""
    with _warming:
        v = version()
        if v is None or isinstance(caches["default"], DummyCache):
            return 0
        now = time.monotonic()
        with _read_lock:
            for key in [k for k in _built if k not in _read]:
                del _built[key]
            todo = [
                (key, build)
                for key, (build, seen) in reversed(_read.items())
                if seen > _built.get(key, now) and now - _built[key] >= SUMMARY_TTL - REFRESH_AHEAD
            ]
        return _rebuild(todo, v, seconds, built_already=lambda _name: False)


def _rebuild(todo, v, seconds, built_already):
    deadline = time.perf_counter() + seconds
    built = 0
    for key, build in todo:
        if time.perf_counter() > deadline:
            break
        name = f"summary:{key}:{v}"
        if built_already(name):  # (built by a request since the commit, or by the warm before)
            continue
        started = time.monotonic()
        try:
            cache.set(name, build(), SUMMARY_TTL)
        except Exception:  # noqa: BLE001 (a page gone since, a region deleted: its next request says so)
            log.warning("summary %s not rebuilt", key, exc_info=True)
            with _read_lock:
                _read.pop(key, None)
            continue
        with _read_lock:
            _built[key] = started
        built += 1
    return built


def watch(**_signal):
    """Start this process's watcher once (a request_started receiver: config/wsgi.py connects it, so
    only a web server's processes watch, never a management command or the test suite): a daemon
    thread that reads the index's version every WATCH_SECONDS and, when another process has committed,
    runs warm(). A forked process (gunicorn's workers after --preload) starts its own. Costs a request
    one comparison."""
    if _watcher.get("pid") == os.getpid():
        return
    with _read_lock:  # (the first requests of a process may come at once)
        if _watcher.get("pid") == os.getpid():
            return
        stop = threading.Event()
        _watcher.update(pid=os.getpid(), stop=stop)
    seen = version()  # the version the first request sees: a commit from here on is warmed
    _watcher["thread"] = threading.Thread(target=_watch, args=(seen, stop), name="summary-watcher", daemon=True)
    _watcher["thread"].start()


def stop_watching():
    """End this process's watcher (the tests that start one), once its look in progress is done."""
    if _watcher.get("stop") is not None:
        _watcher["stop"].set()
        _watcher["thread"].join(WARM_SECONDS + 10)
    _watcher.clear()


def _watch(seen, stop):
    pause = WATCH_SECONDS
    while not stop.wait(pause):
        t = time.monotonic()
        try:
            seen = check(seen)
        except Exception:  # noqa: BLE001 (an index being rebuilt, a database restarting: the next look retries)
            log.warning("the summary watcher could not read the index", exc_info=True)
        finally:
            connections.close_all()  # this thread's own connections: none held between looks
        pause = max(WATCH_SECONDS, WATCH_REST * (time.monotonic() - t))  # commits back to back: warm less often


def check(seen):
    """One look of the watcher: when the index's version is no longer the one seen, warm() this
    process's summaries (the watcher thread's searcher reopened on the way, the new segments' columns
    read into this process's caches); then refresh() those whose TTL nears its end. Returns the
    version now seen."""
    v = version()
    if v is not None and v != seen:
        t = time.perf_counter()
        built = warm(WATCH_WARM_SECONDS)
        if built:
            ms = (time.perf_counter() - t) * 1000
            log.info("index version %s: %d summaries rebuilt in %.0f ms (process %d)", v, built, ms, os.getpid())
    refresh()
    return v


committed.connect(warm, dispatch_uid="archive.views.cache.warm")


def watch_from_requests():
    """Every web process watches the index from its first request on (config/wsgi.py)."""
    request_started.connect(watch, dispatch_uid="archive.views.cache.watch")
