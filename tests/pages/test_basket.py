"""The selection basket: reports ticked on any list kept in the session (/basket/add/ with CSRF), listed
at /basket/ with remove and clear, and exported like a search (CSV, JSON, RIS, BibTeX)."""

import csv
import io
import json
import re
from urllib.parse import parse_qsl

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def _ids(client):
    return [r["id"] for r in client.get("/basket/", {"format": "json"}).json()["reports"]]


def _messages(response):
    return re.findall(r'<ul class="messages">(.*?)</ul>', response.content.decode(), re.S)


@pytest.mark.parametrize(
    "url", ["/search/?q=%E6%89%B6%E8%B4%AB", "/region/610926/", "/region/610000/", "/category/产业扶贫/", "/"]
)
def test_every_list_of_reports_has_a_checkbox_form_that_posts_to_the_basket(client, url):
    path, _, query = url.partition("?")
    html = client.get(path, dict(parse_qsl(query))).content.decode()
    form = html[html.index('<form class="pick"') :]
    form = form[: form.index("</form>")]
    assert 'method="post" action="/basket/add/"' in form and 'name="csrfmiddlewaretoken"' in form
    boxes = re.findall(r'<input type="checkbox" name="report" value="(\d+)">', form)
    back = re.search(r'name="next" value="([^"]+)"', form)[1]
    assert boxes and back.replace("%E4%BA%A7%E4%B8%9A%E6%89%B6%E8%B4%AB", "产业扶贫") == url  # back to the list


def test_add_list_export_remove_and_clear_through_the_session(client, report_of):
    a, b, c = report_of(1).pk, report_of(3).pk, report_of(4).pk
    r = client.post("/basket/add/", {"report": [str(a), str(b)], "next": "/region/610926/"})
    assert r.status_code == 302 and r["Location"] == "/region/610926/"
    assert "已加入选择夹 2 篇，共 2 篇" in client.get("/region/610926/").content.decode()  # said once, on the list
    client.post("/basket/add/", {"report": [str(c), str(a)]})  # a second tick of a keeps one a
    assert _ids(client) == [a, b, c]
    page = client.get("/basket/")
    html = page.content.decode()
    assert "<title>选择夹 · 扶贫案例库</title>" in html and html.count('class="remove"') == 3
    assert '<span class="count">3</span>' in html  # the header counts the basket

    rows = b"".join(client.get("/basket/export/", {"format": "csv"}).streaming_content).decode("utf-8")
    assert rows.startswith("\ufeff")
    assert [int(x["id"]) for x in csv.DictReader(io.StringIO(rows[1:]))] == [a, b, c]
    data = json.loads(b"".join(client.get("/basket/export/", {"format": "json"}).streaming_content))
    assert [x["id"] for x in data["reports"]] == [a, b, c] and data["cut"] is False and data["what"] == "选择夹"

    client.post("/basket/remove/", {"report": str(b)})
    assert _ids(client) == [a, c]
    client.post("/basket/clear/")
    assert _ids(client) == [] and "选择夹是空的" in client.get("/basket/").content.decode()


def test_the_basket_exports_as_ris_and_bibtex(client, report_of):
    import bibtexparser
    import rispy

    ids = [report_of(n).pk for n in (0, 2)]
    client.post("/basket/add/", {"report": [str(i) for i in ids]})
    html = client.get("/basket/").content.decode()
    for fmt in ("csv", "json", "ris", "bibtex"):
        assert f"/basket/export/?format={fmt}" in html
    ris = b"".join(client.get("/basket/export/", {"format": "ris"}).streaming_content).decode()
    assert [e["id"] for e in rispy.loads(ris)] == [f"fupin-{i}" for i in ids]
    bib = b"".join(client.get("/basket/export/", {"format": "bibtex"}).streaming_content).decode()
    library = bibtexparser.parse_string(bib)
    assert not library.failed_blocks and [e.key for e in library.entries] == [f"fupin-{i}" for i in ids]


def test_an_unknown_id_is_said_and_left_out(client, report_of):
    a = report_of(1).pk
    r = client.post("/basket/add/", {"report": [str(a), "999999", "abc", "²", "9" * 40]}, follow=True)
    assert r.status_code == 200
    said = " ".join(_messages(r))
    assert "没有编号为 999999、abc、²、99999999999999999999 的报道，未加入" in said and "已加入选择夹 1 篇" in said
    assert _ids(client) == [a]
    r = client.post("/basket/add/", {}, follow=True)
    assert "没有选中报道" in " ".join(_messages(r))


def test_a_foreign_next_is_not_followed(client, report_of):
    r = client.post("/basket/add/", {"report": str(report_of(1).pk), "next": "https://evil.example/"})
    assert r.status_code == 302 and r["Location"] == "/basket/"


def test_adding_needs_the_csrf_token(report_of):
    strict = Client(enforce_csrf_checks=True)
    assert strict.post("/basket/add/", {"report": str(report_of(1).pk)}).status_code == 403
    html = strict.get("/search/", {"q": "扶贫"}).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)[1]
    r = strict.post("/basket/add/", {"report": str(report_of(1).pk), "csrfmiddlewaretoken": token})
    assert r.status_code == 302 and _ids(strict) == [report_of(1).pk]


@pytest.mark.parametrize("url", ["/basket/add/", "/basket/remove/", "/basket/clear/"])
def test_opening_a_forms_address_shows_the_basket(client, url):
    r = client.get(url)
    assert r.status_code == 302 and r["Location"] == "/basket/"


def test_the_basket_export_refuses_an_unknown_format_in_chinese(client):
    r = client.get("/basket/export/", {"format": "docx"})
    assert r.status_code == 400 and "没有“docx”这种导出格式" in r.content.decode()


def test_a_report_deleted_after_it_was_added_drops_out(client, report_of):
    from archive.models import Report

    a, b = report_of(1).pk, report_of(3).pk
    client.post("/basket/add/", {"report": [str(a), str(b)]})
    Report.objects.filter(pk=a).delete()
    assert _ids(client) == [b]
    data = json.loads(b"".join(client.get("/basket/export/", {"format": "json"}).streaming_content))
    assert [x["id"] for x in data["reports"]] == [b]


def test_the_basket_holds_at_most_its_bound(client, report_of, monkeypatch):
    from archive.views import basket

    monkeypatch.setattr(basket, "BASKET_MAX", 2)
    r = client.post("/basket/add/", {"report": [str(report_of(n).pk) for n in (0, 1, 2)]}, follow=True)
    assert len(_ids(client)) == 2 and "选择夹最多放 2 篇报道" in " ".join(_messages(r))
