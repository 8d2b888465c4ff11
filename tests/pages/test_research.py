"""The research tools at the page level on the ingested seeds and a few dated reports (HTML, JSON, CSV):
trends equal the search's year facet, the concordance's lines are the occurrences in the texts, a
programme's first years are its earliest reports, and compare's numbers are the regions' own."""

import csv
import io
import re

import pytest

pytestmark = pytest.mark.django_db

PAGE = """<html><head><title>{title}_新闻频道</title>
<meta property="article:published_time" content="{date}T09:00:00+08:00">
<meta name="source" content="来源：{source}"></head>
<body><h1>{title}</h1><p>{body}</p>
<p>当地干部说，这是{title}的第二段测试正文，{extra}，写得长一些以免被当成页面杂项。</p></body></html>"""

DATED = [
    (
        "2016-04-01",
        "平利县易地扶贫搬迁开工",
        "平利县实施易地扶贫搬迁，首批300户群众搬进新居。",
        "陕西日报",
        "老县镇的安置点建起了社区工厂",
    ),
    (
        "2017-06-12",
        "汉阴县光伏扶贫电站并网",
        "汉阴县光伏扶贫电站并网发电，易地搬迁群众每户年增收3000元。",
        "安康日报",
        "光伏扶贫让贫困村有了集体收入",
    ),
    (
        "2019-09-20",
        "從江縣光伏扶貧見成效",
        "從江縣光伏扶貧項目帶動貧困戶增收，易地扶貧搬遷安置點建成。",
        "貴州日報",
        "從江縣的光伏扶貧電站每年發電",
    ),
    (
        "2019-11-02",
        "平利县光伏扶贫再扩容",
        "平利县光伏扶贫电站扩容，贫困发生率降至1.2%。",
        "陕西日报",
        "平利县的光伏扶贫带动了二百户",
    ),
]


def text_of(html):
    return re.sub(r"<[^>]+>", " ", html)


@pytest.fixture
def dated(db):
    """Four dated reports (three counties, 2016-2019, one in traditional), gone with the test's rollback."""
    from archive.ingest import store
    from archive.intake.service import ingest_bytes
    from search.indexing import index_reports

    store._SOURCES.clear()
    ids = []
    for i, (date, title, body, source, extra) in enumerate(DATED):
        page = PAGE.format(date=date, title=title, body=body, source=source, extra=extra)
        outcome = ingest_bytes(f"research-{i}.html", page.encode())
        assert outcome.status == "created", outcome.message
        ids.append(outcome.report_id)
    index_reports(ids)  # the store indexes on commit, which a test's transaction never reaches
    yield ids
    store._SOURCES.clear()


def year_facet(q, filters=None):
    from search.query import search

    page = search(q, filters or {}, per_page=1)
    return {int(v["value"]): v["count"] for f in page.facets if f["name"] == "year" for v in f["values"]}


def rows_of(response):
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(body)))


# -- trends ----------------------------------------------------------------------------------


def test_trend_counts_equal_the_search_year_facet(client, dated):
    data = client.get("/trends/", {"q": ["光伏扶贫", "易地搬迁", "扶贫"], "format": "json"}).json()
    assert [s["name"] for s in data["series"]] == ["光伏扶贫", "易地搬迁", "扶贫"]
    base = year_facet("")
    for s in data["series"]:
        facet = year_facet(s["query"])
        assert facet, s["name"]
        assert {p["year"]: p["reports"] for p in s["points"] if p["reports"]} == facet
        for p in s["points"]:
            assert p["year_reports"] == base.get(p["year"], 0)
            if p["year_reports"]:
                assert p["per_1000"] == round(p["reports"] * 1000 / p["year_reports"], 2)
    assert {p["year"]: p["reports"] for p in data["series"][0]["points"]} == {
        2016: 0,
        2017: 1,
        2018: 0,
        2019: 2,
        2020: 0,
    }  # 光伏扶贫: 汉阴 2017, 从江 (in traditional) and 平利 2019


def test_trend_with_a_filter_and_by_province_equals_the_search_under_it(client, dated):
    data = client.get("/trends/", {"q": "光伏扶贫", "by": "province", "format": "json"}).json()
    provinces = {p["code"]: p for p in data["provinces"]}
    assert set(provinces) >= {"610000", "520000"}
    for code, p in provinces.items():
        facet = year_facet("光伏扶贫", {"province": [code]})
        assert {pt["year"]: pt["reports"] for pt in p["series"][0]["points"] if pt["reports"]} == facet, code
        base = year_facet("", {"province": [code]})
        assert all(pt["year_reports"] == base.get(pt["year"], 0) for pt in p["series"][0]["points"])
    filtered = client.get("/trends/", {"q": "光伏扶贫", "province": "610000", "format": "json"}).json()
    assert {p["year"]: p["reports"] for p in filtered["series"][0]["points"] if p["reports"]} == year_facet(
        "光伏扶贫", {"province": ["610000"]}
    )


