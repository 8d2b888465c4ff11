"""The WSGI application gunicorn serves (docs/DEPLOY.md). It runs the system checks before it serves, as
runserver and the management commands do: a missing library or model (archive/checks.py) stops the
start with its name and the install step, instead of a server that drops fields from every report."""

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
