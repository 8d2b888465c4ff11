"""Test settings: everything the suite writes goes to a temporary folder.

The database is SQLite with the production options (WAL, busy timeout, IMMEDIATE
transactions), or the PostgreSQL server DATABASE_URL names (CI runs the suite
on both). Background jobs run at once, in the request that enqueues them
(django-tasks' immediate backend), unless TASKS_BACKEND says otherwise (the
reliability tests run the real worker against the database backend).
"""

import os
import tempfile
from pathlib import Path

from .settings import *  # noqa: F401,F403
from .settings import DATABASES, HAYSTACK_CONNECTIONS

_TMP = Path(os.environ.get("TEST_TMP") or tempfile.mkdtemp(prefix="fupin-test-"))
MEDIA_ROOT = _TMP / "media"
STATIC_ROOT = _TMP / "static"
STATIC_ROOT.mkdir(exist_ok=True)
SEARCH_INDEX_PATH = str(_TMP / "whoosh")
HAYSTACK_CONNECTIONS = {"default": dict(HAYSTACK_CONNECTIONS["default"], PATH=SEARCH_INDEX_PATH)}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES = {
        "default": dict(
            DATABASES["default"], NAME=str(_TMP / "test.sqlite3"), TEST={"NAME": str(_TMP / "test.sqlite3")}
        )
    }
TASKS = {"default": {"BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")}}
