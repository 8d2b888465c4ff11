"""In a real browser, as a researcher walks the archive: home → a map dot → its county → a report →
a person → a programme, and the figures explorer; at 1280 and 390 px, looking at the pages
(no horizontal scrolling, the facets folded on a phone). `make screenshots` keeps the pictures
in docs/screenshots/ (SCREENSHOTS names the folder)."""

import os
from pathlib import Path

import pytest

from tests.browser.test_search_browser import CHROMIUM, REQUIRED, server  # noqa: F401 (the fixture)

pytestmark = [pytest.mark.browser]
if not CHROMIUM and not REQUIRED:
    pytestmark.append(pytest.mark.skip(reason="Debian chromium is not installed (apt-get install chromium)"))


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield b
        b.close()


def _shot(page, name, width, tmp_path):
    folder = Path(os.environ.get("SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    height = min(page.evaluate("document.documentElement.scrollHeight"), 2400)  # the top of a long page
    page.screenshot(
        path=str(folder / f"{name}-{width}.png"),
        full_page=True,
        clip={"x": 0, "y": 0, "width": width, "height": height},
    )


def _fits(page):
    """Nothing wider than the window, and no table wider than its box (a table that scrolls inside its
    box hides its right-hand columns: on a phone the figure tables are cards)."""
    wide = page.evaluate(
        "[...document.querySelectorAll('table')].filter(t => t.scrollWidth > t.parentElement.clientWidth + 1)"
        ".map(t => t.className)"
    )
    assert not wide, f"clipped tables: {wide}"
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


@pytest.mark.parametrize("width", [1280, 390])
def test_walk_home_map_county_report_person_programme(server, browser, width, tmp_path):  # noqa: F811
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(server + "/?display=hans")
    assert page.title() == "扶贫案例库"
    assert _fits(page)
    _shot(page, "home", width, tmp_path)
    page.click("svg.dots a[href='/region/610926/']")  # the dot of 平利县
    page.wait_for_url("**/region/610926/")
    assert page.title().startswith("平利县") and "国家级贫困县" in page.inner_text(".page-head")
    assert "郑小东" in page.inner_text("body") and _fits(page)
    _shot(page, "county", width, tmp_path)
    page.click(".reports a >> nth=0")
    page.wait_for_selector("article.report")
    assert page.locator("a.mark.figure").count() > 3 and _fits(page)
    if width < 800:  # the figures as cards, every cell on the phone's screen
        card = page.locator("table.figures tbody tr").first.bounding_box()
        assert card["x"] >= 0 and card["x"] + card["width"] <= width
        assert page.locator("table.figures td.sentence").first.is_visible()
    _shot(page, "report", width, tmp_path)
    page.click("a.mark.person:has-text('郑小东') >> nth=0")
    page.wait_for_selector("text=职务变化")
    assert "县委书记" in page.inner_text("body")
    _shot(page, "person", width, tmp_path)
    page.go_back()
    page.click("a.mark.programme >> nth=0")  # a programme marked in the text leads to its page
    page.wait_for_selector(".page-head h1")
    assert "/programme/" in page.url or "/initiative/" in page.url
    page.go_back()
    page.click(".side a[href^='/programme/'] >> nth=0")
    page.wait_for_selector(".page-head h1")
    assert "报道" in page.inner_text("body") and page.url.count("/programme/") == 1
    _shot(page, "programme", width, tmp_path)
    page.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_a_province_maps_its_counties(server, browser, width, tmp_path):  # noqa: F811
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(server + "/region/610000/?display=hans")
    box = page.locator(".region-map svg").bounding_box()
    assert box["width"] > 200 and box["x"] + box["width"] <= width and _fits(page)
    assert page.locator(".region-map svg a").count() > 50
    _shot(page, "province", width, tmp_path)
    page.click(".region-map svg a[href='/region/610926/']")  # 平利县's dot
    page.wait_for_url("**/region/610926/")
    assert page.title().startswith("平利县")
    page.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_tick_reports_into_the_basket_and_take_them_away(server, browser, width, tmp_path):  # noqa: F811
    """Without any script of ours: tick two hits, add them, see the basket, download its CSV and the
    search's, remove one."""
    context = browser.new_context(viewport={"width": width, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.goto(server + "/search/?q=扶贫&display=hans")
    assert page.locator("ol.hits input[type=checkbox]").count() >= 3
    assert page.locator("link[rel=alternate][type='application/atom+xml']").count() == 1
    box = page.locator("#take-away").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width and _fits(page)
    with page.expect_download() as got:
        page.click("#take-away a:has-text('CSV')")
    raw = open(got.value.path(), "rb").read()
    assert raw.startswith("\ufeff".encode()) and raw.decode("utf-8-sig").count("/report/") >= 3
    titles = page.locator("ol.hits .hit-title").all_inner_texts()[:2]
    page.locator("ol.hits input[type=checkbox]").nth(0).check()
    page.locator("ol.hits input[type=checkbox]").nth(1).check()
    page.click("text=把选中的报道加入选择夹")
    page.wait_for_selector(".messages")
    assert "已加入选择夹 2 篇" in page.inner_text(".messages") and "/search/" in page.url
    _shot(page, "search-picked", width, tmp_path)
    page.click("a.basket-link")
    page.wait_for_url("**/basket/")
    assert page.locator(".basket-list li").all_inner_texts()[0].startswith(titles[0]) and _fits(page)
    assert page.locator(".basket-list li").count() == 2
    _shot(page, "basket", width, tmp_path)
    with page.expect_download() as got:
        page.click("#take-away a:has-text('RIS')")
    assert open(got.value.path(), encoding="utf-8").read().count("TY  - ELEC") == 2
    page.locator(".basket-list button.remove").first.click()
    page.wait_for_selector(".messages")
    assert page.locator(".basket-list li").count() == 1
    page.click(".basket-clear button")
    page.wait_for_selector("text=选择夹是空的")
    context.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_the_figures_explorer(server, browser, width, tmp_path):  # noqa: F811
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(server + "/figures/?display=hans")
    if width < 800:
        assert not page.is_visible("input[name=label]")  # the filters fold away on a phone
        page.click("label.fold-label")
    page.fill("input[name=label]", "貧困發生率")
    page.click(".filters button[type=submit]")
    page.wait_for_selector("table.figures tbody tr")
    body = page.inner_text("table.figures")
    assert "26.78" in body and "汉阴县" in body
    page.click("table.figures th a:has-text('数值')")
    page.wait_for_load_state()
    values = [float(v.replace(",", "")) for v in page.locator("table.figures td.num").all_inner_texts()]
    assert values == sorted(values)
    assert page.locator("svg.scatter").count() == 1 and _fits(page)
    _shot(page, "figures", width, tmp_path)
    page.goto(server + "/search/?q=扶贫")
    assert _fits(page)
    if width < 800:
        assert not page.is_visible(".facet")
    _shot(page, "search", width, tmp_path)
    page.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_the_research_tools(server, browser, width, tmp_path):  # noqa: F811
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(server + "/trends/?q=扶贫&q=脱贫&by=province&display=hans")
    assert page.title().startswith("趋势") and page.locator("svg.lines").count() >= 2 and _fits(page)
    _shot(page, "trends", width, tmp_path)
    page.click("figure.trend svg.lines g.s1 a >> nth=0")  # a point is the search it counts (the top series)
    page.wait_for_url("**/search/**")
    assert "year=" in page.url and int(page.inner_text("#total")) >= 1

    page.goto(server + "/concordance/?q=脫貧&display=hans")
    rows = page.locator("table.kwic tbody tr")
    assert rows.count() > 10 and _fits(page)
    words = [page.locator("table.kwic td.word").nth(i).bounding_box() for i in range(5)]
    assert len({round(w["x"]) for w in words}) == 1  # every line aligned on the word
    lefts = [page.locator("table.kwic td.left span").nth(i).bounding_box() for i in range(5)]
    assert all(abs((b["x"] + b["width"]) - w["x"]) < 12 for b, w in zip(lefts, words))  # the left context ends at it
    _shot(page, "concordance", width, tmp_path)
    page.click("table.kwic th.left a")
    page.wait_for_load_state()
    assert "sort=left" in page.url and rows.count() > 10

    page.goto(server + "/programme/易地扶贫搬迁/spread/?display=hans")
    assert page.locator("svg.dots.small").count() >= 1 and page.locator("svg.dots.small use.new").count() >= 1
    assert _fits(page)
    _shot(page, "spread", width, tmp_path)

    page.goto(server + "/compare/?region=610000&region=140000&display=hans")
    assert "陕西省" in page.inner_text("table.compare-regions >> nth=0") and _fits(page)
    _shot(page, "compare", width, tmp_path)
    page.goto(server + "/compare/?region=610000")
    assert "请选 2 到 4 个地区" in page.inner_text(".note")
    page.close()
