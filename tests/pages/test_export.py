"""A whole result set to take away (/search/export/): every hit, not the page, as CSV, JSON, RIS and BibTeX,
read back by real readers (csv, json, rispy, bibtexparser); bounded, and saying so when cut."""

import csv
import io
import json

import pytest

pytestmark = pytest.mark.django_db


def _body(response):
    assert response.streaming  # streamed, never built whole
    return b"".join(response.streaming_content).decode("utf-8")


def _search_ids(client, **params):
    data = client.get("/search/", {**params, "format": "json"}).json()
    ids = [h["id"] for h in data["hits"]]
    assert data["pages"] == 1  # the seeds fit one page: its hits are all of them
    return ids, data["total"]


def test_csv_holds_every_hit_with_a_bom_in_the_searchs_order(client):
    ids, total = _search_ids(client, q="扶贫", sort="newest")
    r = client.get("/search/export/", {"q": "扶贫", "sort": "newest", "format": "csv"})
    assert r.status_code == 200 and r["Content-Type"].startswith("text/csv")
    assert "attachment" in r["Content-Disposition"] and r["X-Export-Total"] == str(total)
    assert r["X-Export-Truncated"] == "false"
    raw = _body(r)
    assert raw.startswith("\ufeff")  # a spreadsheet reads it as UTF-8
    rows = list(csv.DictReader(io.StringIO(raw[1:])))
    assert [int(row["id"]) for row in rows] == ids and len(rows) == total > 1
    assert all(row["url"].startswith("http://testserver/report/") for row in rows)
    assert any("扶贫" in row["categories"] or row["regions"] for row in rows)


@pytest.mark.parametrize("sort", ["relevance", "newest", "oldest"])
def test_slice_by_slice_the_export_keeps_the_searchs_order(client, monkeypatch, settings, sort):
    from search import export

    monkeypatch.setattr(export, "CHUNK", 2)  # the index asked, and the database read, two ids at a time
    settings.EXPORT_MAX_REPORTS = 5
    ids, total = _search_ids(client, q="扶贫", sort=sort)
    data = json.loads(_body(client.get("/search/export/", {"q": "扶贫", "sort": sort, "format": "json"})))
    assert [r["id"] for r in data["reports"]] == ids[:5] and data["exported"] == min(total, 5)


def test_every_filter_of_the_search_page_applies(client):
    params = {"q": "扶贫", "province": "610000", "from": "2018", "to": "2020"}
    ids, total = _search_ids(client, **params)
    data = json.loads(_body(client.get("/search/export/", {**params, "format": "json"})))
    assert sorted(r["id"] for r in data["reports"]) == sorted(ids)
    assert data["total"] == total and data["filters"] == {"province": ["610000"]}
    assert data["date_from"] == "2018-01-01" and data["cut"] is False
    everything = json.loads(_body(client.get("/search/export/", {"q": "扶贫", "format": "json"})))
    assert everything["total"] > total  # the filters narrowed it


def test_json_keeps_the_original_beside_the_display_form(client, report_of):
    traditional = report_of(0)
    data = json.loads(_body(client.get("/search/export/", {"format": "json", "display": "hans"})))
    row = next(r for r in data["reports"] if r["id"] == traditional.pk)
    assert row["title"] == "“六連冠”是怎樣煉成的" and row["title_display"] == "“六连冠”是怎样炼成的"
    hant = json.loads(_body(client.get("/search/export/", {"q": "扶贫", "format": "json", "display": "hant"})))
    lingqiu = next(r for r in hant["reports"] if r["title"].startswith("勠力同心摘穷帽"))
    assert lingqiu["title_display"].startswith("勠力同心摘窮帽") and "灵丘县" in lingqiu["regions"]
    assert "靈丘縣" in lingqiu["regions_display"] and "產業扶貧" in lingqiu["categories_display"]


def test_a_traditional_reader_gets_traditional(client):
    raw = _body(client.get("/search/export/", {"q": "扶贫", "format": "csv", "display": "hant"}))
    assert "勠力同心摘窮帽" in raw and "摘穷帽" not in raw
    ris = _body(client.get("/search/export/", {"q": "扶贫", "format": "ris", "display": "hant"}))
    assert "勠力同心摘窮帽" in ris and "摘穷帽" not in ris


