import gzip
import json
from html import escape

import pytest

from archive.ingest import read_document
from archive.ingest.document import Document
from archive.ingest.html import html_to_text
from tests.conftest import SHARED, needs_shared, seed_text


def as_html_page(text):
    paras = "".join(f"<p>{escape(line)}</p>\r\n" for line in text.splitlines())
    return (
        f"<!DOCTYPE html><html><head><title>x</title><style>p{{color:red}}</style>"
        f"<script>var a='脱贫攻坚';</script></head><body><div class='nav'></div>{paras}"
        f"<!-- comment 扶贫 --></body></html>"
    )


@pytest.mark.parametrize("n", [0, 1, 2, 3, 4])
def test_seed_wrapped_as_html_gives_the_same_clean_text(n):
    text = seed_text(n)
    assert (
        read_document("a.html", as_html_page(text).encode()).clean_text
        == read_document("a.txt", text.encode()).clean_text
    )


def test_scripts_styles_and_comments_dropped_paragraphs_kept():
    doc = html_to_text(
        Document("x.html", kind="html", raw_text="<P>第一段<br>第二行</P><p>第三段&amp;</p><script>bad()</script>")
    )
    assert doc.text.splitlines() == ["第一段", "第二行", "第三段&"]


@needs_shared("corpus", "xwlb_poverty_html.jsonl.gz")
def test_real_news_html_is_read_as_paragraphs():
    with gzip.open(SHARED / "corpus" / "xwlb_poverty_html.jsonl.gz", "rt", encoding="utf-8") as fh:
        items = [json.loads(next(fh)) for _ in range(30)]
    for item in items:
        doc = read_document("n.html", ("<html><body>" + item["content_html"] + "</body></html>").encode())
        assert "<" not in doc.clean_text and "&nbsp;" not in doc.clean_text and "</P>" not in doc.clean_text
        paragraphs = item["content_html"].lower().count("<p")
        assert len(doc.lines) >= min(paragraphs, 2) - 1  # paragraphs survive as lines


@needs_shared("corpus", "jzfupin_news_2016.json")
def test_county_cms_html_is_unescaped():
    items = json.loads((SHARED / "corpus" / "jzfupin_news_2016.json").read_text("utf-8"))
    poverty = [i for i in items if str(i.get("poverty")) == "True"]
    assert len(poverty) == 14
    for item in poverty:
        doc = read_document("c.html", item["html"].encode())
        assert "&lt;" not in doc.clean_text and "<img" not in doc.clean_text


def test_a_hard_wrapped_cms_body_reads_as_whole_sentences():
    raw = (
        "&nbsp;&nbsp;&nbsp; 本报讯 近日，北京对口帮扶医疗健康精准扶贫活动拉开帷幕。\r\n<p>\r\n\t&nbsp;&nbsp;&nbsp;\r\n"
        "为着力解决贫困地区、贫困家庭、贫\r\n困人口的看病就医难题，启动实施工程。记者 王拥 吴苏\r\n</p>"
    )
    doc = html_to_text(Document("x.html", kind="html", raw_text=raw))
    assert "贫困人口的看病就医难题" in doc.text
    assert "记者 王拥 吴苏" in doc.text  # spaces the author typed stay
    assert "&nbsp;" not in doc.text and len(doc.text.splitlines()) == 2


def test_the_page_head_gives_title_date_and_source():
    page = (
        "<html><head><title>扶贫车间让村民家门口就业--扶贫--人民网</title>"
        '<meta name="publishdate" content="2019-02-10"><meta name="source" content="来源：人民网－人民日报">'
        '<meta name="author" content="胡浩"></head><body><h1>扶贫车间让村民家门口就业</h1>'
        "<p>平利县新建社区工厂5家，带动贫困户120户就业。</p></body></html>"
    )
    doc = read_document("x.html", page.encode())
    assert (doc.title, doc.published.isoformat(), doc.source) == ("扶贫车间让村民家门口就业", "2019-02-10", "人民日报")
    assert doc.byline == [("胡浩", "作者")]
    assert doc.clean_text == "平利县新建社区工厂5家，带动贫困户120户就业。"  # the <h1> copy of the title left the body


def test_a_fragment_without_a_head_has_no_date_guessed_from_its_body():
    doc = read_document("x.html", "<p>2016年3月24日，国家卫生计生委召开会议，部署健康扶贫工程。</p>".encode())
    assert doc.published is None and doc.title is None


def test_control_characters_in_markup_are_dropped_not_fatal():
    from archive.ingest import run_pipeline

    data = (
        "<html><head><title>标题</title></head><body><h1>\x1f</h1><p>扶贫\x1f工作\x08取得成效，"
        "全村脱贫。</p></body></html>"
    ).encode()
    doc = run_pipeline("page.html", data)
    assert "扶贫工作取得成效" in doc.clean_text and "\x1f" not in doc.clean_text
