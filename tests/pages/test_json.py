"""Each page's JSON is the dict its HTML renders."""

import pytest

pytestmark = pytest.mark.django_db


def test_search_json(client):
    data = client.get("/search/", {"q": "陜西", "format": "json"}).json()
    assert data["total"] == 2 and data["normalized_query"] == "陕西"
    hit = data["hits"][0]
    assert set(hit) >= {"id", "title", "snippet", "url", "regions"}
    assert "<mark>" in data["hits"][0]["snippet"] + data["hits"][1]["snippet"]
    names = {f["name"] for f in data["facets"]}
    assert {"province", "county", "category", "year", "source", "poverty", "exit_year", "script"} <= names
    province = next(f for f in data["facets"] if f["name"] == "province")
    assert all(set(v) == {"value", "label", "count", "selected"} for v in province["values"])


def test_report_json_traces_figures_to_sentences(client, report_of):
    data = client.get(f"/report/{report_of(2).pk}/?format=json").json()
    assert data["source"] == "山西日报" and data["published"] == "2018-07-02"
    text = "".join(run["text"] for run in data["text"])
    for m in data["figures"]:
        assert m["quote"] in m["sentence"] and m["sentence"] in text
    assert any(p["name"] == "赵优文" for p in data["people"])
    assert any(run.get("kind") == "figure" for run in data["text"])


def test_json_keeps_the_original_beside_the_display_form(client, report_of):
    data = client.get(f"/report/{report_of(0).pk}/", {"format": "json", "display": "hans"}).json()
    assert data["title"] == "“六連冠”是怎樣煉成的" and data["title_display"] == "“六连冠”是怎样炼成的"


def test_region_json_holds_what_the_page_lists(client):
    data = client.get("/region/610926/?format=json").json()
    assert data["poverty_county"] and data["exit_year"] == 2019 and data["parents"][0]["code"] == "610000"
    assert any(p["name"] == "郑小东" and p["title"] == "县委书记" for p in data["people"])  # the bug: no people
    assert data["programmes"] and data["figure_groups"]
    html = __import__("django.test", fromlist=["Client"]).Client().get("/region/610926/").content.decode()
    for p in data["people"]:
        assert p["name"] in html
    for r in data["reports"]:
        assert r["url"] in html


def test_unknown_format_is_a_clear_400(client):
    r = client.get("/search/?format=xml")
    assert r.status_code == 400 and "json" in r.content.decode()


def test_search_json_says_what_it_expanded(client):
    data = client.get("/search/", {"q": "易地搬迁", "format": "json"}).json()
    assert data["expanded"] and data["expansions"][0]["programme"] == "易地扶贫搬迁"
    assert "易地扶贫搬迁" in data["expansions"][0]["names"]
    assert not client.get("/search/", {"q": "易地搬迁", "expand": "0", "format": "json"}).json()["expanded"]


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/region/610000/",
        "/region/610926/",
        "/search/?q=扶贫",
        "/figures/?unit=%25",
        "/category/产业扶贫/",
        "/programme/易地扶贫搬迁/",
    ],
)
def test_every_page_is_json(client, url):
    r = client.get(url + ("&" if "?" in url else "?") + "format=json")
    assert r.status_code == 200 and isinstance(r.json(), dict)


@pytest.mark.parametrize("sort", ["value", "-value", "year", "-year", "unit", "-report", "label", "-published"])
def test_a_filtered_figures_page_is_in_the_order_sql_sorts_it(client, sort):
    """A filtered explorer page orders its light rows in Python: the same order as metric_queryset."""
    from archive.views.metrics import METRICS_PER_PAGE, metric_queryset

    got = client.get("/figures/", {"label": "率", "sort": sort, "format": "json"}).json()
    f = {
        "label": "率",
        "unit": "",
        "region": None,
        "year_from": None,
        "year_to": None,
        "min": None,
        "max": None,
        "change": "",
        "sort": sort,
    }
    expected = list(metric_queryset(f).values_list("id", flat=True)[:METRICS_PER_PAGE])
    assert [r["id"] for r in got["rows"]] == expected and len(expected) > 3
    assert got["total"] == metric_queryset(f).count()
