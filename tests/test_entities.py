"""The registry of entity kinds is complete: every part each kind names exists, and every stage
reads its list of kinds from the registry (a kind added there is extracted, stored, extracted again,
marked, reviewed and shown without another list to edit)."""

import dataclasses
import inspect

import pytest
from django.contrib import admin
from django.urls import get_resolver

from archive import curation, entities, marking, serializers
from archive.admin import inlines
from archive.admin import reports as review
from archive.admin.inlines import CuratedInline
from archive.admin.reports import ReportAdmin
from archive.entities import KINDS
from archive.evaluation import FLOORS
from archive.ingest import extract, run_pipeline, store
from archive.ingest.document import Document
from archive.ingest.extract import stages
from archive.models import Curated, Report
from archive.views import reports as report_page
from archive.views import rows

PARTS = ("extractor", "rows", "serializer", "inline", "page_rows", "marker")


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.key)
def test_every_part_of_a_kind_exists(kind):
    for name in PARTS:
        if getattr(kind, name) is not None:
            assert callable(kind.part(name)), f"{kind.key}.{name} = {getattr(kind, name)} is not a function or class"
    assert issubclass(kind.model, Curated), f"{kind.key}: {kind.mention} is not a reviewable (Curated) row"
    assert kind.key in {f.name for f in dataclasses.fields(Document)}, f"Document has no field {kind.key}"
    fields = {f.attname for f in kind.model._meta.concrete_fields}
    for name in (*kind.identity, *kind.columns, *kind.followed):
        assert name in fields, f"{kind.key}: {kind.mention} has no field {name}"
    assert set(kind.identity) <= set(kind.columns) and set(kind.followed) <= set(kind.columns)
    written = {*kind.columns, "report_id", "curation", "curated_by_id", "curated_at"}
    assert written == fields - {"id"}, f"{kind.key}: extraction must write every field of {kind.mention}"
    assert getattr(Report, kind.related).rel.related_model is kind.model, f"{kind.key}: Report.{kind.related}"
    assert kind.part("inline").model is kind.model and issubclass(kind.part("inline"), CuratedInline)
    for measure in kind.gate:
        assert measure in FLOORS, f"{kind.key}: the gate has no floor for {measure}"
    urls = get_resolver().namespace_dict["archive"][1].reverse_dict
    for page in kind.pages:
        _namespace, name = page.split(":")
        assert name in urls, f"{kind.key}: no page named {page}"
    if kind.alias:
        assert kind.record_model is not None
        assert kind.alias_model._meta.get_field(kind.link).related_model is kind.record_model


def test_the_stages_take_their_kinds_from_the_registry():
    assert [type(i) for i in ReportAdmin(Report, admin.site).get_inline_instances(_Request())] == [
        k.part("inline") for k in KINDS
    ]
    assert list(serializers.extraction_json(Document("x.txt")))[-len(KINDS) :] == [k.key for k in KINDS]
    # no stage keeps a list of the kinds' models of its own (one named alone, for a rule of its own, is fine)
    for module in (curation, marking, extract, store, serializers, review, report_page):
        source = inspect.getsource(module)
        assert "for kind in KINDS" in source, f"{module.__name__} does not read the registry"
        for line in (ln for ln in source.splitlines() if not ln.startswith("from ")):
            named = [m for m in ("RegionMention", "PersonMention", "InitiativeMention", "ReportCategory") if m in line]
            assert len(named) < 2, f"{module.__name__} lists kinds by hand ({line.strip()}): use archive/entities.py"


def test_the_gate_measures_every_kind():
    measured = {m for k in KINDS for m in k.gate}
    assert {m for m in FLOORS if m not in ("meta-acc", "clean-acc")} == measured


def test_a_new_kind_is_one_entry(monkeypatch, db):
    """A kind added to the registry is extracted onto the Document and printed in the JSON with no
    other change to the pipeline (its store, review and pages parts are checked above)."""
    monkeypatch.setattr(stages, "shouting", lambda r: [c for c in r.text if c == "！"], raising=False)
    monkeypatch.setattr(serializers, "count_json", lambda found: len(found), raising=False)
    monkeypatch.setattr(Document, "shouting", [], raising=False)
    extra = dataclasses.replace(
        KINDS[3], key="shouting", extractor=f"{entities._EXTRACT}.shouting", serializer="archive.serializers.count_json"
    )
    monkeypatch.setattr("archive.ingest.extract.KINDS", (*KINDS, extra))
    monkeypatch.setattr("archive.serializers.KINDS", (*KINDS, extra))
    doc = run_pipeline("a.txt", "标题\n平利县新增社区工厂12家！好！".encode())
    assert doc.shouting == ["！", "！"]
    assert serializers.extraction_json(doc)["shouting"] == 2


class _Request:
    class user:  # noqa: N801 (a stand-in for request.user)
        is_active = is_staff = is_superuser = True

        @staticmethod
        def has_perm(_perm, _obj=None):
            return True


def test_the_figures_pages_and_inline_take_their_columns_from_the_registry(report_of):
    """A figure's column added to the registry reaches the page's CSV/JSON columns and the review inline
    (those left out are named beside each), and every page column is one a figure's row gives."""
    kind = entities.BY_KEY["metrics"]
    fields = [c.removesuffix("_id") for c in kind.columns]
    assert [c for c in fields if c not in rows.NOT_SHOWN] == [c for c in rows.METRIC_COLUMNS if c in fields]
    assert [c for c in fields if c not in inlines.NOT_REVIEWED] == [
        c for c in inlines.MetricInline.fields if c in fields
    ]
    figure = kind.records(report_of(0))[0]
    assert set(rows.METRIC_COLUMNS) <= set(rows.metric_row(figure))
