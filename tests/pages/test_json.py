import pytest

pytestmark = pytest.mark.django_db


def test_search_json(client):
    data = client.get("/search/", {"q": "陜西", "format": "json"}).json()
    assert data["total"] == 2 and data["normalized_query"] == "陕西"
    hit = data["hits"][0]
    assert set(hit) >= {"id", "title", "snippet", "url"} and "<mark>" in data["hits"][0]["snippet"] + data["hits"][1]["snippet"]
    assert {"province", "county", "category", "year", "source", "poverty", "exit_year", "script"} <= set(data["facets"])
    assert all(set(v) == {"value", "label", "count"} for v in data["facets"]["province"])


def test_report_json_traces_figures_to_sentences(client, report_of):
    data = client.get(f"/report/{report_of(2).pk}/?format=json").json()
    assert data["source"] == "山西日报" and data["published"] == "2018-07-02"
    for m in data["metrics"]:
        assert m["quote"] in m["sentence"] and m["sentence"] in data["text"]
    assert any(p["name"] == "赵优文" and p["region"] == "140224" for p in data["people"])


def test_region_json(client):
    data = client.get("/region/610926/?format=json").json()
    assert data["poverty_county"] and data["exit_year"] == 2019 and data["parents"][0]["code"] == "610000"


def test_unknown_format_is_a_clear_400(client):
    r = client.get("/search/?format=xml")
    assert r.status_code == 400 and "json" in r.content.decode()


def test_search_json_says_what_it_expanded(client):
    data = client.get("/search/", {"q": "易地搬迁", "format": "json"}).json()
    assert data["expanded"] and data["expansions"][0]["programme"] == "易地扶贫搬迁"
    assert "易地扶贫搬迁" in data["expansions"][0]["names"]
    assert not client.get("/search/", {"q": "易地搬迁", "expand": "0", "format": "json"}).json()["expanded"]
