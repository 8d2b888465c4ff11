"""Ingest and index throughput on real news, beside the baselines of the same run.

1. tokenisation floor: jieba search-mode segmentation alone, one core;
2. ingest end to end (clean, extract, store, index) with worker processes;
3. index rebuild from the database (this project's backend: the same bulk writer);
4. baseline: haystack 3.4's stock Whoosh update() (update_document per report)
   with the same analyzer, on the first BASELINE_DOCS reports.
Medians over --repeat runs where a run is cheap; figures into docs/BENCHMARKS.md.

usage: python bench/ingest.py [--docs 10000] [--workers 2]
"""

import argparse
import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.harness import TreeMemory, as_file, machine, median, require_corpus, setup_django, write_section, xwlb  # noqa: E402

BASELINE_DOCS = 10000  # stock update() slows as its index grows: measured on up to this many reports


def dir_size_mb(path):
    return sum(p.stat().st_size for p in Path(path).rglob("*") if p.is_file()) / 2**20


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=10000)
    ap.add_argument("--workers", type=int, default=os.cpu_count())
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument(
        "--baseline-docs",
        type=int,
        default=BASELINE_DOCS,
        help="reports for the stock haystack baseline (it slows as its index grows)",
    )
    args = ap.parse_args()
    require_corpus("xwlb.jsonl.gz")
    var = setup_django()
    import jieba
    from django.conf import settings

    from archive.intake.batch import ingest_many
    from archive.models import Report
    from search.analysis import segment

    counted = {"items": 0, "chars": 0}

    def files():  # read from the corpus as the ingest takes them, as a user's files are read from disk
        for it in xwlb(args.docs):
            counted["items"] += 1
            counted["chars"] += len(it["text"]) + len(it["title"])
            yield as_file(it)

    # 2. ingest end to end
    def cpu(who):
        r = resource.getrusage(who)
        return r.ru_utime + r.ru_stime

    cpu_main = cpu(resource.RUSAGE_SELF)
    t = time.perf_counter()
    with TreeMemory() as memory:
        outcomes = ingest_many(files(), workers=args.workers)
    n_items, chars = counted["items"], counted["chars"]
    ingest_s = time.perf_counter() - t
    cpu_main, cpu_children = cpu(resource.RUSAGE_SELF) - cpu_main, memory.descendants_cpu()
    created = sum(o.status == "created" for o in outcomes)
    peak_main = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    index_path = settings.HAYSTACK_CONNECTIONS["default"]["PATH"]
    segments = len(list(Path(index_path).glob("*.seg")))

    # 1. floor: jieba search mode alone (measured after the ingest: jieba stays out of its memory)
    jieba.initialize()
    sample = [it["title"] + "\n" + it["text"] for it in xwlb(min(2000, args.docs))]
    floor_runs = []
    for _ in range(args.repeat):
        t = time.perf_counter()
        for text in sample:
            list(jieba.cut_for_search(text))
        floor_runs.append(time.perf_counter() - t)
    floor_docs = len(sample) / median(floor_runs)
    floor_chars = sum(map(len, sample)) / median(floor_runs)
    t = time.perf_counter()
    for text in sample:
        segment(text)
    analyzer_docs = len(sample) / (time.perf_counter() - t)

    # 4. baseline: stock haystack update() (update_document per object), same analyzer
    from haystack import connections
    from haystack.backends.whoosh_backend import WhooshSearchBackend

    backend = connections["default"].get_backend()
    index = connections["default"].get_unified_index().get_index(Report)
    pks = list(Report.objects.order_by("pk").values_list("pk", flat=True)[: min(args.baseline_docs, args.docs)])
    objs = [obj for i in range(0, len(pks), 500) for obj in index.index_queryset().filter(pk__in=pks[i : i + 500])]
    backend.clear()
    backend.storage.supports_mmap = True  # haystack's own storage (this project turns mmap off: DECISIONS)
    backend.index = backend.storage.open_index(schema=backend.schema)
    t = time.perf_counter()
    for i in range(0, len(objs), 1000):  # haystack's default batch size
        WhooshSearchBackend.update(backend, index, objs[i : i + 1000])
    stock_s = time.perf_counter() - t
    stock_rate = len(objs) / stock_s
    backend.storage.supports_mmap = False
    backend.index = backend.storage.open_index(schema=backend.schema)

    # 3. rebuild from the database
    from search.indexing import rebuild

    t = time.perf_counter()
    n = rebuild()
    rebuild_s = time.perf_counter() - t
    size = dir_size_mb(index_path)
    segments_after = len(list(Path(index_path).glob("*.seg")))

    rate = created / ingest_s
    body = f"""Machine: {machine()}.
Corpus: the first {n_items:,} items of xwlb.jsonl.gz ({chars / 1e6:.1f} M characters, {chars / n_items:.0f} a report).

| measure | figure |
|---|---|
| tokenisation floor: jieba search mode alone, one core (median of {args.repeat}) | {floor_docs:.0f} reports/s, {floor_chars / 1e6:.2f} M chars/s |
| this project's index analyzer (t2s + jieba + parts + junctions), one core | {analyzer_docs:.0f} reports/s |
| ingest end to end (decode → store → index), {args.workers} workers + 1 writer | **{rate:.0f} reports/s** ({ingest_s:.0f} s for {created:,}), {rate / floor_docs:.2f}× the floor |
| CPU time a report: main process (store, feed the writer) / workers and index sub-writers (sampled from /proc) | {cpu_main / n_items * 1000:.1f} ms / {cpu_children / n_items * 1000:.1f} ms ({(cpu_main + cpu_children) / ingest_s:.2f} cores busy on average) |
| peak memory of the whole ingest (every process, PSS: shared pages counted once; sampled every 0.25 s) | **{memory.total:,} MB** |
| peak anonymous memory (RssAnon; a process started by the fork server counts its shared dictionaries too): main process / largest worker or sub-writer | {memory.main:,} MB / {memory.child:,} MB |
| peak RSS of the main process (ru_maxrss, counts mapped index files) | {peak_main:.0f} MB |
| index after ingest | {segments} segments |
| segments in the index after the rebuild | {segments_after} |
| index rebuild from the database | {n / rebuild_s:.0f} reports/s ({rebuild_s:.0f} s), index {size:.0f} MB |
| baseline: stock haystack Whoosh update() on haystack's own storage (mmap), same analyzer, {len(objs):,} reports | {stock_rate:.0f} reports/s |
| ingest rate / stock update_index rate | {rate / stock_rate:.1f}× |
"""
    write_section(f"Ingest and index, {n_items:,} reports", body)
    print(body)
    print("var:", var)


if __name__ == "__main__":
    main()
