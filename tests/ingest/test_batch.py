"""The bulk path of `manage.py ingest`: batches stored in one transaction, indexed with the workers' tokens."""

import pytest
from django.db import IntegrityError

from archive.ingest import run_pipeline
from archive.intake import batch, service, uploads
from archive.intake.record import Entry
from archive.models import Report, Upload
from search import indexing
from search.engine import backend as backends
from search.query import matching_ids

pytestmark = pytest.mark.django_db

TEMPLATE = "平利县第{n}号合作社报告\n平利县{word}合作社今年带动{n}户贫困户增收，社员人均增收{n}千元。{tail}"
WORDS = ["蘑菇", "茶叶", "魔芋", "核桃", "香菇", "养蜂", "烤烟"]


def entries():
    out = [
        (f"r{n}.txt", TEMPLATE.format(n=n, word=w, tail="试点批量入库" * (n % 3 + 1)).encode())
        for n, w in enumerate(WORDS)
    ]
    out.append(("again.txt", out[2][1]))  # the same bytes twice
    out.append(("copy.txt", ("转载\n" + out[4][1].decode()).encode()))  # the same report, another file
    out.append(("empty.txt", b""))
    return out


@pytest.fixture
def bulk(monkeypatch):
    """ingest_many over the entries in batches of 3; the index entries are removed afterwards."""
    monkeypatch.setattr(batch, "STORE_BATCH", 3)
    writers = []
    real = backends.ChineseWhooshSearchBackend.bulk_writer
    monkeypatch.setattr(
        backends.ChineseWhooshSearchBackend,
        "bulk_writer",
        lambda self, *args: writers.append(real(self, *args)) or writers[-1],
    )
    outcomes = batch.ingest_many(entries(), workers=1)
    yield outcomes, writers
    indexing.remove_reports([o.report_id for o in outcomes if o.status == "created"])


def test_every_file_gets_an_outcome_in_order(bulk):
    outcomes, _writers = bulk
    assert [o.name for o in outcomes] == [name for name, _data in entries()]
    assert [o.status for o in outcomes] == ["created"] * 7 + ["duplicate", "duplicate", "failed"]
    assert outcomes[7].report_id == outcomes[2].report_id  # same bytes: the report made from them
    assert outcomes[8].report_id == outcomes[4].report_id  # a copy, stored in a later batch: linked
    assert "空的" in outcomes[9].message


def test_originals_are_kept_once_and_say_what_became_of_them(bulk):
    outcomes, _writers = bulk
    names = [o.name for o in outcomes]
    uploads = Upload.objects.filter(original_name__in=names)
    assert uploads.count() == 9  # the bytes given twice are one Upload; the empty file is not kept
    assert uploads.get(original_name="copy.txt").status == Upload.DUPLICATE
    assert uploads.get(original_name="r2.txt").status == Upload.CREATED
    report = Report.objects.get(pk=outcomes[3].report_id)
    assert report.original.read().decode().startswith("平利县第3号") and report.metrics.exists()
    report.original.close()


def test_reports_are_indexed_with_the_tokens_the_workers_computed(bulk):
    outcomes, writers = bulk
    assert writers and writers[0].resegmented == 0  # every text came with its tokens
    assert not writers[0]._short  # and its source's name and script: nothing segmented by the writer
    assert outcomes[2].report_id in matching_ids("魔芋")
    created = {o.report_id for o in outcomes if o.status == "created"}
    assert created <= set(matching_ids("试点"))  # a two-character piece of 试点批量: recall as on the serial path


def test_a_document_that_cannot_be_stored_fails_alone(monkeypatch):
    real = service.store_documents

    def picky(items, index=True):
        if any("坏" in it.doc.clean_text for it in items):
            raise IntegrityError("constraint failed")
        return real(items, index=index)

    monkeypatch.setattr(service, "store_documents", picky)
    data = [("a.txt", "甲报告\n岚皋县新建社区工厂三家。".encode()), ("b.txt", "乙报告\n坏数据一行。".encode())]
    entries = uploads.keep_uploads([Entry(n, d) for n, d in data])
    for e in entries:
        e.doc = run_pipeline(e.name, e.data)
    stored = service.store_entries(entries)
    assert [e.outcome.status for e in entries] == ["created", "failed"] and list(stored) == entries[:1]
    assert "无法存入" in entries[1].outcome.message
    bad = Upload.objects.get(pk=entries[1].upload_id)
    assert bad.status == Upload.FAILED and "重新处理" in bad.error
    indexing.remove_reports([entries[0].outcome.report_id])


