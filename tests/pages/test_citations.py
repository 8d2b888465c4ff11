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
