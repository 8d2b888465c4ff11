"""The WSGI application gunicorn serves (docs/DEPLOY.md). It runs the system checks before it serves, as
runserver and the management commands do: a missing library or model (archive/checks.py) stops the
start with its name and the install step, instead of a server that drops fields from every report.

Each process that serves requests through it (gunicorn's workers, runserver) also watches the index
from its first request on when SUMMARY_WATCHER is set, so another process's commit (the worker's ingest) finds the summary pages
rebuilt before a reader comes (archive.views.cache.watch)."""

import os

from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()

_serious = [m for m in checks.run_checks() if m.is_serious() and not m.is_silenced()]
if _serious:
    raise ImproperlyConfigured(
        "The archive cannot start; the system checks found:\n" + "\n".join(str(m) for m in _serious)
    )

from django.conf import settings  # noqa: E402

from archive.views.cache import watch_from_requests  # noqa: E402 (after setup: it imports the models)

if settings.SUMMARY_WATCHER:  # (off by default: its memory, docs/DECISIONS.md)
    watch_from_requests()
