"""Facet filters counted in one pass: each filtered facet's counts are those of the query under every
other filter, as separate queries give them, on the numpy path and on Whoosh's own."""

import pytest
from haystack.query import SearchQuerySet

from search import query
from search.engine.backend import ChineseWhooshSearchBackend

pytestmark = pytest.mark.django_db

CASES = [
    ("脱贫", {"province": ["610000"]}),
    ("", {"province": ["610000", "620000"], "script": ["hans"]}),
    ("扶贫", {"category": ["产业扶贫"], "year": ["2018", "2019"]}),
    ("脱贫", {"province": ["520000"]}),  # a filter no hit is left under
]


def _separately(q, filters):
    """{facet: {value: count}} and the total, each facet's counts by its own query (the old way)."""
    out = {}
    for name in query.FACETS:
        sqs = SearchQuerySet()
        if q:
            sqs = sqs.filter(content=q)
        for other, values in filters.items():
            if other != name:
                sqs = sqs.filter(**{f"{other}_exact__in": values})
        out[name] = dict((sqs.facet(name, size=5000).facet_counts() or {}).get("fields", {}).get(name, []))
    return out


def _in_one_pass(q, filters):
    page = query.search(q, filters)
    return page.total, {f["name"]: {v["value"]: v["count"] for v in f["values"]} for f in page.facets}


def _shown(counts, filters):
    """As the page shows them (a drill-down level only under its chosen parents)."""
    return {
        name: {
            v["value"]: v["count"] for v in query.FACETS[name].facet_results(list(values.items()), [], "hans", filters)
        }
        for name, values in counts.items()
    }


@pytest.mark.parametrize(("q", "filters"), CASES)
def test_one_pass_counts_equal_separate_queries(q, filters):
    total, counts = _in_one_pass(q, filters)
    expected = _shown(_separately(q, filters), filters)
    assert counts == expected
    sqs = SearchQuerySet().filter(content=q) if q else SearchQuerySet()
    for name, values in filters.items():
        sqs = sqs.filter(**{f"{name}_exact__in": values})
    assert total == sqs.count()


@pytest.mark.parametrize(("q", "filters"), CASES)
def test_whooshs_own_path_counts_the_same(monkeypatch, q, filters):
    expected = _in_one_pass(q, filters)
    monkeypatch.setattr(ChineseWhooshSearchBackend, "_evaluated", lambda self, *a, **k: None)
    assert _in_one_pass(q, filters) == expected
