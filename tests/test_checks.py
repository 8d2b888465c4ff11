"""A library the pipeline needs that cannot be imported stops every start with its name and the install
step (archive.E004), never a server that drops a field: runserver, gunicorn's application (config/wsgi.py),
the worker, ingest and the extraction gate (issue 21 item 1)."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

from archive import checks
from archive.ingest.head import PageHead
from tests.conftest import ROOT, seed

MISSING = "raise ImportError(\"No module named 'lxml_html_clean'\")\n"  # as if it were not installed

STARTS = {
    "check": ["manage.py", "check"],
    "runserver": ["manage.py", "runserver", "127.0.0.1:0", "--noreload"],
    "gunicorn": ["-m", "gunicorn", "config.wsgi", "-b", "127.0.0.1:0"],  # its worker fails to boot: it stops
    "archive_worker": ["manage.py", "archive_worker"],
    "ingest": ["manage.py", "ingest", str(seed(0))],
    "evaluate_extraction": ["manage.py", "evaluate_extraction"],
}


@pytest.fixture(scope="module")
def without_lxml_html_clean(tmp_path_factory):
    """An environment in which `import lxml_html_clean` fails, as in an install that lacks it."""
    shadow = tmp_path_factory.mktemp("shadow")
    (shadow / "lxml_html_clean").mkdir()
    (shadow / "lxml_html_clean" / "__init__.py").write_text(MISSING)
    var = tmp_path_factory.mktemp("var")
    return dict(
        os.environ,
        PYTHONPATH=str(shadow),
        VAR_DIR=str(var),
        MODEL_DIR=str(settings.MODEL_DIR),
        DJANGO_SETTINGS_MODULE="config.settings",
        DEBUG="1",
    )


@pytest.mark.parametrize("start", list(STARTS))
def test_a_missing_pipeline_library_stops_the_start(without_lxml_html_clean, start):
    res = subprocess.run(
        [sys.executable, *STARTS[start]],
        cwd=ROOT,
        env=without_lxml_html_clean,
        capture_output=True,
        text=True,
        timeout=120,
    )
    out = res.stdout + res.stderr
    assert res.returncode != 0, out
    assert "archive.E004" in out and "lxml_html_clean" in out and "pip install -r requirements.txt" in out
    assert "created #" not in out  # nothing was ingested without it


def test_the_installed_pipeline_passes_its_checks():
    res = subprocess.run(
        [sys.executable, "manage.py", "check", "--tag", checks.PIPELINE],
        cwd=ROOT,
        env=dict(os.environ, MODEL_DIR=str(settings.MODEL_DIR)),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert res.returncode == 0 and "no issues" in res.stdout, res.stderr


def test_a_head_reader_that_drops_the_date_is_an_error(monkeypatch):
    assert checks.page_head_reads_its_date(None) == []
    monkeypatch.setattr(checks, "read_head", lambda root: PageHead())
    [error] = checks.page_head_reads_its_date(None)
    assert error.id == "archive.E005" and "date" in error.msg
