import pytest
from whoosh.index import LockError

from search import indexing
from search.engine.backend import ChineseWhooshSearchBackend
from search.query import parse_query, search

pytestmark = pytest.mark.django_db


def test_lock_errors_are_retried_not_shown(monkeypatch):
    monkeypatch.setattr(indexing.time, "sleep", lambda s: None)
    calls = []

    def flaky():
        calls.append(1)
        if len(calls) < 3:
            raise LockError("busy")
        return "done"

    assert indexing._retry(flaky) == "done" and len(calls) == 3


def test_deferred_collects_one_batch(monkeypatch):
    written = []
    monkeypatch.setattr(indexing, "_backend_and_index", lambda: (None, None))
    real = indexing.index_reports

    def fake(pks):
        if getattr(indexing._local, "pending", None) is not None:
            return real(pks)
        written.append(sorted(pks))

    monkeypatch.setattr(indexing, "index_reports", fake)
    with indexing.deferred():
        indexing.index_reports([3, 1])
        indexing.index_reports([2, 3])
    assert written == [[1, 2, 3]]


def test_rebuild_from_the_database_gives_the_same_answers():
    before = search("脱贫").total
    assert indexing.rebuild() == 5
    assert search("脱贫").total == before == 5


def test_a_big_update_goes_through_the_multi_process_writer(monkeypatch):
    from search.engine import segment_writer, writer

    used = []
    monkeypatch.setattr(writer, "MP_MIN_DOCS", 2)
    monkeypatch.setattr(writer.os, "cpu_count", lambda: 2)  # as on a one-core machine too
    monkeypatch.setattr(
        segment_writer.BulkMpWriter,
        "_new_task",
        lambda self, real=segment_writer.BulkMpWriter._new_task: used.append(1) or real(self),
    )
    before = search("脱贫").total
    pks = list(indexing._backend_and_index()[1].index_queryset().values_list("pk", flat=True))
    indexing.index_reports(pks)  # re-adds all five: replaced, not doubled
    assert used and search("脱贫").total == before == 5


def test_facet_counts_come_from_every_match_not_the_page():
    page = search("", per_page=1)
    assert len(page.hits) == 1
    scripts = {v["value"]: v["count"] for f in page.facets if f["name"] == "script" for v in f["values"]}
    assert sum(scripts.values()) == 5


def test_query_parsing():
    assert parse_query("") is None
    assert "AND" in str(parse_query("平利 汉阴")) and "OR" in str(parse_query("平利 OR 汉阴"))
    assert "NOT" in str(parse_query("脱贫 -平利"))


def test_the_backend_is_the_chinese_one():
    from haystack import connections

    assert isinstance(connections["default"].get_backend(), ChineseWhooshSearchBackend)


def test_an_index_of_an_older_analyzer_is_rebuilt(monkeypatch):
    from search import analysis

    assert indexing.schema_is_current()
    monkeypatch.setattr(analysis, "ANALYZER_VERSION", analysis.ANALYZER_VERSION + 1)
    from haystack import connections

    backend = connections["default"].get_backend()
    backend.setup_complete = False
    backend.analyzer = analysis.ChineseAnalyzer()
    try:
        assert not indexing.schema_is_current()
    finally:
        monkeypatch.undo()
        backend.analyzer = analysis.ChineseAnalyzer()
        backend.setup_complete = False
        backend.setup()
    assert indexing.schema_is_current()


def test_haystacks_own_commands_work_through_the_backend():
    import io

    from django.core.management import call_command

    call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())
    assert search("脱贫").total == 5
    call_command("rebuild_index", interactive=False, stdout=io.StringIO(), stderr=io.StringIO())
    assert search("脱贫").total == 5


def test_zero_hits_offer_the_words_alone_and_the_query_without_filters():
    page = search("平利 汉阴")
    assert page.total == 0 and dict(page.related) == {"平利": 1, "汉阴": 1}
    page = search("平利", {"province": ["140000"]})
    assert page.total == 0 and dict(page.related) == {"平利": 1}


def test_the_inlining_codec_writes_segments_the_stock_reader_reads(tmp_path):
    from whoosh import index
    from whoosh.fields import ID, TEXT, Schema
    from whoosh.query import Phrase, Term

    from search.engine.codec import INLINE_LIMIT, InliningCodec
    from search.engine.fields import FacetKeyword

    ix = index.create_in(
        tmp_path, Schema(id=ID(stored=True, unique=True), text=TEXT(phrase=True), province=FacetKeyword())
    )
    with ix.writer(codec=InliningCodec()) as w:
        for i in range(INLINE_LIMIT + 2):
            w.add_document(id=str(i), text=f"common rare{i} tail", province=f"p{i % 2},only{i}")
    with ix.reader() as r:  # rare terms live in their term entry; frequent ones in posting blocks
        assert r.term_info("text", "rare1").is_inlined() and not r.term_info("text", "common").is_inlined()
        assert not r.term_info("id", "1").is_inlined()  # no values to inline with: a block, as stock
    with ix.writer(codec=InliningCodec()) as w:
        w.add_document(id="x", text="common rare0 tail", province="only1")
        w.merge = False
    ix.optimize()  # the stock writer reads both segments and merges them
    with ix.searcher() as s:
        assert sorted(h["id"] for h in s.search(Term("text", "rare0"))) == ["0", "x"]
        assert [h["id"] for h in s.search(Term("id", "3"))] == ["3"]
        assert sorted(h["id"] for h in s.search(Term("province", "only1"))) == ["1", "x"]
        assert len(s.search(Term("province", "p0"), limit=None)) == (INLINE_LIMIT + 2) // 2
        assert len(s.search(Term("text", "common"), limit=None)) == INLINE_LIMIT + 3
        assert [h["id"] for h in s.search(Phrase("text", ["rare1", "tail"]))] == ["1"]  # positions kept


def test_searching_copies_no_segment_file_into_memory():
    """Whoosh's mmap path wraps each file of a compound segment in a BytesIO copy (1 GB at the
    full corpus, in every searching process); the backend reads them through file handles."""
    from haystack import connections
    from whoosh.filedb.structfile import BufferFile

    backend = connections["default"].get_backend()
    searcher = backend._shared_searcher()
    readers = [leaf.reader() for leaf, _ in searcher.leaf_searchers()]
    assert readers and any(r.segment().is_compound() for r in readers)
    for reader in readers:
        assert not isinstance(reader._terms._postfile, BufferFile)
    assert search("扶贫").total >= 2


def test_a_thread_that_never_searched_reads_the_index_version():
    """haystack's backends are per thread and a Whoosh backend has no storage until its first setup():
    a thread's first version() (a summary page, the summary watcher) must not take it for a server engine."""
    import threading

    seen = {}
    thread = threading.Thread(target=lambda: seen.update(v=indexing.version(), current=indexing.schema_is_current()))
    thread.start()
    thread.join(30)
    assert seen == {"v": indexing.version(), "current": True} and seen["v"] is not None
