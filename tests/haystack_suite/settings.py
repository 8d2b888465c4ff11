"""haystack's own test settings (test_haystack.settings, django-haystack 3.4.0 sdist) with every Whoosh
connection on this archive's engine instead of haystack's. Used by run.py; not by the archive."""

from test_haystack.settings import *  # noqa: F403

OURS = "search.engine.backend.ChineseWhooshEngine"
for _connection in HAYSTACK_CONNECTIONS.values():  # noqa: F405
    if _connection["ENGINE"] == "haystack.backends.whoosh_backend.WhooshEngine":
        _connection["ENGINE"] = OURS
HAYSTACK_CONNECTIONS.pop("elasticsearch", None)  # noqa: F405 (not the suite run here)
