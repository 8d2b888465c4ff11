"""The summary cache: the data of a page that summarises the archive, kept per process until the index
next commits (search.indexing.version changes with every ingest, correction and deletion)."""

from django.core.cache import cache

from search.indexing import version

SUMMARY_TTL = 60  # seconds a summary page's data is kept at most (a new index commit replaces it at once)


def summary(key, build):
    """The data of a page that summarises the archive, built once per index commit: every ingest,
    correction and deletion commits the index (search.indexing.version), so the next request builds
    it anew; what reaches the database alone (a region's flags, a person's region) shows within
    SUMMARY_TTL. Per process (Django's local-memory cache); a server engine has no version: no cache."""
    v = version()
    if v is None:
        return build()
    name = f"summary:{key}:{v}"
    found = cache.get(name)
    if found is None:
        found = build()
        cache.set(name, found, SUMMARY_TTL)
    return found
