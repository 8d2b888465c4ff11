"""CSV as a spreadsheet user opens it (UTF-8 with a BOM), holding the rows the page shows."""

import csv
import io

import pytest

pytestmark = pytest.mark.django_db


def _rows(response):
    raw = b"".join(response.streaming_content)
    assert raw.startswith("\ufeff".encode())  # a spreadsheet reads it as UTF-8
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))


def test_search_csv_holds_the_pages_hits(client):
    r = client.get("/search/", {"q": "脱贫", "format": "csv"})
    assert r["Content-Type"].startswith("text/csv")
    rows = _rows(r)
    assert rows[0] == ["id", "title", "source", "published", "url", "regions"] and len(rows) == 6
    data = client.get("/search/", {"q": "脱贫", "format": "json"}).json()
    assert [int(r[0]) for r in rows[1:]] == [h["id"] for h in data["hits"]]


def test_figures_csv_has_every_filtered_row_with_its_sentence(client):
    rows = _rows(client.get("/figures/", {"format": "csv", "unit": "%"}))
    header, body = rows[0], rows[1:]
    assert header[-2:] == ["quote", "sentence"]
    assert body and all(r[-2] and r[-2] in r[-1] for r in body)
    total = client.get("/figures/", {"format": "json", "unit": "%"}).json()["total"]
    assert len(body) == total


@pytest.mark.parametrize(
    "url,key", [("/region/610000/", "reports"), ("/category/产业扶贫/", "reports"), ("/", "recent")]
)
def test_page_csv_rows_are_the_json_rows(client, url, key):
    rows = _rows(client.get(url, {"format": "csv"}))
    data = client.get(url, {"format": "json"}).json()
    assert len(rows) - 1 == len(data[key]) and rows[0][0] == "id"
    assert [int(r[0]) for r in rows[1:]] == [x["id"] for x in data[key]]
