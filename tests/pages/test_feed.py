"""Every search as an Atom feed of its newest reports (/search/feed/), read by a real feed parser."""

import pytest

pytestmark = pytest.mark.django_db


def _feed(client, **params):
    import feedparser

    r = client.get("/search/feed/", params)
    assert r.status_code == 200 and r["Content-Type"].startswith("application/atom+xml")
    parsed = feedparser.parse(r.content)
    assert not parsed.bozo, parsed.get("bozo_exception")  # well-formed, as a reader needs it
    assert parsed.version == "atom10"
    return parsed


def test_the_feed_lists_the_searchs_newest_reports_first(client):
    parsed = _feed(client, q="扶贫")
    data = client.get("/search/", {"q": "扶贫", "sort": "newest", "format": "json"}).json()
    assert [e.link for e in parsed.entries] == [f"http://testserver{h['url']}" for h in data["hits"]]
    dated = [e.published_parsed for e in parsed.entries if "published_parsed" in e]
    assert dated == sorted(dated, reverse=True) and len(dated) >= 2
    assert parsed.feed.title == "扶贫案例库 · 检索：扶贫" and parsed.feed.links[0].href.endswith(
        "/search/?q=%E6%89%B6%E8%B4%AB"
    )
    first = parsed.entries[0]
    assert first.title and first.summary and first.updated_parsed and first.author
    assert first.id == first.link and first.tags  # its categories


def test_the_feed_takes_the_search_pages_filters(client):
    parsed = _feed(client, q="扶贫", province="610000")
    data = client.get("/search/", {"q": "扶贫", "province": "610000", "format": "json"}).json()
    assert 0 < len(parsed.entries) == data["total"] < len(_feed(client, q="扶贫").entries)


def test_the_feed_is_in_the_readers_script(client):
    parsed = _feed(client, q="扶贫", display="hant")
    titles = " ".join(e.title for e in parsed.entries)
    assert "勠力同心摘窮帽" in titles and parsed.feed.language == "zh-Hant"
    html = client.get("/search/", {"q": "扶贫", "display": "hant"}).content.decode()
    assert "/search/feed/?q=%E6%89%B6%E8%B4%AB&amp;display=hant" in html


def test_a_text_with_markup_stays_text_in_the_summary(client, report_of):
    r = report_of(3)
    r.clean_text = "扶贫<b>车间</b> & 合作社\x0b" + r.clean_text
    r.save()
    parsed = _feed(client, q="扶贫")
    entry = next(e for e in parsed.entries if e.link.endswith(f"/report/{r.pk}/"))
    assert entry.summary.startswith("扶贫&lt;b&gt;车间&lt;/b&gt; &amp; 合作社")


@pytest.mark.parametrize("params", [{"q": "没有这个词zzzz"}, {"q": "扶贫" * 300, "from": "x"}, {"county": "<x>"}])
def test_an_empty_or_odd_search_is_an_empty_feed_not_an_error(client, params):
    parsed = _feed(client, **params)
    assert parsed.feed.title.startswith("扶贫案例库")