def test_trend_page_draws_linked_points_and_a_table(client, dated):
    r = client.get("/trends/", {"q": ["光伏扶贫", "电商扶贫"], "display": "hans"})
    html = r.content.decode()
    assert r.status_code == 200 and "<title>趋势：光伏扶贫、电商扶贫 · 扶贫案例库</title>" in html
    svg = html[html.index('<svg class="lines"') : html.index("</svg>", html.index('<svg class="lines"'))]
    assert svg.count("<circle") == 2 * 3  # two terms, the years they were found in (2017-2019)
    assert 'href="/search/?q=%E5%85%89%E4%BC%8F%E6%89%B6%E8%B4%AB&amp;year=2019"' in svg
    assert "<script" not in html and 'class="data trends' in html and "当年报道" in html
    assert 'href="/trends/"' in html  # the nav link
    per = client.get("/trends/", {"q": "光伏扶贫", "measure": "per_1000"}).content.decode()
    assert "<b>每千篇报道</b>" in per


def test_trend_csv_and_the_other_script(client, dated):
    rows = rows_of(client.get("/trends/", {"q": "光伏扶贫", "by": "province", "format": "csv"}))
    national = [r for r in rows if not r["province"]]
    assert [(int(r["year"]), int(r["reports"])) for r in national] == [(2017, 1), (2018, 0), (2019, 2)]
    assert {r["province"] for r in rows if r["province"]} >= {"610000", "520000"}
    hant = client.get("/trends/", {"q": "光伏扶贫", "display": "hant"}).content.decode()
    assert "趨勢" in hant and "趋势" not in text_of(hant)
    trad = client.get("/trends/", {"q": "光伏扶貧", "format": "json"}).json()  # a traditional query counts the same
    assert [p["reports"] for p in trad["series"][0]["points"]] == [1, 0, 2]


def test_trend_bad_input_is_said_not_failed(client, dated):
    r = client.get("/trends/", {"q": ["a", "b", "c", "d", "e"], "by": "county", "measure": "x", "year": "2019"})
    html = r.content.decode()
    assert r.status_code == 200
    assert "最多比较 4 个检索词" in html and "不能按“county”分列" in html and "没有“x”这种计量" in html
    assert "不按年份筛选" in html
    empty = client.get("/trends/")
    assert empty.status_code == 200 and "请输入一个或几个检索词" in empty.content.decode()
    assert client.get("/trends/", {"q": "扶贫", "format": "xml"}).status_code == 400


# -- concordance -----------------------------------------------------------------------------


def test_concordance_lines_are_the_occurrences_in_the_texts(client, dated):
    from archive.models import Report
    from search.query import matching_ids

    for q in ("脱贫", "光伏扶贫", "社区工厂"):
        data = client.get("/concordance/", {"q": q, "expand": "0", "format": "json"}).json()
        ids = matching_ids(q, expand=False)
        expected = sum(r.normalized_text.count(q) for r in Report.objects.filter(pk__in=ids))
        assert expected and data["total"] == expected, q
        rows = rows_of(client.get("/concordance/", {"q": q, "expand": "0", "format": "csv"}))
        assert len(rows) == expected
        assert all(row["word"] for row in rows)


def test_concordance_aligns_the_word_and_finds_both_scripts(client, dated, report_of):
    simplified = client.get("/concordance/", {"q": "光伏扶贫", "format": "json"}).json()
    traditional = client.get("/concordance/", {"q": "光伏扶貧", "format": "json"}).json()
    assert simplified["total"] == traditional["total"] > 0
    words = {line["word"] for line in simplified["lines"]}
    assert {"光伏扶贫", "光伏扶貧"} <= words  # the traditional report's own text, found by either query
    report = report_of(0)  # written in traditional
    first = client.get("/concordance/", {"q": "脱贫", "format": "json"}).json()
    every = [
        x
        for page in range(1, first["pages"] + 1)
        for x in client.get("/concordance/", {"q": "脱贫", "format": "json", "page": page}).json()["lines"]
    ]  # (any page: which page a report's line is on depends on the order of equal keys)
    assert len(every) == first["total"]
    line = next(x for x in every if x["report"] == report.pk)
    text = report.clean_text
    at = line["position"]
    assert text[at : at + 2] == line["word"] == "脫貧"
    assert text[at - len(line["left"]) : at].replace("\n", " ") == line["left"]
    html = client.get("/concordance/", {"q": "光伏扶贫"}).content.decode()
    assert 'class="data kwic"' in html and '<td class="word">' in html and "<script" not in html


