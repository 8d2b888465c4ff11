"""What the page tests share."""

import pytest


@pytest.fixture
def locmem(settings):
    """A real local-memory cache (the suite's default keeps nothing), empty before and after."""
    from django.core.cache import cache

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"}}
    cache.clear()
    yield cache
    cache.clear()
