"""haystack's own API on the archive's engine, with the archive's index and Chinese text (haystack's
Whoosh suite, `make haystack-suite`, checks the same with its English fixtures)."""

import pytest
from django.core.management import call_command
from haystack import connections, reset_search_queries
from haystack.query import SearchQuerySet

from archive.ingest.normalize import t2s
from archive.models import Report

pytestmark = pytest.mark.django_db


def test_everything_is_star_and_an_empty_query_is_nothing():
    backend = connections["default"].get_backend()
    assert backend.search("*")["hits"] == Report.objects.count() == 5
    assert backend.search("*:*")["hits"] == 5
    assert backend.search("") == {"hits": 0, "results": []}
    assert backend.search("a") == {"hits": 0, "results": []}  # one Latin letter: haystack's contract
    assert backend.search("贫")["hits"] >= 1  # one Chinese character is a word, and is searched
    assert SearchQuerySet().all().count() == 5


def test_queries_are_logged_under_debug(settings):
    settings.DEBUG = True
    reset_search_queries()
    list(SearchQuerySet().filter(content="扶贫")[:5])
    logged = connections["default"].queries
    assert len(logged) == 1 and "扶贫" in logged[0]["query_string"] and float(logged[0]["time"]) >= 0
    settings.DEBUG = False
    reset_search_queries()
    list(SearchQuerySet().filter(content="扶贫")[:5])
    assert connections["default"].queries == []


def test_spelling_suggestion_with_and_without_words_of_its_own():
    assert SearchQuerySet().filter(content="脱贪").spelling_suggestion() == "脱贫"
    assert SearchQuerySet().filter(content="脱贪").spelling_suggestion("脱贪") == "脱贫"
    assert SearchQuerySet().filter(content="脱贫").spelling_suggestion() is None  # nothing to correct


def test_highlight_marks_the_chinese_words_in_the_reports_text():
    results = list(SearchQuerySet().filter(content="社区工厂").highlight())
    assert len(results) == 2
    for result in results:
        fragment = result.highlighted["text"][0]
        assert "<em>" in fragment and "社区工厂" in t2s(fragment.replace("<em>", "").replace("</em>", ""))


def test_update_index_remove_drops_what_the_database_no_longer_has(index_rollback):
    backend = connections["default"].get_backend()
    index = connections["default"].get_unified_index().get_index(Report)
    ghost = Report.objects.first()
    ghost.pk = 999_999  # in the index only, as after a crash between the two
    backend.update(index, [ghost])
    assert 999_999 in backend.indexed_ids()
    call_command("update_index", "--remove", verbosity=0)
    assert backend.indexed_ids() == set(Report.objects.values_list("pk", flat=True))


def test_a_field_with_its_own_analyzer_keeps_it():
    from haystack import indexes
    from whoosh.analysis import StandardAnalyzer

    class Custom(indexes.SearchIndex):
        text = indexes.CharField(document=True)
        code = indexes.CharField(analyzer=StandardAnalyzer())

    backend = connections["default"].get_backend()
    _content, schema = backend.build_schema(Custom().fields)
    assert type(schema["code"].analyzer).__name__ != "ChineseTokenizer"
    assert type(schema["text"].analyzer).__name__ == "ChineseTokenizer"


def test_ids_alone_come_without_the_stored_fields_converted(monkeypatch):
    """values_list("pk") (the concordance, exports, feeds) reads only the hits' ids: the same ids, in the
    same order, as the full results give them; a field beyond the ids takes the full path."""
    backend = type(connections["default"].get_backend())
    light, calls = backend._id_results, []
    monkeypatch.setattr(backend, "_id_results", lambda *a, **k: calls.append(1) or light(*a, **k))

    def found():
        return SearchQuerySet().filter(content="扶贫").order_by("-published")

    full = list(found())
    assert len(full) >= 2 and not calls
    assert list(found().values_list("pk", flat=True)) == [r.pk for r in full] and calls
    assert list(found().values_list("id", "pk")) == [[r.id, r.pk] for r in full]
    calls.clear()
    assert (
        list(found().values_list("script", flat=True)) == [r.script for r in full] and not calls
    )  # (a None loops in haystack)
