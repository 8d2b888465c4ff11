"""The public pages, read as a researcher reads them (HTML)."""

import re

import pytest

pytestmark = pytest.mark.django_db

TRADITIONAL_ONLY = re.compile("[們這個來時為與將說發會開從對點關還進過當經產業縣區貧]")


def text_of(html):
    return re.sub(r"<[^>]+>", " ", html)


def test_home_holds_counts_the_map_and_recent(client):
    r = client.get("/")
    html = r.content.decode()
    assert r.status_code == 200 and "<title>扶贫案例库</title>" in html
    assert "陕西省" in html and "勠力同心摘穷帽" in html and 'name="q"' in html
    assert 'rel="alternate"' in r["Link"]
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert svg.count("<circle") >= 10 and 'href="/region/610926/"' in svg  # a dot per county with reports, a link
    assert 'class="hit poor"' in svg and 'class="county poor"' in svg  # poverty counties stand out
    assert "<script" not in html  # the map needs no script


def test_province_lists_its_poverty_counties_with_exit_years(client):
    html = client.get("/region/610000/").content.decode()
    section = html[html.index("国家级贫困县") :]
    for name in ("平利县", "汉阴县"):
        i = section.index(name)
        assert "2019" in section[i : i + 200], name
    assert "<title>陕西省 · 扶贫案例库</title>" in html


def test_county_lists_its_people_programmes_and_figures(client):
    html = client.get("/region/610926/").content.decode()
    assert "国家级贫困县" in html and "2019 年摘帽" in html
    i = html.index("郑小东")
    assert "县委书记" in html[i : i + 200]
    assert "贫困发生率" in html and "0.74%" in html
    assert "扶贫项目" in html and "社区工厂" in html


def test_a_series_over_years_is_drawn(client, report_of):
    from archive.models import Metric, Region

    hanyin = Region.objects.get(code="610921")
    assert '<svg class="series"' not in client.get("/region/610921/").content.decode()  # one year: no series yet
    for year, value in ((2016, 12.5), (2018, 3.1)):
        Metric.objects.create(
            report=report_of(4),
            region=hanyin,
            label="贫困发生率",
            value=value,
            unit="%",
            year=year,
            quote=f"{value}%",
            sentence=f"{year}年贫困发生率{value}%。",
        )
    html = client.get("/region/610921/").content.decode()
    chart = html[html.index("历年数据") :]
    assert '<svg class="series"' in chart and "贫困发生率" in chart and "2014" in chart and "2018" in chart


def test_report_page_marks_and_links_what_was_extracted(client, report_of):
    r = report_of(0)
    html = client.get(f"/report/{r.pk}/").content.decode()
    assert re.search(r'<a class="mark person" href="/person/\d+/"[^>]*>郑小东</a>', html)
    assert 'class="mark region" href="/region/610926/"' in html
    assert 'class="mark figure" href="#metric-' in html and 'id="metric-' in html
    assert "20,466" in html and "[EB/OL]" in html and "佚名" not in html
    assert f'href="/report/{r.pk}/?format=ris"' in html and "CSL-JSON" in html


def test_a_traditional_report_in_simplified_mode_is_simplified_throughout(client, report_of):
    r = report_of(0)  # written in traditional
    assert r.script == "hant"
    body = text_of(client.get(f"/report/{r.pk}/?display=hans").content.decode())
    assert not TRADITIONAL_ONLY.search(body), TRADITIONAL_ONLY.findall(body)[:10]
    hant = client.get(f"/report/{r.pk}/?display=hant").content.decode()
    assert "漢陰" in hant or "平利縣" in hant
    assert client.cookies["display"].value == "hant"


def test_search_page_marks_hits_in_the_displayed_script(client):
    html = client.get("/search/?q=脫貧&display=hans").content.decode()
    assert "<mark>脱贫</mark>" in html
    html = client.get("/search/?q=脱贫&display=hant").content.decode()
    assert "<mark>脫貧</mark>" in html


def test_zero_results_keep_the_chips(client):
    html = client.get("/search/?q=平利&province=610000").content.decode()
    assert 'class="chip"' in html
    html = client.get("/search/?q=平利&province=520000").content.decode()
    assert "没有找到结果" in html and 'class="chip"' in html and "贵州省" in html
    html = client.get("/search/?q=脱贪").content.decode()
    assert "没有找到结果" in html and "脱贫" in html


def test_a_page_past_the_end_shows_the_last_and_says_so(client):
    html = client.get("/search/", {"q": "扶贫", "page": "99999"}).content.decode()
    assert "超出范围" in html and "没有找到结果" not in html and 'class="hit"' in html
    data = client.get("/search/", {"q": "扶贫", "page": "99999", "format": "json"}).json()
    assert data["page"] == data["pages"] and data["hits"]


def test_newest_puts_undated_reports_last(client):
    data = client.get("/search/", {"sort": "newest", "format": "json"}).json()
    dated = [bool(h["published"]) for h in data["hits"]]
    assert dated == sorted(dated, reverse=True) and dated[0]


def test_numbers_in_the_url_are_bounded(client):
    for url in [
        "/figures/?page=9223372036854775807",
        "/figures/?page=-5",
        "/figures/?year_from=99999999999999999999",
        "/figures/?min=1e400",
        "/figures/?max=abc",
        "/search/?page=9223372036854775807",
        "/search/?page=abc",
        "/figures/?region=61",
        "/figures/?sort=;drop",
        "/search/?q=%22",
    ]:
        assert client.get(url).status_code == 200, url


