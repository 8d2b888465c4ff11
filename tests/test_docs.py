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


def _what_is_where():
    readme = (ROOT / "README.md").read_text("utf-8")
    table = readme.split("## What is where", 1)[1].split("\n## ", 1)[0]
    return [line for line in table.splitlines() if line.startswith("| `")]


def test_the_what_is_where_table_names_paths_that_exist():
    for row in _what_is_where():
        for name in re.findall(r"`([^`]+)`", row.split(" | ")[0]):
            assert (ROOT / name).exists(), f"README's What is where names {name}, which does not exist"


def test_every_module_of_the_views_and_admin_packages_is_in_the_what_is_where_table():
    rows = _what_is_where()
    for package in ("archive/views", "archive/admin"):
        row = next(r for r in rows if f"`{package}/`" in r.split(" | ")[0])
        for module in sorted((ROOT / package).glob("*.py")):
            if module.stem != "__init__":
                assert f"`{module.stem}`" in row, f"{package}/{module.name} is not named in README's What is where"