def test_the_multi_process_writer_indexes_the_postings_a_worker_sent(report_of):
    """Postings travel pickled to Whoosh's sub-writer processes and are indexed as sent."""
    from search.analysis import index_postings, segment
    from search.search_indexes import indexed_text

    report = report_of(2)
    text = indexed_text(report.title, report.subtitle, report.clean_text)
    marked = index_postings(segment(text) + [("乙丙", 0, 2, 0)])  # a word the text does not hold
    try:
        with indexing.stream(commit_every=100, parallel=True) as s:
            s.add([report.pk], {text: marked})
            assert s.writer.procs > 1 and s.writer.resegmented == 0
        assert matching_ids("乙丙") == [report.pk]
    finally:
        indexing.index_reports([report.pk])  # back to what its text gives
    assert matching_ids("乙丙") == []


POOL = (
    "合作社 产业 茶园 搬迁 安置 就业 培训 电商 光伏 养殖 种植 道路 饮水 教育 医疗 住房 帮扶 干部 驻村 "
    "农户 收入 项目 资金 贷款 保险 旅游 民宿 香菇 核桃 魔芋 苹果 柑橘 肉牛 生猪 鸡蛋 蜂蜜 工厂 车间 "
    "学校 医生 护士 村民 社区 移民 山区 河谷 公路 网络 物流 仓库 冷链 市场 品牌 订单 企业 园区"
).split()


def test_a_parallel_ingest_hands_its_settings_to_the_fresh_workers(tmp_path, settings, monkeypatch):
    """Workers start from the fork server, not as copies of this process (archive/intake/workers.py):
    the settings the stages read must reach them, here a user dictionary that makes 扶贫车间 one word."""
    import random

    import jieba

    from search import analysis

    path = tmp_path / "user.dict"
    path.write_text("扶贫车间 3000 n\n", "utf-8")
    settings.SEARCH_USER_DICT = str(path)
    monkeypatch.setattr(jieba, "dt", jieba.Tokenizer())  # this process's segmenters, with the dictionary
    monkeypatch.setattr(analysis, "_rust", None)
    assert "扶贫车间" in [w for w, _s, _e in analysis.tokenize("新建扶贫车间")]
    n = batch.PARALLEL_MIN_FILES
    files = [
        (
            f"p{i}.txt",
            (
                f"岚皋县第{i}号扶贫车间报告\n"
                + "".join(w + "，" for w in random.Random(i).sample(POOL, 30))
                + f"扶贫车间带动{i}户。"
            ).encode(),
        )
        for i in range(n)
    ]
    outcomes = batch.ingest_many(files, workers=2)
    created = sorted(o.report_id for o in outcomes if o.status == "created")
    try:
        assert len(created) == n, [str(o) for o in outcomes if o.status != "created"]
        # the query is one token, 扶贫车间: found only where the workers segmented with the dictionary
        assert sorted(matching_ids("扶贫车间", expand=False)) == created
    finally:
        indexing.remove_reports(created)


def test_the_fork_server_loads_the_dictionaries_its_processes_share():
    """Workers and sub-writers are started by the fork server, which has loaded jieba's and rjieba's
    dictionaries and the name tagger's model already: each process shares them instead of loading
    its own (120 MB and 20 MB a worker)."""
    from archive.intake.workers import context

    with context().Pool(1) as pool:  # no initializer: what a process has before it does anything
        loaded = pool.apply(
            eval,
            (
                "[m in __import__('sys').modules for m in ('search.dictionaries', 'jieba')]"
                " + [__import__('archive.ingest.extract.preload').ingest.extract.preload.MODEL is not None]",
            ),
        )
    assert loaded == [True, True, True]


def test_the_processes_of_an_ingest_run_numpys_matrix_products_on_one_thread():
    """A worker per core already: BLAS threads of their own (one more per core, spinning while they
    wait) multiplied the tagger's CPU time. The fork server's processes get one BLAS thread each."""
    from archive.intake.workers import context

    product = (
        "(__import__('numpy').ones((700, 700), 'float32') @ __import__('numpy').ones((700, 700), 'float32')).shape"
        " and (__import__('os').environ.get('OPENBLAS_NUM_THREADS'), len(__import__('os').listdir('/proc/self/task')))"
    )
    with context().Pool(1) as pool:
        assert pool.apply(eval, (product,)) == ("1", 1)
