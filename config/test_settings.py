"""Test settings: everything the suite writes goes to a temporary folder."""

import tempfile
from pathlib import Path

from .settings import *  # noqa: F401,F403
from .settings import HAYSTACK_CONNECTIONS

_TMP = Path(tempfile.mkdtemp(prefix="fupin-test-"))
MEDIA_ROOT = _TMP / "media"
SEARCH_INDEX_PATH = str(_TMP / "whoosh")
HAYSTACK_CONNECTIONS = {"default": dict(HAYSTACK_CONNECTIONS["default"], PATH=SEARCH_INDEX_PATH)}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": str(_TMP / "test.sqlite3"),
                         "TEST": {"NAME": str(_TMP / "test.sqlite3")}}}
