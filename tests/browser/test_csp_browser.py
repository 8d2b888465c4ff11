"""In a real browser with the production settings (DEBUG off, gunicorn, the CSP enforced): every public
page and the admin pages an editor uses, with their scripts running (the review page's marks, the
upload progress, the autocomplete), report no Content-Security-Policy violation."""

import shutil

import pytest

from tests.browser.test_search_browser import CHROMIUM, REQUIRED
from tests.live import PASSWORD, Admin, LiveArchive, corpus_files

pytestmark = [pytest.mark.browser]
if not CHROMIUM and not REQUIRED:
    pytestmark.append(pytest.mark.skip(reason="Debian chromium is not installed (apt-get install chromium)"))

# Set before any page script runs (an init script is not subject to the page's CSP).
WATCH = """window.__csp = [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(
  e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' @ ' + e.sourceFile + ':' + e.lineNumber));"""


@pytest.fixture(scope="module")
def live():
    archive = LiveArchive("browser-csp").setup()
    archive.start_web()
    archive.start_worker()
    yield archive
    archive.close()
    shutil.rmtree(archive.var, ignore_errors=True)


def test_no_page_breaks_the_content_security_policy(live, corpus):
    from playwright.sync_api import sync_playwright

    report = live.sql("SELECT id FROM archive_report ORDER BY id LIMIT 1")[0][0]
    _r, batch = Admin(live.base).upload(corpus_files(2, skip=777, prefix="csp"))
    violations, console = {}, []
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.add_init_script(WATCH)
        page = context.new_page()
        page.on("console", lambda m: console.append(m.text) if "Content Security Policy" in m.text else None)

        def visit(url, then=None):
            response = page.goto(live.base + url)
            assert response.status < 400, url
            assert "script-src 'self'" in response.headers["content-security-policy"]
            if then:
                then()
            page.wait_for_load_state("networkidle")
            found = page.evaluate("window.__csp")
            if found:
                violations[url] = found

        for url in (
            "/",
            "/?display=hant",
            "/search/?q=扶贫",
            "/search/?q=易地搬迁&sort=newest",
            "/region/610000/",
            "/region/610926/",
            f"/report/{report}/",
            "/figures/",
            "/figures/?label=贫困发生率&chart=1",
            "/programme/易地扶贫搬迁/",
            "/category/产业扶贫/",
        ):
            visit(url)
        visit("/search/?q=扶贫", then=lambda: page.click(".facet a >> nth=0"))
        # a hit ticked into the basket (a plain form post), then the basket with it
        visit(
            "/search/?q=扶贫", then=lambda: (page.check("ol.hits input >> nth=0"), page.click(".pick-actions button"))
        )
        visit("/basket/")
        visit("/admin/login/")
        page.fill("input[name=username]", "admin")
        page.fill("input[name=password]", PASSWORD)
        page.click("input[type=submit]")
        page.wait_for_url("**/admin/")
        for url in (
            "/admin/",
            "/admin/archive/report/",
            "/admin/archive/report/?review__exact=new",
            f"/admin/archive/report/{report}/change/",
            f"/admin/archive/report/{report}/changes/",
            "/admin/archive/report/upload/",
            "/admin/archive/person/",
            "/admin/archive/initiative/",
            "/admin/archive/region/?q=平利",
            "/admin/archive/upload/",
            "/admin/archive/uploadbatch/",
        ):
            visit(url)
        # the review page's own script: a click on a mark finds its row; the region autocomplete opens
        visit(
            f"/admin/archive/report/{report}/change/",
            then=lambda: (
                page.click("mark >> nth=0") if page.locator("mark").count() else None,
                page.click(".select2-selection >> nth=0") if page.locator(".select2-selection").count() else None,
            ),
        )
        # the batch page polls for progress with its script
        visit(
            batch.removeprefix(live.base),
            then=lambda: page.wait_for_selector("[data-field=status_label]:has-text('已完成')", timeout=120_000),
        )
        browser.close()
    assert violations == {} and console == [], (violations, console[:5])