def test_concordance_sorts_pages_and_filters(client, dated):
    lines = client.get("/concordance/", {"q": "扶贫", "sort": "left", "format": "json"}).json()
    assert lines["pages"] > 1 and len(lines["lines"]) == 50
    keys = [x["left"][::-1] for x in lines["lines"]]
    assert keys == sorted(keys)
    right = client.get("/concordance/", {"q": "扶贫", "sort": "right", "format": "json"}).json()["lines"]
    assert [x["right"] for x in right] == sorted(x["right"] for x in right)
    dated_lines = client.get("/concordance/", {"q": "光伏扶贫", "sort": "date", "format": "json"}).json()["lines"]
    assert [x["published"] for x in dated_lines] == sorted(x["published"] for x in dated_lines)
    shaanxi = client.get("/concordance/", {"q": "光伏扶贫", "province": "610000", "format": "json"}).json()
    assert shaanxi["total"] and all(x["region"].startswith("61") for x in shaanxi["lines"])
    assert shaanxi["chips"][0]["label"] == "陕西省"
    past = client.get("/concordance/", {"q": "扶贫", "page": "999"}).content.decode()
    assert "超出范围" in past


def test_the_next_page_of_a_concordance_reads_no_report_again(client, dated, locmem, monkeypatch):
    """The lines are found once for a query and sort (kept until the index commits); a page is a slice of them."""
    from archive.views import concordance

    found, calls = concordance.find_lines, []
    monkeypatch.setattr(concordance, "find_lines", lambda *a: calls.append(a) or found(*a))
    one = client.get("/concordance/", {"q": "扶贫", "sort": "left", "format": "json"}).json()
    two = client.get("/concordance/", {"q": "扶贫", "sort": "left", "page": "2", "format": "json"}).json()
    assert len(calls) == 1 and one["pages"] > 1 and two["page"] == 2
    assert one["lines"][-1]["left"][::-1] <= two["lines"][0]["left"][::-1]  # the next lines of the same order
    client.get("/concordance/", {"q": "扶贫", "sort": "right", "format": "json"})
    assert len(calls) == 2  # another order is another list


def test_concordance_bad_input(client, dated):
    empty = client.get("/concordance/")
    assert empty.status_code == 200 and "请输入检索词" in empty.content.decode()
    only_not = client.get("/concordance/", {"q": "-扶贫", "sort": "sideways"}).content.decode()
    assert "没有要找的词" in only_not and "没有“sideways”这种排序" in only_not


def test_concordance_says_when_it_cut(client, dated, monkeypatch):
    from search import kwic

    monkeypatch.setattr(kwic, "MAX_LINES", 5)
    data = client.get("/concordance/", {"q": "扶贫", "format": "json"}).json()
    assert data["total"] == 5 and "只列出前" in data["cut"]
    monkeypatch.setattr(kwic, "MAX_REPORTS", 2)
    monkeypatch.setattr(kwic, "MAX_LINES", 10000)
    data = client.get("/concordance/", {"q": "扶贫", "format": "json"}).json()
    assert data["reports_read"] == 2 and data["reports"] > 2 and "只读了最新的" in data["cut"]


# -- spread ----------------------------------------------------------------------------------


def test_spread_first_years_are_the_earliest_reports(client, dated):
    from archive.models import InitiativeMention, RegionMention

    data = client.get("/programme/易地扶贫搬迁/spread/", {"format": "json"}).json()
    assert data["counties_total"] >= 3
    reports = set(
        InitiativeMention.objects.filter(initiative__programme="易地扶贫搬迁").values_list("report_id", flat=True)
    )
    for c in data["counties"]:
        mentions = RegionMention.objects.filter(region__code=c["code"], report_id__in=reports).select_related("report")
        dates = sorted((m.report.published, m.report_id) for m in mentions if m.report.published)
        if dates:
            assert (c["first_date"], c["first_report"]) == (dates[0][0].isoformat(), dates[0][1]), c["name"]
            assert c["first_year"] == dates[0][0].year
        else:
            assert c["first_year"] is None
    pingli = next(c for c in data["counties"] if c["code"] == "610926")
    assert pingli["first_year"] == 2016 and pingli["first_report"] == dated[0]
    assert data["curve"][-1]["cumulative"] == data["counties_dated"]
    assert [p["year"] for p in data["curve"]] == data["years"]


