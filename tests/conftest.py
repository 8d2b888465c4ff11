"""Fixtures built once per session: the gazetteer, the five seed reports, the index."""

import io
import json
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SHARED = settings.SHARED_DIR
SEEDS = sorted(FIXTURES.glob("*.txt"))


def seed(n):
    return next(p for p in SEEDS if p.name.startswith(f"{n:03d}_"))


def seed_text(n):
    return seed(n).read_text("utf-8")


def needs_shared(*parts):
    path = SHARED.joinpath(*parts)
    return pytest.mark.skipif(not path.exists(), reason=f"{path} is absent (../shared is not beside the project)")


@pytest.fixture(scope="session")
def gold():
    path = SHARED / "gold" / "seeds.json"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    return json.loads(path.read_text("utf-8"))


@pytest.fixture(scope="session")
def docs():
    """Stages 1-6 on each seed, once."""
    from archive.ingest import run_pipeline

    return {p.name[:3]: run_pipeline(p.name, p.read_bytes()) for p in SEEDS}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from search.indexing import rebuild

    with django_db_blocker.unblock():
        call_command("load_gazetteer", stdout=io.StringIO())
        call_command("ingest", str(FIXTURES), "--quiet", stdout=io.StringIO())
        rebuild()


@pytest.fixture
def report_of(db):
    """The stored report made from seed n."""
    from archive.models import Report

    return lambda n: Report.objects.get(original_name__endswith=seed(n).name)


@pytest.fixture
def index_rollback(db):
    """The index forgets the reports a test created (the database forgets them with its rollback)."""
    from django.db.models import Max

    from archive.models import Report
    from search.indexing import remove_reports

    before = Report.objects.aggregate(m=Max("pk"))["m"] or 0
    yield
    after = Report.objects.aggregate(m=Max("pk"))["m"] or 0
    if after > before:
        remove_reports(range(before + 1, after + 1))


@pytest.fixture(autouse=True)
def _index_follows_the_rollback(request):
    """Every database test: what it indexed of its own reports leaves the index with its rollback."""
    if request.node.get_closest_marker("django_db") is None and "db" not in request.fixturenames:
        yield
        return
    request.getfixturevalue("index_rollback")
    yield


@pytest.fixture
def corpus():
    """../shared/corpus, read where it lies (its README: never copied into the project)."""
    from tests.live import CORPUS

    if not CORPUS.exists():
        pytest.skip(f"{CORPUS} is absent (../shared is not beside the project)")


def pytest_report_header(config):
    from django.db import connection

    return f"database: {connection.vendor} ({connection.settings_dict['NAME']}); search: {settings.SEARCH_ENGINE}"


@pytest.fixture(autouse=True)
def _no_summary_cache(settings):
    """Tests see every change at once: the summary pages' cache (archive.views.cache.summary) is the dummy
    one, except in the tests of that cache, which ask for the local-memory one."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
