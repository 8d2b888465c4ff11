"""The extraction rules on real news, not only the seeds: nothing crashes and nothing absurd comes out."""

import gzip
import json
import re

import pytest

from archive.ingest import Rejected, run_pipeline
from archive.ingest.extract.people_patterns import NAME_PARTICLES, TRANSLITERATED_MIN, TRANSLITERATION_CHARS
from tests.conftest import SHARED, needs_shared

pytestmark = [needs_shared("corpus", "xwlb_poverty_html.jsonl.gz"), pytest.mark.corpus]


@pytest.fixture(scope="module")
def extracted():
    with gzip.open(SHARED / "corpus" / "xwlb_poverty_html.jsonl.gz", "rt", encoding="utf-8") as fh:
        items = [json.loads(line) for _, line in zip(range(300), fh)]
    out = []
    for it in items:
        try:
            out.append(run_pipeline("n.html", (f"<h1>{it['title']}</h1>" + it["content_html"]).encode()))
        except Rejected:
            continue
    return out


def test_almost_every_item_is_read(extracted):
    assert len(extracted) >= 295


def test_every_figure_is_in_its_sentence_and_the_text(extracted):
    for doc in extracted:
        for f in doc.metrics:
            assert f.quote in f.sentence and (f.value > 0 if f.value is not None else f.vague)
            assert doc.clean_text[f.start : f.start + len(f.quote)] == f.quote or f.start == 0


def test_people_names_look_like_names(extracted):
    names = [p["name"] for doc in extracted for p in doc.people]
    assert names  # the news names people
    for name in names:
        if any(d in name for d in "·•."):  # a minority or foreign name, as printed (阿依·木呷, 吐尔孙.赛买提)
            assert re.fullmatch(r"[\u4e00-\u9fff]{1,4}([·•.][\u4e00-\u9fff]{1,8}){1,2}", name), name
            continue
        if len(name) >= TRANSLITERATED_MIN:  # a foreign name in transliteration (托姆布洛夫斯基斯)
            assert set(name) <= TRANSLITERATION_CHARS, name
            continue
        assert 2 <= len(name) <= 4 and re.fullmatch(r"[\u4e00-\u9fff]+", name), name
        assert not any(ch in NAME_PARTICLES for ch in name[1:]), name  # (省, 年 may be in a name: 郭省军, 李年慧)


def test_places_are_real_divisions_and_categories_from_the_taxonomy(extracted):
    from archive.ingest.extract.gazetteer_index import default_gazetteer
    from archive.taxonomy import CATEGORIES

    codes = set(default_gazetteer().places)
    for doc in extracted:
        assert {r["code"] for r in doc.regions} <= codes
        assert set(doc.categories) <= set(CATEGORIES)
    assert sum(bool(doc.regions) for doc in extracted) > len(extracted) * 0.6
