"""One measuring run of `make bench-check`, with the code of one tree: prints its figures as JSON.

A fresh archive of the first --docs news items ingested through the product (its share of the
one-core jieba floor, measured in the same process after the ingest), then the search page over
the query set (bench/workload.py; HTML and JSON, --repeat runs each after a warm-up) and every
kind of page at its heaviest (bench/pages.py's set). --code is the tree whose code runs: the
working tree or a base commit's worktree; this harness and the workload always come from here,
loaded by their paths, so both trees are measured the same way.

usage: python bench/check_run.py --code TREE [--docs 10000] [--repeat 3] [--page-repeat 20]
"""

import argparse
import importlib.util
import json
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _load(name):
    spec = importlib.util.spec_from_file_location(f"bench_check_{name}", HERE / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


harness = _load("harness")
workload = _load("workload")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--code", required=True)
    ap.add_argument("--docs", type=int, default=10000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--page-repeat", type=int, default=20)
    args = ap.parse_args()
    harness.require_corpus("xwlb.jsonl.gz")
    sys.path.insert(0, str(Path(args.code).resolve()))
    harness.setup_django(code_root=Path(args.code).resolve())
    import jieba
    from django.test import Client

    from archive.models import Report

    try:
        from archive.intake.batch import ingest_many
    except ModuleNotFoundError:  # a base from before the ingest split (3d0df99 and older)
        from archive.ingest.batch import ingest_many

    t = time.perf_counter()
    outcomes = ingest_many(harness.as_file(it) for it in harness.xwlb(args.docs))
    ingest_s = time.perf_counter() - t
    created = sum(o.status == "created" for o in outcomes)
    jieba.initialize()
    sample = [it["title"] + "\n" + it["text"] for it in harness.xwlb(min(2000, args.docs))]
    t = time.perf_counter()
    for text in sample:
        list(jieba.cut_for_search(text))
    floor = len(sample) / (time.perf_counter() - t)
    rate = created / ingest_s

    client = Client()
    searches = {"html": [], "json": []}
    urls = workload.search_urls()
    for _label, path, params in urls:  # warm-up: the segmenter, the searcher, the per-segment caches
        client.get(path, params)
        client.get(path, {**params, "format": "json"})
    for _ in range(args.repeat):
        for _label, path, params in urls:
            for fmt, extra in (("html", {}), ("json", {"format": "json"})):
                t = time.perf_counter()
                client.get(path, {**params, **extra})
                searches[fmt].append(time.perf_counter() - t)

    pages = {}
    for name, url in workload.heaviest_pages().items():
        t = time.perf_counter()
        response = client.get(url)
        first = time.perf_counter() - t
        if response.streaming:
            b"".join(response.streaming_content)
        ts = []
        for _ in range(args.page_repeat):
            t = time.perf_counter()
            response = client.get(url)
            if response.streaming:
                b"".join(response.streaming_content)
            ts.append(time.perf_counter() - t)
        pages[name] = {
            "url": url,
            "status": response.status_code,
            "first_ms": first * 1000,
            "p50_ms": harness.median(ts) * 1000,
            "p95_ms": harness.percentile(ts, 95) * 1000,
        }
    both = searches["html"] + searches["json"]
    print(
        json.dumps(
            {
                "code": str(args.code),
                "reports": Report.objects.count(),
                "ingest_s": ingest_s,
                "ingest_rate": rate,
                "floor": floor,
                "share": rate / floor,
                "search": {
                    fmt: {"p50_ms": harness.median(ts) * 1000, "p95_ms": harness.percentile(ts, 95) * 1000}
                    for fmt, ts in {**searches, "both": both}.items()
                },
                "pages": pages,
                "pid": os.getpid(),
            }
        )
    )


if __name__ == "__main__":
    main()