def test_a_very_long_query_is_cut_and_says_so(client):
    r = client.get("/search/", {"q": " ".join(["扶贫"] * 3000)})
    assert r.status_code == 200 and "检索词过长" in r.content.decode()
    assert len(r.get("Link", "")) < 8000


def test_missing_things_are_404_not_500(client):
    for url in [
        "/report/99999/",
        "/region/999999/",
        "/person/99999/",
        "/programme/没有的项目/",
        "/category/没有/",
        "/initiative/99999/",
        "/report/99999/original",
    ]:
        assert client.get(url).status_code == 404, url


def test_person_page(client, report_of):
    from archive.models import Person

    p = Person.objects.get(name="郑小东")
    html = client.get(f"/person/{p.pk}/").content.decode()
    assert "县委书记" in html and "平利县" in html and "同时提到的人物" in html and "职务变化" in html


def test_programme_and_category_pages(client):
    html = client.get("/programme/易地扶贫搬迁/").content.decode()
    assert "易地扶贫搬迁" in html and "报道" in html and "出处" in html
    html = client.get("/category/产业扶贫/").content.decode()
    assert "产业扶贫" in html and "/programme/" in html
    assert client.get("/programme/易地扶貧搬遷/").status_code == 200  # either script


def test_figures_explorer_is_script_blind_and_shows_the_sentence(client):
    for label in ("贫困发生率", "貧困發生率"):
        html = client.get("/figures/", {"label": label, "region": "610921"}).content.decode()
        assert "26.78" in html and "汉阴县" in html and "贫困发生率" in html, label
        assert "<q>26.78%</q>" in html or "26.78%" in html


def test_figures_explorer_filters_sort_and_chart(client):
    html = client.get("/figures/", {"unit": "户", "sort": "-value"}).content.decode()
    assert "20,466" in html and '<svg class="scatter"' in html
    data = client.get("/figures/", {"unit": "%", "year_from": "2014", "year_to": "2016", "format": "json"}).json()
    assert data["rows"] and all(2014 <= r["year"] <= 2016 and r["unit"] == "%" for r in data["rows"])
    values = [
        r["value"] for r in client.get("/figures/", {"unit": "%", "sort": "value", "format": "json"}).json()["rows"]
    ]
    assert values == sorted(values)
    after = client.get("/figures/", {"change": "after", "format": "json"}).json()["rows"]
    assert after and all(r["change"] == "after" for r in after)
    ranged = client.get("/figures/", {"min": "20", "max": "30", "unit": "%", "format": "json"}).json()["rows"]
    assert ranged and all(20 <= r["value"] <= 30 for r in ranged)


def test_search_shows_the_programme_expansion_and_turns_it_off(client):
    html = client.get("/search/", {"q": "扶贫车间"}).content.decode()
    assert "同时检索" in html and "社区工厂" in html and "expand=0" in html
    html = client.get("/search/", {"q": "扶贫车间", "expand": "0"}).content.decode()
    assert "未扩展同义名称" in html and "expand=1" in html


def test_region_page_shows_former_names(client):
    html = client.get("/region/420600/").content.decode()
    assert "襄樊市" in html


def test_display_toggle_does_not_filter_by_the_script_facet(client):
    data = client.get("/search/?q=脱贫&display=hans&format=json").json()
    assert data["total"] == 5
    data = client.get("/search/?q=脱贫&script=hant&format=json").json()
    assert data["total"] == 2  # the facet: reports written in traditional


def test_summary_pages_are_cached_until_the_index_commits(
    client, settings, index_rollback, django_capture_on_commit_callbacks
):
    from django.core.cache import cache

    from archive.intake.service import ingest_bytes
    from search.indexing import version

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "t"}}
    cache.clear()
    first = client.get("/?format=json").json()
    before = version()
    from archive.models import Report

    Report.objects.filter(pk=Report.objects.first().pk).update(title="只在数据库里改的标题")  # no index commit
    assert client.get("/?format=json").json() == first  # the same data: built once for this index
    with django_capture_on_commit_callbacks(execute=True):  # the index commits, as after a real transaction
        outcome = ingest_bytes(
            "cached.txt", "山西省灵丘县扶贫工作取得成效，全县贫困发生率由12.5%降至0.6%。\n".encode() * 3
        )
    assert version() != before
    after = client.get("/?format=json").json()
    assert after["counts"]["reports"] == first["counts"]["reports"] + 1, outcome


@pytest.mark.parametrize("n", range(5))
def test_every_anchor_of_a_report_page_leads_somewhere(client, report_of, n):
    r = report_of(n)
    html = client.get(f"/report/{r.pk}/").content.decode()
    ids = set(re.findall(r'\bid="([^"]+)"', html))
    targets = set(re.findall(r'href="#([^"]+)"', html))
    assert targets <= ids, targets - ids
    pages = {m.initiative.get_absolute_url() for m in r.initiative_mentions.select_related("initiative")}
    marks = re.findall(r'<a class="mark programme" href="([^"]+)"', html)
    assert marks and set(marks) <= pages  # a programme's mark links to its page, as the list beside does


@pytest.mark.parametrize("path", ["/programme/易地扶贫搬迁/", "/category/产业扶贫/", "/region/610926/"])
def test_the_link_header_is_percent_encoded(client, path):
    from urllib.parse import quote

    link = client.get(path)["Link"]
    assert link.isascii() and "=?" not in link
    assert f"<{quote(path)}?format=json>" in link and f"<{quote(path)}?format=csv>" in link
