"""search.engine.evaluate gives what Whoosh gives: the same hits, the same BM25F scores, the same order."""

import datetime

import numpy as np
import pytest
from whoosh import fields, index
from whoosh import query as wq
from whoosh.qparser import QueryParser

from search.analysis import ChineseAnalyzer
from search.engine import columns, postings
from search.engine import evaluate as ev
from search.engine.codec import InliningCodec
from search.engine.fields import FacetKeyword, PresegmentedPositions

from ..conftest import SEEDS


def _schema():
    text = fields.TEXT(stored=False, analyzer=ChineseAnalyzer(), phrase=True, spelling=False)
    text.format = PresegmentedPositions()
    return fields.Schema(
        id=fields.ID(stored=True, unique=True),
        text=text,
        tag=FacetKeyword(),
        published=fields.DATETIME(stored=True, sortable=True),
    )


@pytest.fixture(scope="module")
def ix(tmp_path_factory):
    """Paragraphs of the seed reports in three segments, one with deletions, postings written in
    blocks of 4 (so long posting lists span blocks) and short ones inlined."""
    paragraphs = [p.strip() for path in SEEDS for p in path.read_text("utf-8").split("\n") if len(p.strip()) > 8]
    folder = tmp_path_factory.mktemp("evaluate")
    ix = index.create_in(str(folder), _schema())
    codec = InliningCodec()
    codec._blocklimit = 4
    per = -(-len(paragraphs) // 3)
    for part in range(3):
        writer = ix.writer(codec=codec)
        for i, text in enumerate(paragraphs[part * per : (part + 1) * per], start=part * per):
            day = datetime.datetime(2015 + i % 7, 1 + i % 12, 1 + i % 27)
            writer.add_document(id=str(i), text=text, tag=["even" if i % 2 == 0 else "odd", f"m{i % 3}"], published=day)
        writer.commit(merge=False)
    writer = ix.writer(codec=codec)
    writer.delete_by_term("id", "3")
    writer.delete_by_term("id", str(per + 1))
    writer.commit(merge=False)
    assert len(ix.reader().leaf_readers()) == 3 and ix.reader().has_deletions()
    return ix


QUERIES = [
    "扶贫",
    "脱贫 产业",
    "扶贫 OR 合作社",
    "扶贫 NOT 电商",
    "NOT 扶贫",
    '"社区工厂"',
    '"脱贫攻坚"',
    "贫困 tag:even",
    "tag:(m0 OR m2) 就业",
    "村支",
    "平利",
    "不存在的词语",
    "扶贫 OR (产业 NOT 村)",
    "NOT 扶贫 NOT 脱贫",
    "(扶贫 OR 脱贫)^2 产业",
    "扶贫 OR NOT 村",
    '"产业扶贫"',  # phrases whose words span blocks: the rarest word's blocks decide which others are read
    '"易地扶贫搬迁"',
    '"扶贫 车间" OR "社区 工厂"',
    '"脱贫 攻坚" "产业 发展"',
    "扶贫 published:[20170101 to 20191231]",  # date ranges, read from the column
    "published:[20180301 to]",
    "published:[to 20160615] OR 合作社",
    "NOT published:{20160101 to 20200101}",
]


def _ours(searcher, q):
    out = {}
    for leaf, offset in searcher.leaf_searchers():
        hits = ev.evaluate(q, leaf, searcher)
        assert list(hits.ids) == sorted(set(hits.ids))
        out.update({int(d) + offset: float(s) for d, s in zip(hits.ids, hits.scores)})
    return out


@pytest.fixture(params=["cached", "read afresh"])
def postings_cache(request, monkeypatch):
    """Each query with the postings cache and without it (SEARCH_POSTINGS_CACHE_MB=0: a phrase's
    words then skip the blocks its rarest word rules out)."""
    monkeypatch.setattr(postings.POSTINGS, "limit", 64 * 2**20 if request.param == "cached" else 0)
    postings.POSTINGS.clear()
    yield request.param
    postings.POSTINGS.clear()


@pytest.mark.parametrize("text", QUERIES)
def test_same_hits_and_scores_as_whoosh(ix, text, postings_cache):
    q = QueryParser("text", ix.schema).parse(text)
    with ix.searcher() as searcher:
        assert ev.supported(q, searcher.weighting, searcher.schema)
        theirs = {hit.docnum: hit.score for hit in searcher.search(q, limit=None)}
        ours = _ours(searcher, q)
    assert set(ours) == set(theirs)
    for docnum, score in theirs.items():
        if not isinstance(q, wq.Phrase):  # Whoosh scores a phrase its own way; the hits are what matter
            assert ours[docnum] == pytest.approx(score, rel=1e-4)


def test_common_words_span_several_blocks_and_deletions_are_left_out(ix):
    with ix.searcher() as searcher:
        leaf, _ = searcher.leaf_searchers()[0]
        ids, weights, values = postings.term_postings(leaf.reader(), "text", "扶贫", values=True)
        assert len(ids) > 4 and len(values) == len(ids) == len(weights)
        assert list(ids) == sorted(ids)
        deleted = set(columns.deleted_docs(leaf.reader()))
        assert deleted
        every = ev.evaluate(wq.Every(), leaf, searcher)
        assert not deleted & set(every.ids.tolist())
        assert len(every.ids) == leaf.doc_count()


def test_phrase_keeps_word_order_and_slop(ix):
    parser = QueryParser("text", ix.schema)
    with ix.searcher() as searcher:
        near = _ours(searcher, wq.Phrase("text", ["社区", "工厂"]))
        reversed_ = _ours(searcher, wq.Phrase("text", ["工厂", "社区"]))
        loose = _ours(searcher, wq.Phrase("text", ["脱贫", "攻坚"], slop=3))
        assert set(near) == {h.docnum for h in searcher.search(parser.parse('"社区工厂"'), limit=None)}
        assert near and not set(near) & set(reversed_) - set(near)
        assert set(loose) == {
            h.docnum for h in searcher.search(wq.Phrase("text", ["脱贫", "攻坚"], slop=3), limit=None)
        }


def test_sort_column_orders_as_whoosh_does(ix):
    with ix.searcher() as searcher:
        theirs = [h.docnum for h in searcher.search(wq.Every(), limit=None, sortedby="published")]
        keys, docs = [], []
        for leaf, offset in searcher.leaf_searchers():
            hits = ev.evaluate(wq.Every(), leaf, searcher)
            keys.append(columns.sort_keys(leaf.reader(), "published")[hits.ids])
            docs.append(hits.ids + offset)
        keys, docs = np.concatenate(keys), np.concatenate(docs)
        assert [int(d) for d in docs[np.lexsort((docs, keys))]] == theirs


def test_queries_it_cannot_evaluate_are_left_to_whoosh(ix):
    with ix.searcher() as searcher:
        w = searcher.weighting
        assert not ev.supported(wq.Prefix("text", "扶"), w)
        assert not ev.supported(wq.And([wq.Term("text", "扶贫"), wq.Wildcard("text", "脱*")]), w)
        assert not ev.supported(wq.Every("tag"), w)
        assert not ev.supported(wq.Or([wq.Term("text", "a"), wq.Term("text", "b")], minmatch=2), w)
        assert ev.supported(wq.And([wq.Term("text", "扶贫"), wq.Not(wq.Term("tag", "odd"))]), w)


QUERY_PAGES = [
    ("扶贫", {}, "relevance"),
    ("", {}, "newest"),
    ("", {}, "oldest"),
    ("脱贫 -电商", {}, "relevance"),
    ('"社区工厂"', {}, "relevance"),
    ("扶贫 OR 合作社", {"script": ["hans"]}, "newest"),
    ("", {"province": ["610000"]}, "relevance"),
]


@pytest.mark.django_db
@pytest.mark.parametrize("q,filters,sort", QUERY_PAGES)
def test_search_pages_equal_whooshs_own_path(monkeypatch, q, filters, sort):
    """The numpy path gives Whoosh's hits, order and facets, but for one deliberate difference: a report
    without a date sorts last by date either way (as Elasticsearch and Solr sort), where Whoosh's
    column default put the undated first in "newest"."""
    from search.engine.backend import ChineseWhooshSearchBackend
    from search.query import search

    def page():
        p = search(q, filters, sort=sort, per_page=50)
        return p.total, [h["report"] for h in p.hits], [(f["name"], f["values"]) for f in p.facets]

    ours = page()
    monkeypatch.setattr(ChineseWhooshSearchBackend, "_evaluated", lambda self, *a, **k: None)
    theirs = page()
    if sort == "newest":
        dated = [r for r in theirs[1] if r.published]
        theirs = (theirs[0], dated + [r for r in theirs[1] if not r.published], theirs[2])
    assert [r.pk for r in ours[1]] == [r.pk for r in theirs[1]] and ours[0] == theirs[0] > 0
    assert ours[2] == theirs[2]
    if sort in ("newest", "oldest"):
        assert [bool(r.published) for r in ours[1]] == sorted((bool(r.published) for r in ours[1]), reverse=True)


@pytest.mark.django_db
def test_a_query_it_cannot_evaluate_still_answers():
    from haystack import connections

    backend = connections["default"].get_backend()
    found = backend.search("扶*", end_offset=10)
    assert found["hits"] >= 2 and found["results"]
    assert backend._evaluated(backend._shared_searcher(), "扶*") is None


def test_postings_of_another_codec_are_read_through_the_matcher_interface(ix, monkeypatch):
    from whoosh.matching.wrappers import WrappingMatcher

    with ix.searcher() as searcher:
        reader = searcher.leaf_searchers()[2][0].reader()  # the segment without deletions
        assert not reader.has_deletions()
        expected = postings.term_postings(reader, "text", "扶贫", values=True)
        real = type(reader).postings
        monkeypatch.setattr(type(reader), "postings", lambda self, *a, **k: WrappingMatcher(real(self, *a, **k)))
        ids, weights, values = postings.term_postings(reader, "text", "扶贫", values=True)
    assert list(ids) == list(expected[0]) and list(weights) == list(expected[1]) and values == expected[2]


def test_the_postings_cache_keeps_within_its_limit_and_answers_the_same(ix, monkeypatch):
    monkeypatch.setattr(postings.POSTINGS, "limit", 4000)  # bytes: a few terms
    postings.POSTINGS.clear()
    with ix.searcher() as searcher:
        for text in QUERIES:
            q = QueryParser("text", ix.schema).parse(text)
            first = _ours(searcher, q)
            assert _ours(searcher, q) == first
            assert postings.POSTINGS.size <= 4000
    postings.POSTINGS.clear()


def test_an_index_with_no_segment_answers_nothing(tmp_path, postings_cache):
    empty = index.create_in(str(tmp_path), _schema())
    with empty.searcher() as searcher:
        for leaf, _offset in searcher.leaf_searchers():
            assert not len(ev.evaluate(wq.Term("text", "扶贫"), leaf, searcher).ids)
            assert not len(ev.evaluate(wq.Phrase("text", ["扶贫", "车间"]), leaf, searcher).ids)
