"""In a real browser (Playwright driving Debian's chromium): search, facets, chips, the 简/繁 toggle.

The pages are served by `manage.py runserver` in a subprocess over its own
database and index in a temporary folder, set up the way `make run` does.
"""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

import pytest
from django.conf import settings

from tests.conftest import FIXTURES, ROOT

CHROMIUM = shutil.which("chromium")
REQUIRED = os.environ.get("REQUIRE_BROWSER") == "1"
pytestmark = [pytest.mark.browser]
if not CHROMIUM and not REQUIRED:
    pytestmark.append(pytest.mark.skip(reason="Debian chromium is not installed (apt-get install chromium)"))


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server():
    var = tempfile.mkdtemp(prefix="fupin-browser-")
    env = dict(
        os.environ, VAR_DIR=var, MODEL_DIR=str(settings.MODEL_DIR), DJANGO_SETTINGS_MODULE="config.settings", DEBUG="1"
    )
    env.pop("DATABASE_URL", None)
    manage = [sys.executable, "manage.py"]
    for args in (["migrate", "--noinput", "-v0"], ["load_gazetteer"], ["ingest", str(FIXTURES), "--quiet"]):
        subprocess.run(manage + args, cwd=ROOT, env=env, check=True, capture_output=True)
    port = _free_port()
    proc = subprocess.Popen(
        manage + ["runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/", timeout=2)
            break
        except OSError:
            time.sleep(0.2)
    yield base
    proc.terminate()
    proc.wait(10)
    shutil.rmtree(var, ignore_errors=True)


@pytest.fixture(scope="module")
def page(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        pg = browser.new_page()
        yield pg
        browser.close()


def test_traditional_query_facets_chip_and_script_toggle(server, page):
    page.goto(server + "/")
    page.fill("input[name=q]", "脫貧")
    page.press("input[name=q]", "Enter")
    page.wait_for_selector(".hit")
    assert page.inner_text("#total") == "5"
    assert page.locator(".snippet mark").first.inner_text() == "脱贫"

    page.click(".facet[data-facet=province] a:has-text('陕西省')")
    page.wait_for_selector(".chip")
    assert page.inner_text("#total") == "2"
    assert "陕西省" in page.inner_text(".chips")

    page.click(".chip")
    page.wait_for_load_state()
    assert page.locator(".chip").count() == 0
    assert page.inner_text("#total") == "5"

    page.click("#script-toggle-hant")
    page.wait_for_load_state()
    assert page.locator(".snippet mark").first.inner_text() == "脫貧"
    assert "陝西省" in page.inner_text(".facet[data-facet=province]")
    assert page.get_attribute("html", "lang") == "zh-Hant"


def test_report_page_from_a_hit(server, page):
    page.goto(server + "/search/?q=%22社区工厂%22&display=hans")
    page.click(".hit-title >> nth=0")
    page.wait_for_selector("article.report")
    assert page.locator("table.figures tr").count() > 5


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("typed", ["扶" * 5000, "x" * 5000, "脱贫 NOT " + "贫" * 5000])
def test_an_unbroken_query_of_5000_characters_does_not_widen_the_page(server, page, width, typed):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(server + "/")
    page.fill("input[name=q]", typed)
    page.press("input[name=q]", "Enter")
    page.wait_for_selector(".summary")
    assert page.evaluate("document.documentElement.scrollWidth") <= width + 1
    assert "检索词过长" in page.inner_text(".note")


@pytest.mark.parametrize("width", [1280, 390])
def test_the_date_range_and_the_no_hit_help_fit_and_work(server, page, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(server + "/search/?q=脱贫")
    if width < 700:
        page.click("label.fold-label")  # the facets are folded on a phone
    page.fill(".date-range input[name=from]", "2018")
    page.fill(".date-range input[name=to]", "2018-12-31")
    page.click(".date-range button")
    page.wait_for_url("**from=2018**")
    assert "日期：2018-01-01 至 2018-12-31" in page.inner_text(".summary")
    assert page.evaluate("document.documentElement.scrollWidth") <= width + 1
    page.goto(server + "/search/?q=易地般迁")
    assert "易地搬迁" in page.inner_text(".suggestion") and "易地扶贫搬迁" in page.inner_text(".thesaurus")
    assert page.evaluate("document.documentElement.scrollWidth") <= width + 1
