"""search.engine.segment_writer writes the very bytes Whoosh's own writer writes with InliningCodec."""

import random

from whoosh import index
from whoosh.fields import ID, NUMERIC, TEXT, Schema
from whoosh.query import Phrase, Term
from whoosh.writing import SegmentWriter

from search.analysis import ChineseAnalyzer, Presegmented, index_postings, segment
from search.engine.codec import InliningCodec
from search.engine.fields import FacetKeyword, PresegmentedPositions
from search.engine.segment_writer import BulkMpWriter, BulkSegmentWriter, TermPool

WORDS = ["扶贫", "产业", "合作社", "易地搬迁", "光伏", "电商", "茶叶", "驻村", "第一书记", "贫困户"]


def _schema():
    text = TEXT(stored=True, analyzer=ChineseAnalyzer(), phrase=True, field_boost=1.5)
    text.format = PresegmentedPositions(field_boost=1.5)
    return Schema(
        django_id=ID(stored=True, unique=True),
        text=text,
        province=FacetKeyword(),
        year=NUMERIC(stored=True, sortable=True),
        title=TEXT(stored=True, analyzer=ChineseAnalyzer()),
    )


def _docs(n, seed=7):
    rnd = random.Random(seed)
    for i in range(n):
        # common words (several blocks), middling ones, and rare ones (inlined), repeated words
        words = rnd.choices(WORDS, k=rnd.randint(1, 12)) + [f"rare{i}", f"tag{i % 5}"] * rnd.randint(1, 3)
        body = "，".join(words) + ("。" + "扶贫" * 300 if i % 97 == 0 else "")  # a long field: lossy length byte
        yield {
            "django_id": str(i),
            "text": Presegmented(body, index_postings(segment(body))),
            "province": f"p{i % 3},c{i % 11}",
            "year": 2000 + i % 20,
            "title": f"第{i}篇：{words[0]}",
        }


def _files(tmp_path, name, writer_class, docs):
    (tmp_path / name).mkdir()
    ix = index.create_in(tmp_path / name, _schema())
    w = writer_class(ix, codec=InliningCodec(), compound=False)
    for doc in docs:
        w.add_document(**doc)
    w.commit(merge=False)
    segment = ix._segments()[0]
    out = {}
    for path in (tmp_path / name).iterdir():
        if segment.segid in path.name:
            out[path.name.replace(segment.segid, "")] = path.read_bytes()
    return ix, out


def test_the_same_bytes_as_whooshs_writer(tmp_path):
    docs = list(_docs(400))  # 扶贫 in every 2nd report or so: several 128-posting blocks
    _ix, stock = _files(tmp_path, "stock", SegmentWriter, docs)
    _ix, ours = _files(tmp_path, "ours", BulkSegmentWriter, docs)
    assert set(stock) == set(ours) and {"MAIN_.trm", "MAIN_.pst"} <= set(ours)
    for ext in stock:
        assert ours[ext] == stock[ext], ext


def test_what_it_writes_reads_back(tmp_path):
    ix, _files_ = _files(tmp_path, "ours", BulkSegmentWriter, _docs(300))
    with ix.searcher() as s:
        assert [h["django_id"] for h in s.search(Term("text", "rare17"))] == ["17"]
        assert len(s.search(Term("province", "p1"), limit=None)) == 100
        assert len(s.search(Term("text", "tag3"), limit=None)) == 60
        assert [h["django_id"] for h in s.search(Phrase("text", ["rare5", "tag0"]))] == ["5"]
        everywhere = s.search(Term("text", "扶贫"), limit=None)
        assert 0 < len(everywhere) < 300


def test_an_empty_writer_and_pool(tmp_path):
    pool = TermPool()
    assert len(pool) == 0 and list(pool.grouped()) == []
    ix = index.create_in(tmp_path, _schema())
    BulkSegmentWriter(ix, codec=InliningCodec()).commit()
    assert ix.doc_count() == 0


def test_merging_segments_goes_through_the_pool(tmp_path):
    ix = index.create_in(tmp_path, _schema())
    docs = list(_docs(60))
    for part in (docs[:30], docs[30:]):
        w = BulkSegmentWriter(ix, codec=InliningCodec())
        for doc in part:
            w.add_document(**doc)
        w.commit(merge=False)
    assert len(ix._segments()) == 2
    w = BulkSegmentWriter(ix, codec=InliningCodec())
    w.commit(optimize=True)  # reads both segments' postings back into a TermPool
    assert len(ix._segments()) == 1
    with ix.searcher() as s:
        assert [h["django_id"] for h in s.search(Term("text", "rare45"))] == ["45"]
        assert len(s.search(Term("year", 2005), limit=None)) == 3


def test_the_multi_process_writer_uses_it_in_each_sub_writer(tmp_path, monkeypatch):
    ix = index.create_in(tmp_path, _schema())
    w = BulkMpWriter(
        ix, procs=2, batchsize=20, multisegment=True, codec=InliningCodec(), subargs={"codec": InliningCodec()}
    )
    for doc in _docs(100):
        w.add_document(**doc)
    w.commit(merge=False)
    assert len(ix._segments()) == 2
    with ix.searcher() as s:
        assert s.doc_count() == 100
        assert [h["django_id"] for h in s.search(Term("text", "rare99"))] == ["99"]
