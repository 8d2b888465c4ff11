"""In a real browser: a reviewer opens the queue and a report, fixes a figure's label and a person's
region, marks the report reviewed, and sees the fix on the public pages and in the history."""

import re
import shutil

import pytest

from tests.browser.test_search_browser import CHROMIUM, REQUIRED
from tests.live import PASSWORD, LiveArchive

pytestmark = [pytest.mark.browser]
if not CHROMIUM and not REQUIRED:
    pytestmark.append(pytest.mark.skip(reason="Debian chromium is not installed (apt-get install chromium)"))


@pytest.fixture(scope="module")
def live():
    archive = LiveArchive("browser-review").setup()
    archive.user("reviewer", "审核员")
    archive.start_web()
    yield archive
    archive.close()
    shutil.rmtree(archive.var, ignore_errors=True)


def test_a_reviewer_fixes_a_report(live):
    from playwright.sync_api import sync_playwright

    report = live.sql("SELECT id FROM archive_report WHERE title LIKE '%灵丘%'")[0][0]
    metric, label = live.sql(
        "SELECT id, label FROM archive_metric WHERE report_id = ? AND label != '' ORDER BY position LIMIT 1", report
    )[0]
    person, name = live.sql(
        "SELECT p.id, p.name FROM archive_person p JOIN archive_personmention m ON m.person_id = p.id"
        " WHERE m.report_id = ? ORDER BY p.id LIMIT 1",
        report,
    )[0]
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(live.base + "/admin/login/?next=/admin/archive/report/%3Freview__exact%3Dnew")
        page.fill("input[name=username]", "reviewer")
        page.fill("input[name=password]", PASSWORD)
        page.click("input[type=submit]")
        page.wait_for_selector("#result_list")
        assert "新入库" in page.inner_text("#result_list")
        page.click(f"#result_list a[href*='/report/{report}/change/']")
        page.wait_for_selector(".marked-text mark")
        page.click(f"mark[data-ref='metric-{metric}']")  # the mark leads to its row
        row = page.locator(f"tr:has(#metric-{metric})")
        assert "highlight" in row.get_attribute("class")
        row.locator("td.field-label input").fill("人工核对的指标")
        page.screenshot(path=str(live.var / "review-1280.png"), full_page=False)
        page.click("input[name=_reviewed]")
        page.wait_for_selector("#result_list, .messagelist")
        assert "已审核" in page.inner_text(".messagelist")

        page.goto(f"{live.base}/admin/archive/person/{person}/change/")
        page.click(".field-region .select2-selection")
        page.fill(".select2-search__field", "520527")
        page.click(".select2-results__option:has-text('520527')")
        page.click("input[name=_save]")
        page.wait_for_selector(".messagelist")

        page.goto(f"{live.base}/report/{report}/")
        assert "人工核对的指标" in page.inner_text("body")
        page.goto(f"{live.base}/figures/?label=人工核对")
        assert "人工核对的指标" in page.inner_text("body")
        page.goto(f"{live.base}/person/{person}/")
        assert "赫章县" in page.inner_text("body")
        page.goto(f"{live.base}/admin/archive/report/{report}/changes/")
        changes = page.inner_text("table.changes")
        assert "人工核对的指标" in changes and label in changes and "reviewer" in changes
        assert re.search("已审核", changes)
        page.set_viewport_size({"width": 390, "height": 900})
        page.goto(f"{live.base}/admin/archive/report/{report}/change/")
        page.screenshot(path=str(live.var / "review-390.png"), full_page=False)
        browser.close()
    assert name