def test_ris_parses_with_rispy_one_record_a_hit(client):
    import rispy

    ids, total = _search_ids(client, q="扶贫")
    r = client.get("/search/export/", {"q": "扶贫", "format": "ris"})
    assert r["Content-Type"].startswith("application/x-research-info-systems")
    entries = rispy.loads(_body(r))
    assert len(entries) == total and {e["type_of_reference"] for e in entries} == {"ELEC"}
    assert [e["id"] for e in entries] == [f"fupin-{i}" for i in ids]
    assert any(e["title"].startswith("勠力同心摘穷帽") for e in entries)


def test_bibtex_parses_with_bibtexparser(client):
    import bibtexparser

    ids, total = _search_ids(client, q="扶贫")
    library = bibtexparser.parse_string(_body(client.get("/search/export/", {"q": "扶贫", "format": "bibtex"})))
    assert not library.failed_blocks and not library.comments  # not cut: no note
    assert [e.key for e in library.entries] == [f"fupin-{i}" for i in ids]
    assert all(e.entry_type == "online" and e["url"] for e in library.entries)


@pytest.mark.parametrize("fmt", ["csv", "json", "ris", "bibtex"])
def test_the_bound_cuts_and_says_so_with_the_total(client, settings, fmt):
    import bibtexparser
    import rispy

    settings.EXPORT_MAX_REPORTS = 2
    ids, total = _search_ids(client, q="扶贫")
    assert total > 2
    r = client.get("/search/export/", {"q": "扶贫", "format": fmt})
    assert (r["X-Export-Total"], r["X-Export-Limit"], r["X-Export-Count"], r["X-Export-Truncated"]) == (
        str(total),
        "2",
        "2",
        "true",
    )
    body = _body(r)
    note = f"共 {total:,} 篇报道，导出上限为 2 篇：只导出了前 2 篇"
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(body[1:])))
        assert rows[0][0].startswith("# ") and note in rows[0][0]
        assert rows[1][0] == "id" and [int(x[0]) for x in rows[2:]] == ids[:2]
    elif fmt == "json":
        data = json.loads(body)
        assert data["cut"] is True and data["total"] == total and data["limit"] == 2 and note in data["note"]
        assert [x["id"] for x in data["reports"]] == ids[:2]
    elif fmt == "ris":
        assert note in body.split("TY  -", 1)[0]
        assert [e["id"] for e in rispy.loads(body)] == [f"fupin-{i}" for i in ids[:2]]
    else:
        library = bibtexparser.parse_string(body)
        assert note in library.comments[0].comment and len(library.entries) == 2


def test_unknown_format_is_a_400_in_chinese(client):
    r = client.get("/search/export/", {"q": "扶贫", "format": "xlsx"})
    assert r.status_code == 400 and "没有“xlsx”这种导出格式" in r.content.decode() and "bibtex" in r.content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {"q": "扶贫" * 500},
        {"from": "昨天", "to": "9999-99-99"},
        {"sort": "<script>", "expand": "x", "province": "abc"},
        {"q": '"未闭合 OR NOT -'},
        {"q": "没有这个词的检索zzzz"},
    ],
)
def test_bad_parameters_are_never_a_500(client, params):
    r = client.get("/search/export/", {**params, "format": "json"})
    assert r.status_code == 200
    data = json.loads(_body(r))
    assert data["exported"] == len(data["reports"])


def test_the_search_page_links_its_exports_and_feed(client):
    r = client.get("/search/", {"q": "扶贫", "province": "610000", "page": "1"})
    html = r.content.decode()
    data = client.get("/search/", {"q": "扶贫", "province": "610000", "format": "json"}).json()
    for fmt in ("csv", "json", "ris", "bibtex"):
        url = data["export"][fmt]
        assert url.startswith("/search/export/?") and f"format={fmt}" in url and "province=610000" in url
        assert url.replace("&", "&amp;") in html
    assert "page=" not in data["export"]["csv"]
    assert '<link rel="alternate" type="application/atom+xml"' in html and "/search/feed/?" in html
