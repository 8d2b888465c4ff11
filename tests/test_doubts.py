"""The review queue's doubts, most severe first, each picking out the reports that most need a look rather
than most of the archive (issue 21 item 9; the shares at corpus scale are in docs/DECISIONS.md)."""

import re

import pytest

from archive import curation
from archive.ingest import run_pipeline
from archive.ingest.store import Item, store_documents
from tests.test_admin_words import admin_client  # noqa: F401 (the fixture)

pytestmark = pytest.mark.django_db

N = iter(range(1000))


def stored(body, people=(), figures=()):
    """A report of this body, whose extraction found these people (name, title) and figures (label, year, approx)."""
    n = next(N)
    text = f"疑点测试第{n}篇\n{body}这是第{n}篇测试报道的正文。\n"
    doc = run_pipeline(f"d{n}.txt", text.encode())
    doc.people = [{"name": name, "title": title, "kind": "other", "region": None} for name, title in people]
    for f, (label, year, approx) in zip(doc.metrics, figures):
        f.label, f.year, f.approx = label, year, approx
    return store_documents([Item(doc)])[0].report


def in_queue(report, doubt):
    return report.pk in set(
        curation.with_doubts(type(report).objects.filter(curation.doubt_filters()[doubt])).values_list("pk", flat=True)
    )


def test_a_figure_of_nothing_named_is_a_doubt_one_without_a_year_is_not():
    unnamed = stored("全市新增就业岗位1200个。", figures=[("", 2019, False)])
    undated = stored("全市新增就业岗位1300个。", figures=[("就业岗位", None, False)])
    rough = stored("全市新增就业岗位约1400个。", figures=[("", None, True)])
    assert in_queue(unnamed, "figures") and not in_queue(undated, "figures") and not in_queue(rough, "figures")


def test_an_odd_name_found_once_is_a_doubt_an_ordinary_one_is_not():
    fragment = stored("刘测说，要做好工作。", people=[("刘测", "")])
    glued = stored("纳兰测试将于明天到访。", people=[("纳兰测试将于", "")])
    ordinary = stored("王测明说，要做好工作。", people=[("王测明", "")])
    titled = stored("县长李测说，要做好工作。", people=[("李测", "县长")])
    assert in_queue(fragment, "people") and in_queue(glued, "people")
    assert not in_queue(ordinary, "people") and not in_queue(titled, "people")
    again = stored("另一篇报道里，刘测在村委会的院子里给乡亲们讲合作社的分红办法。", people=[("刘测", "")])
    assert again.pk != fragment.pk  # found again elsewhere: a real name after all
    assert not in_queue(fragment, "people")


def test_no_place_is_a_doubt_only_for_a_local_report():
    local = stored("这个县的测试合作社带动农户增收。")
    national = stored("全国测试合作社带动农户增收。")
    assert not local.region_mentions.exists() and not national.region_mentions.exists()
    assert in_queue(local, "no_region") and not in_queue(national, "no_region")


def test_a_fallback_title_is_its_own_doubt_not_a_reading_warning(report_of):
    r = report_of(1)
    assert r.title_is_fallback and r.error
    keys = [k for k, _w in curation.doubts(r)]
    assert "fallback_title" in keys and "warnings" not in keys


def test_the_queue_lists_the_doubts_most_severe_first(admin_client):  # noqa: F811
    html = admin_client.get("/admin/archive/report/").content.decode()
    filter_block = html[html.index("疑点") :]
    shown = [w for w in re.findall(r'href="\?doubt=(\w+)"', filter_block)]
    assert shown == list(curation.DOUBTS)
    levels = [curation.SEVERITY[k] for k in shown]
    assert levels == sorted(levels, key="高中低".index)
    assert "读取有警告（高）" in html and "写到县镇却无地区（低）" in html
