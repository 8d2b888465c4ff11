"""The archive on Elasticsearch 7 through haystack's own backend (SEARCH_ENGINE=elasticsearch7), with the
HTTP client's connection replaced by a recorded fake (tests/search/fake_elasticsearch.py): what we send
(the Chinese analysis and mapping, folded text, queries with filters, facets and sorts) is checked
here, where no server can be installed; what comes back goes through the same pages."""

import pytest
from haystack import connections

from search.query import search
from tests.search.fake_elasticsearch import NODE, FakeConnection

pytestmark = pytest.mark.django_db

ES = {
    "ENGINE": "search.server_engines.ChineseElasticsearch7SearchEngine",
    "URL": "http://es.test:9200/",
    "INDEX_NAME": "fupin",
    "INCLUDE_SPELLING": True,
    "KWARGS": {"connection_class": FakeConnection},
}


@pytest.fixture
def es():
    from search.indexing import rebuild

    saved = connections.connections_info["default"]
    connections.connections_info["default"] = dict(ES)
    connections.reload("default")
    NODE.__init__()
    rebuild()
    NODE.requests.clear()
    yield NODE
    connections.connections_info["default"] = saved
    connections.reload("default")


def _search_body(node):
    bodies = [body for _m, _p, _params, body in node.sent(path_end="_search")]
    assert bodies
    return bodies[0]


def test_the_index_is_created_with_the_chinese_analysis_and_the_mapping(es):
    NODE.__init__()  # a new cluster, and a new process
    connections.reload("default")
    connections["default"].get_backend().setup()
    created = next(body for method, path, _p, body in NODE.requests if method == "PUT" and path.rstrip("/") == "/fupin")
    analyzers = created["settings"]["analysis"]["analyzer"]
    assert analyzers["fupin_chinese"] == {
        "type": "custom",
        "tokenizer": "smartcn_tokenizer",
        "filter": ["cjk_width", "lowercase"],
    }
    assert (
        analyzers["fupin_bigram"]["filter"][-1] == "cjk_bigram" and analyzers["fupin_bigram"]["tokenizer"] == "standard"
    )
    mapping = next(body for method, path, _p, body in NODE.requests if method == "PUT" and path.endswith("/_mapping"))
    fields = mapping["properties"]
    assert fields["text"] == {
        "type": "text",
        "analyzer": "fupin_chinese",
        "fields": {"bigram": {"type": "text", "analyzer": "fupin_bigram"}},
    }
    for facet in ("province_exact", "county_exact", "category_exact", "source_exact", "script_exact"):
        assert fields[facet] == {"type": "keyword"}, facet
    assert fields["published"] == {"type": "date"} and fields["year"] == {"type": "long"}
    assert fields["django_ct"] == {"type": "keyword"} and fields["django_id"] == {"type": "keyword"}


def test_a_tokenizer_by_settings(es):
    connections.connections_info["default"]["TOKENIZER"] = "ik_max_word"
    connections.reload("default")
    NODE.__init__()
    connections.reload("default")
    connections["default"].get_backend().setup()
    created = next(body for method, path, _p, body in NODE.requests if method == "PUT" and path.rstrip("/") == "/fupin")
    assert created["settings"]["analysis"]["analyzer"]["fupin_chinese"]["tokenizer"] == "ik_max_word"


def test_documents_are_sent_folded_to_simplified_with_facet_values_verbatim(es, report_of):
    from search.indexing import index_reports

    traditional = report_of(0)  # 陜西 … printed in traditional script
    index_reports([traditional.pk])
    bulk = NODE.docs[f"archive.report.{traditional.pk}"]
    assert "陕西" in bulk["text"] and "陜西" not in bulk["text"] and "脱贫" in bulk["text"]
    assert bulk["province_exact"] == ["610000"] and bulk["script_exact"] == "hant"
    assert bulk["django_ct"] == "archive.report" and bulk["django_id"] == str(traditional.pk)
    assert len(NODE.docs) == 5  # the rebuild sent every report


def test_a_query_is_folded_searches_both_fields_and_carries_filters_facets_and_sort(es):
    page = search("脫貧 社區工廠", {"province": ["610000"]}, sort="newest")
    body = _search_body(NODE)
    query = body["query"]["query_string"]
    assert "脱贫" in query["query"] and "社区工厂" in query["query"] and "脫" not in query["query"]
    assert '"扶贫车间"' in query["query"]  # the thesaurus's other names, as on Whoosh
    assert query["fields"] == ["text", "text.bigram"] and query["default_operator"] == "AND"
    assert 'province_exact:("610000")' in query["query"]
    # OR within a facet: its counts come from the query without its own selection, counts only
    own = [b for _m, _p, _q, b in NODE.sent(path_end="_search")][1]
    assert "province_exact" not in own["query"]["query_string"]["query"] and own["size"] == 1
    assert list(own["aggs"]) == ["province"]
    assert body["sort"] == [{"published": {"order": "desc"}}]
    assert {"province", "county", "category", "source", "year", "script"} <= set(body["aggs"])
    assert body["aggs"]["county"]["terms"] == {"field": "county_exact", "size": 5000}
    assert body["from"] == 0 and body["size"] == 20
    assert page.total == 5  # what the fake answered (every document), read back through haystack


def test_what_comes_back_is_the_search_page(es, report_of, client):
    a, b = report_of(0), report_of(4)
    NODE.answer = [f"archive.report.{a.pk}", f"archive.report.{b.pk}"]
    page = search("社区工厂")
    assert page.total == 2 and [h["report"].pk for h in page.hits] == [a.pk, b.pk]
    counts = {f["name"]: {v["value"]: v["count"] for v in f["values"]} for f in page.facets}
    assert counts["province"] == {"610000": 2}
    r = client.get("/search/", {"q": "社区工厂", "format": "json"})
    assert r.status_code == 200
    data = r.json()
    assert data["total"] == 2 and {h["id"] for h in data["hits"]} == {a.pk, b.pk}
    assert client.get("/search/", {"q": "社区工厂"}).status_code == 200


def test_a_deleted_report_leaves_the_index(es, report_of):
    from search.indexing import remove_reports

    pk = report_of(2).pk
    remove_reports([pk])
    assert NODE.sent("DELETE", f"/_doc/archive.report.{pk}") and f"archive.report.{pk}" not in NODE.docs


def test_solr_gets_the_same_folded_text_and_query_words(report_of, monkeypatch):
    from haystack.utils.loading import load_backend

    engine = load_backend("search.server_engines.ChineseSolrEngine")(using="solr-test")
    backend = engine.backend("solr-test", URL="http://solr.test:8983/solr/fupin")
    sent = []
    monkeypatch.setattr(backend.conn, "add", lambda docs, **kw: sent.extend(docs))
    index = connections["default"].get_unified_index().get_index(type(report_of(0)))
    backend.update(index, [report_of(0)])
    assert "陕西" in sent[0]["text"] and "陜西" not in sent[0]["text"] and sent[0]["script_exact"] == "hant"
    query = engine.query(using="default")
    assert query.clean("脫貧") == "脱贫"
