"""Figures are written exactly: 534.93万亿元 is 534,930,000,000,000 on the page, in JSON and in CSV, whatever
float noise the stored value carries (issue 21 item 7)."""

import csv
import io

import pytest

from archive.models import Metric, exact_number, format_number

pytestmark = pytest.mark.django_db

NOISY = 534.93 * 1e12  # the float a computed 534.93万亿 lands on: 534929999999999.9375
EXACT = 534930000000000


@pytest.mark.parametrize("value", [534.93e12, NOISY], ids=["534.93e12", "534.93*1e12"])
def test_a_large_figure_is_written_exactly(value):
    assert format_number(value) == "534,930,000,000,000"
    assert exact_number(value) == EXACT and isinstance(exact_number(value), int)


@pytest.mark.parametrize(
    "value, text",
    [
        (0.74, "0.74"),
        (1 / 3, "0.333333"),
        (20466.0, "20,466"),
        (1.8e6, "1,800,000"),
        (0.1 + 0.2, "0.3"),
        (-2.5, "-2.5"),
    ],
)
def test_ordinary_figures_read_as_written(value, text):
    assert format_number(value) == text


@pytest.fixture
def big(report_of):
    r = report_of(3)
    return Metric.objects.create(
        report=r,
        label="国内生产总值测试",
        value=NOISY,
        unit="元",
        year=2019,
        quote="534.93万亿元",
        sentence="国内生产总值测试534.93万亿元。",
    )


def test_the_report_page_json_and_csv_write_it_exactly(client, big):
    url = f"/report/{big.report_id}/"
    html = client.get(url).content.decode()
    assert "534,930,000,000,000" in html and "534,929,999" not in html
    row = next(f for f in client.get(url, {"format": "json"}).json()["figures"] if f["id"] == big.pk)
    assert row["value"] == EXACT and row["value_text"] == "534,930,000,000,000"
    raw = client.get(url, {"format": "json"}).content.decode()
    assert "534929999999999" not in raw and "534930000000000" in raw
    lines = list(
        csv.DictReader(io.StringIO(b"".join(client.get(url, {"format": "csv"}).streaming_content).decode("utf-8-sig")))
    )
    assert next(r["value"] for r in lines if r["label"] == "国内生产总值测试") == str(EXACT)


def test_the_figures_explorer_writes_it_exactly(client, big):
    data = client.get("/figures/", {"label": "国内生产总值测试", "format": "json"}).json()
    assert [r["value"] for r in data["rows"]] == [EXACT]
    html = client.get("/figures/", {"label": "国内生产总值测试"}).content.decode()
    assert "534,930,000,000,000" in html and "534,929,999" not in html