def test_spread_page_maps_each_year_and_links_first_reports(client, dated):
    r = client.get("/programme/易地扶贫搬迁/spread/")
    html = r.content.decode()
    assert r.status_code == 200 and "传播" in html
    data = client.get("/programme/易地扶贫搬迁/spread/", {"format": "json"}).json()
    assert html.count('<svg class="dots small"') == len(data["years"]) >= 2
    assert html.count('<use href="#counties"/>') == len(data["years"]) and 'id="counties"' in html
    assert f'href="/report/{dated[0]}/"' in html and '<use class="new" href="#spread-2016"/>' in html
    assert '<use class="old" href="#spread-2016"/>' in html and 'id="spread-2016"' in html  # later maps keep it
    assert "<script" not in html
    rows = rows_of(client.get("/programme/易地扶贫搬迁/spread/", {"format": "csv"}))
    assert len(rows) == data["counties_total"] and rows[0]["first_report_url"].startswith("/report/")
    assert (
        "/programme/%E6%98%93%E5%9C%B0%E6%89%B6%E8%B4%AB%E6%90%AC%E8%BF%81/spread/"
        in client.get("/programme/易地扶贫搬迁/").content.decode()
    )  # the programme page links to it
    assert client.get("/programme/没有的项目/spread/").status_code == 404


# -- compare ---------------------------------------------------------------------------------


def test_compare_sets_regions_side_by_side(client, dated):
    from archive.models import Metric, Region
    from search.query import search

    data = client.get("/compare/", {"region": ["610000", "520000"], "format": "json"}).json()
    shaanxi, guizhou = data["regions"]
    assert (shaanxi["name"], guizhou["name"]) == ("陕西省", "贵州省")
    for r in data["regions"]:
        facet = year_facet("", {"province": [r["code"]]})
        assert {y["year"]: y["reports"] for y in r["years"] if y["reports"]} == facet
        page = search("", {"province": [r["code"]]}, per_page=1)
        assert r["reports"] == page.total
        categories = {v["value"]: v["count"] for f in page.facets if f["name"] == "category" for v in f["values"]}
        assert {c: n for c, n in r["categories"].items() if n} == categories
        poor = Region.objects.filter(level="county", code__startswith=r["code"][:2], poverty_county=True)
        assert r["poverty_counties"] == poor.count() > 0
        assert sum(e["counties"] for e in r["exit_years"]) == poor.exclude(exit_year=None).count()
    assert any(row["cells"][0]["programmes"] for row in data["categories"])
    for g in data["shared_labels"]:
        for cell in g["cells"]:
            assert cell["values"]
            assert Metric.objects.filter(
                label_key=g["label_key"], unit=g["unit"], region__code__startswith=cell["region"][:2]
            ).exists()


def test_compare_counties_html_and_csv(client, dated):
    r = client.get("/compare/", {"region": ["610926", "610921"]})
    html = r.content.decode()
    assert r.status_code == 200 and "平利县" in html and "汉阴县" in html
    assert "2019 年摘帽" in html or "2019" in html
    assert '<svg class="lines"' in html and "<script" not in html
    data = client.get("/compare/", {"region": ["610926", "610921"], "format": "json"}).json()
    labels = {g["label"] for g in data["shared_labels"]}
    assert "贫困发生率" in labels
    rows = rows_of(client.get("/compare/", {"region": ["610926", "610921"], "format": "csv"}))
    assert {row["region"] for row in rows} == {"610926", "610921"} and all(row["sentence"] for row in rows)


@pytest.mark.parametrize(
    ("regions", "said"),
    [
        (["610000"], "请选 2 到 4 个地区"),
        (["610000", "520000", "530000", "510000", "620000"], "给了 5 个"),
        (["610000", "999999"], "没有代码为 999999 的地区"),
        (["610000", "abc"], "6 位数字"),
    ],
)
def test_compare_bad_input_is_a_clear_400(client, regions, said):
    r = client.get("/compare/", {"region": regions})
    assert r.status_code == 400 and said in r.content.decode()
    j = client.get("/compare/", {"region": regions, "format": "json"})
    assert j.status_code == 400 and said in j.json()["error"]


def test_compare_without_regions_is_the_form(client):
    r = client.get("/compare/")
    assert r.status_code == 200 and "如 ?region=520000&amp;region=530000" in r.content.decode()


def test_a_cross_table_without_the_engine_is_a_search_per_value(dated, monkeypatch):
    """A server engine has no facet_pairs: the province-by-year table is then a search per province,
    and gives the same cells as the Whoosh engine's one pass."""
    from search import aggregate

    whoosh = aggregate.facet_by_year("光伏扶贫", "province", values=["610000", "520000", "140000"])

    class NoPairs:
        def __getitem__(self, alias):
            return self

        def get_backend(self):
            return object()

    monkeypatch.setattr(aggregate, "connections", NoPairs())
    fallback = aggregate.facet_by_year("光伏扶贫", "province", values=["610000", "520000", "140000"])
    assert fallback == {k: n for k, n in whoosh.items() if k[0] in ("610000", "520000", "140000")}
    assert fallback[("610000", 2019)] == 1 and fallback[("520000", 2019)] == 1
