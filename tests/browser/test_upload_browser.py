"""In a real browser against the live server and worker: log in, upload two files and a zip, watch the
batch's page finish without a reload, open the new report, find it by search."""

import io
import shutil
import zipfile

import pytest

from archive.citations import heading
from tests.browser.test_search_browser import CHROMIUM, REQUIRED
from tests.live import PASSWORD, LiveArchive, corpus_files

pytestmark = [pytest.mark.browser]
if not CHROMIUM and not REQUIRED:
    pytestmark.append(pytest.mark.skip(reason="Debian chromium is not installed (apt-get install chromium)"))


@pytest.fixture(scope="module")
def live():
    archive = LiveArchive("browser-upload").setup()
    archive.start_web().start_worker()
    yield archive
    archive.close()
    shutil.rmtree(archive.var, ignore_errors=True)


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


@pytest.mark.parametrize("width", [1280, 390])
def test_upload_watch_open_and_find(live, browser, width, tmp_path, corpus):
    files = corpus_files(6, skip=60000 + width, prefix=f"browser{width}")
    (tmp_path / "a.txt").write_bytes(files[0][1])
    (tmp_path / "b.txt").write_bytes(files[1][1])
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in files[2:]:
            zf.writestr(name, data)
    (tmp_path / "more.zip").write_bytes(buf.getvalue())
    title = files[0][1].decode().split("\n", 1)[0]

    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(live.base + "/admin/login/?next=/admin/archive/report/")
    page.fill("input[name=username]", "admin")
    page.fill("input[name=password]", PASSWORD)
    page.click("input[type=submit]")
    page.click("a:has-text('上传报道')")
    page.wait_for_selector("input[type=file][name=files]")
    page.screenshot(path=str(live.var / f"upload-{width}.png"), full_page=True)
    page.set_input_files("input[name=files]", [str(tmp_path / n) for n in ("a.txt", "b.txt", "more.zip")])
    page.click("input[type=submit]")
    page.wait_for_selector(".upload-batch")
    page.evaluate("window.notReloaded = true")  # gone if the page reloads: the updates must come from its script
    page.wait_for_selector(".upload-batch[data-status=done]", timeout=120_000)
    assert page.evaluate("window.notReloaded") is True
    assert page.inner_text("[data-field=done]") == page.inner_text("[data-field=total]") == "6"
    rows = page.locator("tr.item")
    assert rows.count() == 7  # the zip and its four files, and the two files
    page.screenshot(path=str(live.var / f"batch-{width}.png"), full_page=True)
    shutil.copy(live.var / f"batch-{width}.png", tmp_path.parent / f"batch-{width}.png")

    page.click("tr.item:has-text('a.txt') .outcome a")
    page.wait_for_selector("article.report")
    assert heading(title)[:10] in page.inner_text("h1")  # the heading leaves the broadcaster's [视频] out
    page.goto(live.base + "/search/?q=" + title[:12])
    page.wait_for_selector(".hit")
    assert title[:10] in page.inner_text(".hit-title >> nth=0")
    page.close()
