"""A national figure belongs to no place (no county page lists it; the report page says 全国), and a vague
quantity is shown in its own words (数十), with no invented value, on the page, in JSON and in CSV."""

import csv
import io

import pytest

from archive.models import Metric, Region

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair(report_of):
    r = report_of(3)
    national = Metric.objects.create(
        report=r,
        region=None,
        scope=Metric.NATIONAL,
        label="全国测试贫困人口",
        value=98990000,
        unit="人",
        year=2012,
        quote="9899万人",
        sentence="全国测试贫困人口9899万人。",
    )
    vague = Metric.objects.create(
        report=r,
        region=Region.objects.get(code="610926"),
        label="测试企业",
        value=None,
        vague="数十",
        approx=True,
        unit="家",
        year=2018,
        quote="数十家",
        sentence="引进测试企业数十家。",
    )
    return national, vague


def test_the_report_page_shows_scope_and_vague_words(client, pair):
    national, vague = pair
    url = f"/report/{national.report_id}/"
    html = client.get(url).content.decode()
    row = html[html.index(f'id="metric-{vague.pk}"') :][:600]
    assert ">数十<" in row and "≈数十" not in row and "10" not in row.split("数十")[0][-20:]
    row = html[html.index(f'id="metric-{national.pk}"') :][:600]
    assert 'data-label="地区">全国<' in row
    rows = {f["id"]: f for f in client.get(url, {"format": "json"}).json()["figures"]}
    assert rows[vague.pk]["value"] is None and rows[vague.pk]["vague"] == "数十" and rows[vague.pk]["approx"]
    assert rows[national.pk]["scope"] == "national" and rows[national.pk]["region"] is None
    lines = list(
        csv.DictReader(io.StringIO(b"".join(client.get(url, {"format": "csv"}).streaming_content).decode("utf-8-sig")))
    )
    by_label = {r["label"]: r for r in lines}
    assert by_label["测试企业"]["vague"] == "数十" and by_label["测试企业"]["value"] == ""
    assert by_label["全国测试贫困人口"]["scope"] == "national"


def test_a_county_page_lists_its_own_figures_not_national_ones(client, pair):
    data = client.get("/region/610926/", {"format": "json"}).json()
    labels = {g["label"] for g in data["figure_groups"]}
    assert "测试企业" in labels and "全国测试贫困人口" not in labels
    shown = next(g for g in data["figure_groups"] if g["label"] == "测试企业")["values"][0]
    assert shown["value"] is None and shown["value_text"] == "数十"


def test_the_explorer_takes_a_figure_without_a_value(client, pair):
    data = client.get("/figures/", {"label": "测试企业", "format": "json"}).json()
    assert [r["value_text"] for r in data["rows"]] == ["数十"]
    assert client.get("/figures/", {"label": "测试"}).status_code == 200
    assert client.get("/figures/").status_code == 200
