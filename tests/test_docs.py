"""A setting or facet that is not documented is a failing test."""

import re

from django.conf import settings

from search.facets import FACETS
from tests.conftest import ROOT


def test_every_facet_is_documented():
    doc = (ROOT / "docs" / "SEARCH.md").read_text("utf-8")
    for name in FACETS:
        assert f"`{name}`" in doc, name


def test_every_environment_setting_is_documented():
    source = (ROOT / "config" / "settings.py").read_text("utf-8")
    readme = (ROOT / "README.md").read_text("utf-8")
    names = set(re.findall(r'os\.environ\.get\("([A-Z_]+)"', source)) | set(
        re.findall(r'env_bool\("([A-Z_]+)"', source)
    )
    assert names >= {"DATABASE_URL", "SEARCH_INDEX_PATH", "MEDIA_ROOT", "SECRET_KEY", "ALLOWED_HOSTS"}
    for name in names:
        assert f"`{name}`" in readme, name


def test_quick_start_is_two_commands():
    readme = (ROOT / "README.md").read_text("utf-8")
    assert "make run" in readme and "make test" in readme
    assert "make test" in (ROOT / ".ci" / "run").read_text("utf-8")


def test_production_refuses_the_development_key(monkeypatch):
    import subprocess
    import sys

    env = {"DEBUG": "0", "PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "config.settings"}
    res = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert res.returncode != 0 and "SECRET_KEY" in res.stderr
    assert settings.SECRET_KEY
