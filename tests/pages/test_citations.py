"""Citations that real readers parse: rispy (RIS), bibtexparser (BibTeX), citeproc-py (CSL-JSON)."""

import json

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed(report_of):
    r = report_of(2)
    r.byline = "记者 张三 李四 通讯员 王五"
    r.save()
    return r


def test_gbt7714_electronic_resource(client, signed):
    data = client.get(f"/report/{signed.pk}/?format=json").json()
    cite = data["citation"]["gbt7714"]
    assert cite.startswith("张三, 李四, 王五. 勠力同心摘穷帽") and "[EB/OL]" in cite
    assert "山西日报, 2018(2018-07-02)[" in cite and cite.endswith(f"/report/{signed.pk}/.")


def test_gbt7714_without_byline_names_the_source_not_an_invented_author(client, report_of):
    r = report_of(2)
    cite = client.get(f"/report/{r.pk}/?format=json").json()["citation"]["gbt7714"]
    assert cite.startswith("山西日报. 勠力同心摘穷帽") and "佚名" not in cite


def test_ris_parses_with_rispy(client, signed):
    import rispy

    r = client.get(f"/report/{signed.pk}/?format=ris")
    assert r.status_code == 200 and "attachment" in r["Content-Disposition"]
    entry = rispy.loads(r.content.decode())[0]
    assert entry["title"].startswith("勠力同心摘穷帽") and entry["authors"] == ["张三", "李四", "王五"]
    assert entry["urls"][0].endswith(f"/report/{signed.pk}/") and entry["date"] == "2018/07/02"


def test_bibtex_parses_with_bibtexparser(client, signed):
    import bibtexparser

    library = bibtexparser.parse_string(client.get(f"/report/{signed.pk}/?format=bibtex").content.decode())
    entry = library.entries[0]
    assert not library.failed_blocks
    assert entry["title"].startswith("勠力同心摘穷帽") and entry["author"] == "张三 and 李四 and 王五"
    assert entry["date"] == "2018-07-02" and entry["url"].endswith(f"/report/{signed.pk}/")


def test_csl_json_renders_with_citeproc(client, signed):
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    items = json.loads(client.get(f"/report/{signed.pk}/?format=csl").content)
    source = CiteProcJSON(items)
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, source, formatter.plain)
    bibliography.register(Citation([CitationItem(items[0]["id"])]))
    text = str(bibliography.bibliography()[0])
    assert "勠力同心摘穷帽" in text and "2018" in text and "张三" in text
    assert items[0]["issued"]["date-parts"] == [[2018, 7, 2]] and items[0]["URL"].endswith(f"/report/{signed.pk}/")


PAGE = """<html><head><title>[视频]测试县的扶贫车间_新闻频道_央视网(cctv.com)</title>
<link rel="canonical" href="https://tv.cctv.com/2020/05/17/VIDE0test.shtml">
<meta property="article:published_time" content="2020-05-17T19:30:00+08:00">
<meta name="source" content="来源：新闻联播"></head>
<body><h1>[视频]测试县的扶贫车间</h1><p>新闻联播 2020年05月17日：平利县的社区工厂测试新闻带动200名贫困群众在家门口就业，人均月收入2000元。</p>
<p>当地干部说，扶贫车间让留守妇女有了稳定收入，这是第二段测试正文，写得长一些以免被当成页面杂项。</p></body></html>"""


@pytest.fixture
def broadcast(db):
    from archive.ingest import store
    from archive.intake.service import ingest_bytes
    from archive.models import Report, Source

    store._SOURCES.clear()  # the per-process cache of source ids outlives a test's rolled-back transaction
    outcome = ingest_bytes("cctv.html", PAGE.encode())
    assert outcome.status == "created", outcome.message
    report = Report.objects.get(pk=outcome.report_id)
    report.source = Source.objects.get_or_create(name="新闻联播")[0]
    report.save()
    yield report
    store._SOURCES.clear()


def test_the_pages_own_address_is_kept_and_cited(client, broadcast):
    import bibtexparser
    import rispy

    original = "https://tv.cctv.com/2020/05/17/VIDE0test.shtml"
    assert broadcast.url == original
    page = client.get(f"/report/{broadcast.pk}/").content.decode()
    assert f'href="{original}"' in page and "原文链接" in page
    data = client.get(f"/report/{broadcast.pk}/", {"format": "json"}).json()
    assert data["page_url"] == original and data["citation"]["gbt7714"].endswith(f"{original}.")
    entry = rispy.loads(client.get(f"/report/{broadcast.pk}/?format=ris").content.decode())[0]
    assert entry["urls"][0] == original and entry["urls"][1].endswith(f"/report/{broadcast.pk}/")
    bib = bibtexparser.parse_string(client.get(f"/report/{broadcast.pk}/?format=bibtex").content.decode()).entries[0]
    assert bib["url"] == original
    assert json.loads(client.get(f"/report/{broadcast.pk}/?format=csl").content)[0]["URL"] == original


def test_the_broadcasters_tag_stays_in_the_original_not_in_the_heading_or_citation(client, broadcast):
    assert broadcast.title.startswith("[视频]")  # kept as the original has it
    html = client.get(f"/report/{broadcast.pk}/").content.decode()
    assert "<h1>测试县的扶贫车间" in html and "<title>测试县的扶贫车间" in html
    data = client.get(f"/report/{broadcast.pk}/", {"format": "json"}).json()
    assert data["title"].startswith("[视频]") and data["heading"] == "测试县的扶贫车间"
    assert "[视频]" not in data["citation"]["gbt7714"]
    for fmt in ("ris", "bibtex", "csl"):
        assert "[视频]" not in client.get(f"/report/{broadcast.pk}/?format={fmt}").content.decode(), fmt


def test_csl_json_names_the_publisher_once(client, broadcast):
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    items = json.loads(client.get(f"/report/{broadcast.pk}/?format=csl").content)
    bibliography = CitationStylesBibliography(
        CitationStylesStyle("harvard-cite-them-right", validate=False), CiteProcJSON(items), formatter.plain
    )
    bibliography.register(Citation([CitationItem(items[0]["id"])]))
    text = str(bibliography.bibliography()[0])
    assert text.count("新闻联播") == 1, text


@pytest.mark.parametrize("fmt", ["ris", "bibtex", "csl"])
def test_downloaded_citations_follow_the_display_script(client, signed, fmt):
    hant = client.get(f"/report/{signed.pk}/", {"format": fmt, "display": "hant"}).content.decode()
    hans = client.get(f"/report/{signed.pk}/", {"format": fmt, "display": "hans"}).content.decode()
    assert "勠力同心摘窮帽" in hant and "山西日報" in hant
    assert "勠力同心摘穷帽" in hans and "山西日报" in hans
