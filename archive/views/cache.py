"""The summary cache: the data of a page that summarises the archive, kept per process until the index
next commits (search.indexing.version changes with every ingest, correction and deletion), and built
again right after that commit for the pages read lately (warm()), so the reader who comes next does
not wait for the build."""

import logging
import time
from collections import OrderedDict

from django.core.cache import cache, caches
from django.core.cache.backends.dummy import DummyCache

from search.indexing import committed, version

SUMMARY_TTL = 60  # seconds a summary page's data is kept at most (a new index commit replaces it at once)
WARM_KEYS = 64  # the most summaries rebuilt after a commit: the ones read most recently
WARM_WINDOW = 600  # seconds: a summary read within them is rebuilt after a commit
WARM_SECONDS = 5.0  # and no more time than this spent on them (the commit's caller waits)

log = logging.getLogger(__name__)
_read = OrderedDict()  # key: (its build, when last read), of the summaries read lately, the latest last


def summary(key, build):
    """The data of a page that summarises the archive, built once per index commit: every ingest,
    correction and deletion commits the index (search.indexing.version), so the next request builds
    it anew (unless warm() has, right after the commit); what reaches the database alone (a region's
    flags, a person's region) shows within SUMMARY_TTL. Per process (Django's local-memory cache); a
    server engine has no version: no cache."""
    v = version()
    if v is None:
        return build()
    name = f"summary:{key}:{v}"
    found = cache.get(name)
    if found is None:
        found = build()
        cache.set(name, found, SUMMARY_TTL)
    if not isinstance(caches["default"], DummyCache):  # (the test suite's: nothing kept, nothing to warm)
        _read[key] = (build, time.monotonic())
        _read.move_to_end(key)
        while len(_read) > WARM_KEYS:
            _read.popitem(last=False)
    return found


def warm(**_signal):
    """After an index commit in this process: build again the summaries read within WARM_WINDOW, the
    most recently read first, within WARM_KEYS and WARM_SECONDS, so the first request after a commit
    (an ingest, a correction in the admin) finds its page's data ready. A summary nobody read for
    WARM_WINDOW drops out. Another process's commit (a worker's ingest) is not seen here: that
    process's pages are built on their next request, as before."""
    v = version()
    if v is None or not _read or isinstance(caches["default"], DummyCache):
        _read.clear()
        return
    now = time.monotonic()
    for key in [k for k, (_b, seen) in _read.items() if now - seen > WARM_WINDOW]:
        del _read[key]
    deadline = time.perf_counter() + WARM_SECONDS
    for key, (build, _seen) in reversed(list(_read.items())):
        if time.perf_counter() > deadline:
            break
        name = f"summary:{key}:{v}"
        if cache.get(name) is not None:
            continue
        try:
            cache.set(name, build(), SUMMARY_TTL)
        except Exception:  # noqa: BLE001 (a page gone since, a region deleted: its next request says so)
            log.warning("summary %s not rebuilt after the index commit", key, exc_info=True)
            del _read[key]


committed.connect(warm, dispatch_uid="archive.views.cache.warm")
