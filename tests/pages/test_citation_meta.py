"""What citation managers read off a report page: Highwire Press `citation_*` meta tags (Zotero's
connector, Google Scholar) and a COinS span, read here with an HTML parser as they read them."""

from html.parser import HTMLParser
from urllib.parse import parse_qs

import pytest

pytestmark = pytest.mark.django_db


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta, self.coins, self.in_head = [], [], False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "head":
            self.in_head = True
        if tag == "meta" and a.get("name", "").startswith("citation_"):
            assert self.in_head, "citation meta belongs in the head"
            self.meta.append((a["name"], a["content"]))
        if tag == "span" and "Z3988" in (a.get("class") or "").split():
            self.coins.append(parse_qs(a["title"], keep_blank_values=True))

    def handle_endtag(self, tag):
        if tag == "head":
            self.in_head = False


def _read(client, report, **params):
    r = client.get(f"/report/{report.pk}/", params)
    assert r.status_code == 200
    reader = _Reader()
    reader.feed(r.content.decode())
    return reader


def _one(meta, name):
    values = [v for n, v in meta if n == name]
    assert len(values) == 1, (name, values)
    return values[0]


def test_a_newspapers_report_carries_highwire_tags_as_an_article_in_it(client, report_of):
    r = report_of(2)
    r.byline = "记者 张三 李四"
    r.save()
    meta = _read(client, r, display="hans").meta
    assert _one(meta, "citation_title").startswith("勠力同心摘穷帽")
    assert [v for n, v in meta if n == "citation_author"] == ["张三", "李四"]
    assert _one(meta, "citation_publication_date") == "2018/07/02"
    assert _one(meta, "citation_publisher") == _one(meta, "citation_journal_title") == "山西日报"
    assert _one(meta, "citation_public_url") == f"http://testserver/report/{r.pk}/"
    assert _one(meta, "citation_language") == "zh-Hans"
    assert "产业扶贫" in [v for n, v in meta if n == "citation_keywords"]


def test_a_web_sources_report_has_a_publisher_not_a_journal(client, report_of):
    r = report_of(0)  # 陕西党建网, written in traditional script
    r.url = "https://www.sxdj.gov.cn/2020/liulianguan.html"
    r.save()
    meta = _read(client, r, display="hans").meta
    names = [n for n, _v in meta]
    assert "citation_journal_title" not in names and _one(meta, "citation_publisher") == "陕西党建网"
    assert _one(meta, "citation_public_url") == r.url  # the original's address, as the citations give it
    assert _one(meta, "citation_fulltext_html_url") == f"http://testserver/report/{r.pk}/"
    assert _one(meta, "citation_language") == "zh-Hant"  # the language the report was written in
    assert _one(meta, "citation_title") == "“六连冠”是怎样炼成的"  # the page's display script
    assert _one(_read(client, r, display="hant").meta, "citation_title") == "“六連冠”是怎樣煉成的"
    assert "citation_publication_date" not in names  # undated: no invented date


def test_coins_is_an_openurl_context_object(client, report_of):
    r = report_of(2)
    r.byline = "记者 张三"
    r.save()
    (kev,) = _read(client, r).coins
    assert kev["ctx_ver"] == ["Z39.88-2004"] and kev["rft_val_fmt"] == ["info:ofi/fmt:kev:mtx:journal"]
    assert kev["rft.atitle"][0].startswith("勠力同心摘穷帽") and kev["rft.jtitle"] == ["山西日报"]
    assert kev["rft.au"] == ["张三"] and kev["rft.date"] == ["2018-07-02"]
    assert kev["rft_id"] == [f"http://testserver/report/{r.pk}/"]
    (web,) = _read(client, report_of(0), display="hant").coins
    assert web["rft_val_fmt"] == ["info:ofi/fmt:kev:mtx:dc"] and web["rft.publisher"] == ["陝西黨建網"]
    assert web["rft.title"] == ["“六連冠”是怎樣煉成的"]  # percent-encoded, so built in the reader's script
