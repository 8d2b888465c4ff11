import csv
import io

import pytest

pytestmark = pytest.mark.django_db


def _rows(response):
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(body)))


def test_search_csv(client):
    r = client.get("/search/", {"q": "脱贫", "format": "csv"})
    assert r["Content-Type"].startswith("text/csv")
    rows = _rows(r)
    assert rows[0] == ["id", "title", "source", "published", "url"] and len(rows) == 6


def test_figures_csv_has_sentences(client):
    rows = _rows(client.get("/figures/", {"format": "csv", "unit": "%"}))
    header, body = rows[0], rows[1:]
    assert header[-2:] == ["quote", "sentence"]
    assert body and all(r[-2] and r[-2] in r[-1] for r in body)
