"""A province or prefecture page: its counties mapped and linked, one chip a programme, and 说法不一 only
where reports contradict each other about the same place."""

import re

import pytest

from archive.models import Initiative, InitiativeMention, Metric, Region

pytestmark = pytest.mark.django_db


def test_a_province_page_maps_its_own_counties_and_links_them(client):
    html = client.get("/region/610000/").content.decode()
    i = html.index('class="map region-map"')
    svg = html[i : html.index("</svg>", i)]
    counties = set(
        Region.objects.filter(level=Region.COUNTY, code__startswith="61", longitude__isnull=False).values_list(
            "code", flat=True
        )
    )
    linked = set(re.findall(r'href="/region/(\d{6})/"', svg))
    assert linked == counties and len(counties) > 50  # every county of 陕西, none of another province
    assert re.search(r'<a href="/region/610926/"><circle class="hit poor"', svg)  # 平利县: reports, poor
    assert 'class="quiet' in svg  # a county with no report is drawn too, and linked
    data = client.get("/region/610000/", {"format": "json"}).json()
    dots = {d["code"]: d for d in data["map"]["dots"]}
    assert set(dots) == counties and dots["610926"]["reports"] >= 1
    assert all(0 <= d["x"] <= data["map"]["width"] and 0 <= d["y"] <= data["map"]["height"] for d in dots.values())


def test_a_prefecture_page_maps_its_counties_and_a_county_page_has_no_map(client):
    data = client.get("/region/610900/", {"format": "json"}).json()
    assert {d["code"][:4] for d in data["map"]["dots"]} == {"6109"} and len(data["map"]["dots"]) >= 9
    assert client.get("/region/610926/", {"format": "json"}).json()["map"] is None
    assert "region-map" not in client.get("/region/610926/").content.decode()


def _figure(report, region, label, value, year=2018, approx=False):
    return Metric.objects.create(
        report=report,
        region=Region.objects.get(code=region),
        label=label,
        value=value,
        unit="个" if label == "县" else "%",
        year=year,
        approx=approx,
        quote=f"{value}",
        sentence=f"{label}{value}。",
    )


def _group(client, code, label, year=2018):
    data = client.get(f"/region/{code}/", {"format": "json"}).json()
    return next(g for g in data["figure_groups"] if g["label"] == label and g["year"] == year)


def test_a_conflict_needs_the_same_place_and_generic_labels_never_conflict(client, report_of):
    a, b, c = report_of(2), report_of(3), report_of(4)
    _figure(a, "610926", "县", 10)
    _figure(b, "610921", "县", 43)
    _figure(c, "610926", "县", 15)  # the same place too: a generic label still counts different things
    assert not _group(client, "610900", "县")["disagree"]
    _figure(a, "610926", "测试发生率", 3.5)
    _figure(b, "610921", "测试发生率", 2.1)  # two counties: no contradiction
    assert not _group(client, "610900", "测试发生率")["disagree"]
    _figure(c, "610926", "测试发生率", 3.9, approx=True)  # an approximate figure contradicts no one
    assert not _group(client, "610900", "测试发生率")["disagree"]
    _figure(c, "610926", "测试发生率", 4.2)  # 平利县 in 2018: 3.5 or 4.2
    assert _group(client, "610900", "测试发生率")["disagree"]
    html = client.get("/region/610900/").content.decode()
    row = next(r for r in html.split("<tr") if "测试发生率" in r)
    assert "说法不一" in row and all("说法不一" not in r for r in html.split("<tr") if r.startswith("><td>县<"))


def test_one_chip_a_programme_whichever_county_it_was_stored_under(client, report_of):
    a, b = report_of(2), report_of(4)
    for report, county in ((a, "610926"), (b, "610921")):  # a local name, stored once per place
        i = Initiative.objects.create(name="测试合作社", category="产业扶贫", region=Region.objects.get(code=county))
        InitiativeMention.objects.create(report=report, initiative=i)
        Region.objects.get(code=county).mentions.get_or_create(report=report)
    data = client.get("/region/610900/", {"format": "json"}).json()
    chips = [p for g in data["programmes"] for p in g["programmes"] if p["name"] == "测试合作社"]
    assert len(chips) == 1 and chips[0]["reports"] == 2
    html = client.get("/region/610900/").content.decode()
    assert html.count(">测试合作社</a>") == 1
    programmes = [p["name"] for g in data["programmes"] for p in g["programmes"]]
    assert len(programmes) == len(set(programmes))  # no name twice
