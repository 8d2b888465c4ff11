"""The smoke test of a production install (.ci/production): the real server on 127.0.0.1 answers a few pages
with the archive's content, its static files hashed and served, and a missing page as the archive's own.
Only the standard library: it runs in the venv made from requirements.txt alone."""

import re
import sys
import time
import urllib.error
import urllib.request
from urllib.parse import quote

BASE = sys.argv[1]


def get(path, status=200):
    """The page's text; fails unless it answers with this status."""
    try:
        with urllib.request.urlopen(BASE + quote(path, safe="/?=&"), timeout=30) as response:
            code, body, headers = response.status, response.read(), response.headers
    except urllib.error.HTTPError as error:
        code, body, headers = error.code, error.read(), error.headers
    text = body.decode("utf-8", "replace")
    assert code == status, f"{path}: {code}, not {status}"
    assert (headers.get("Link") or "").isascii(), f"{path}: a Link header that is not ASCII"
    return text


def wait():
    for _ in range(150):
        try:
            urllib.request.urlopen(BASE + "/", timeout=5)
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"the server at {BASE} did not answer")


def main():
    wait()
    home = get("/")
    assert "扶贫案例库" in home and "勠力同心摘穷帽" in home and 'href="/region/610926/"' in home, "home"
    css = re.search(r'<link rel="stylesheet" href="(/static/archive\.[0-9a-f]{12}\.css)"', home)
    assert css, "the stylesheet is not the hashed one collectstatic wrote"
    assert ":root" in get(css.group(1)), "the stylesheet"
    county = get("/region/610926/")
    assert "平利县" in county and "郑小东" in county and "国家级贫困县" in county, "a county page"
    report = re.search(r'href="(/report/\d+/)"', county).group(1)
    page = get(report)
    assert 'class="mark person"' in page and "[EB/OL]" in page, "a report page"
    assert '"figures"' in get(report + "?format=json"), "a report's JSON"
    hits = get("/search/?q=扶贫")
    assert re.search(r'id="total">\s*[1-9]', hits), "a search"
    assert "贫困发生率" in get("/figures/?label=贫困发生率"), "the figures explorer"
    assert "找不到这个页面" in get("/no/such/page/", 404), "the 404 page"
    print(f"smoke test: 8 pages of {BASE} answered with the archive's content")


if __name__ == "__main__":
    main()
