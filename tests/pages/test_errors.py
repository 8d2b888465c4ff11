"""With DEBUG off, a missing page and a failure are the archive's own pages, in Chinese with the search
box, not Django's (issue 21 item 10)."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture
def production(settings):
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["testserver"]


@pytest.mark.parametrize("path", ["/report/999999/", "/no/such/page/", "/programme/没有的项目/", "/region/999999/"])
def test_a_missing_page_is_the_archives_own_in_chinese(client, production, path):
    r = client.get(path)
    html = r.content.decode()
    assert r.status_code == 404
    assert "找不到这个页面" in html and 'lang="zh-Hans"' in html and "扶贫案例库" in html
    assert html.count('name="q"') == 2 and 'action="/search/"' in html  # the header's box and the page's
    assert "Not Found" not in html and "The requested resource" not in html


def test_the_archives_own_reason_is_said(client, production):
    html = client.get("/programme/没有的项目/").content.decode()
    assert "没有这个项目" in html


def test_a_missing_page_follows_the_display_script(client, production):
    html = client.get("/no/such/page/", {"display": "hant"}).content.decode()
    assert "找不到這個頁面" in html and 'lang="zh-Hant"' in html


def test_a_failure_is_the_archives_own_page(production, monkeypatch):
    def boom():
        raise RuntimeError("a bug")

    monkeypatch.setattr("archive.views.home._home_data", boom)
    r = Client(raise_request_exception=False).get("/")
    html = r.content.decode()
    assert r.status_code == 500
    assert "出错了" in html and 'name="q"' in html and "Server Error" not in html and "a bug" not in html
