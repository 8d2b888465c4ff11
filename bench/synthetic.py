"""The archive at a multiple of the corpus: a synthetic corpus of recombined real paragraphs, ingested
and searched beside the real corpus in the same run.

The synthetic corpus is made on the fly and never written down: --scale passes over xwlb.jsonl.gz;
in each, every real item gives one synthetic report with the item's title and its number of
paragraphs, the paragraphs drawn without replacement from a pool of the last POOL items' paragraphs
(so each real paragraph is used about once a pass, next to paragraphs of other reports), its own id
(the pass and the item's id) and its own date (drawn from the corpus's range of dates). Memory: the
pool only (POOL items), whatever the scale.

A run (one archive, one process): the real corpus (--scale 0) or the synthetic one at --scale N
ingested through the product (2 workers + 1 writer, as bench/ingest.py), the one-core jieba floor
measured after it in the same process, the peak memory of every process of the ingest (PSS summed,
as bench/ingest.py), the index's size on disk, and the search page over the query set
(bench/workload.py, HTML and JSON, --repeat runs after a warm-up). --all runs the real corpus and
scale 4, each in a process of its own, and writes the section of docs/BENCHMARKS.md.

usage: python bench/synthetic.py --all [--scale 4] [--docs N]
       python bench/synthetic.py --scale 4 [--docs N]      (one run, prints JSON)
"""

import argparse
import json
import random
import shutil
import subprocess
import sys
import time
from collections import deque
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench import harness  # noqa: E402

POOL = 2000  # items whose paragraphs a synthetic report draws from
SEED = 20261204
FIRST_DAY, LAST_DAY = date(2012, 7, 2), date(2026, 6, 11)  # the corpus's range of dates


def paragraphs(text):
    return (
        [p for p in text.split("\r\n") if p.strip()] if "\r\n" in text else [p for p in text.split("\n") if p.strip()]
    )


def _report(item, rnd, rng, pool, span):
    """One synthetic report for a real item: its title and number of paragraphs, paragraphs drawn
    from the pool without replacement, an id and a date of its own."""
    drawn = []
    for _ in range(min(max(1, len(paragraphs(item["text"]))), len(pool))):
        k = rng.randrange(len(pool))
        pool[k], pool[-1] = pool[-1], pool[k]
        drawn.append(pool.pop())
    if not drawn:  # (the pool ran dry at the end of a pass: an item with no paragraph of its own)
        drawn = [item["text"]]
    day = FIRST_DAY + timedelta(days=rng.randrange(span + 1))
    return {
        "id": f"S{rnd}-{item['id']}",
        "date": day.strftime("%Y%m%d"),
        "title": item["title"],
        "text": "\r\n".join(drawn),
    }


def synthetic(items, scale, pool_items=POOL, seed=SEED):
    """Synthetic news items (dicts with id, date, title, text) from `items`, a function returning a
    fresh iterator over the real items: `scale` passes over them, each item giving one report."""
    span = (LAST_DAY - FIRST_DAY).days
    for rnd in range(scale):
        rng = random.Random(seed + rnd)
        pool, queue = [], deque()  # pool: paragraphs not yet drawn; queue: items read, not yet given
        for item in items():
            pool.extend(paragraphs(item["text"]))
            queue.append(item)
            if len(queue) > pool_items:
                yield _report(queue.popleft(), rnd, rng, pool, span)
        while queue:
            yield _report(queue.popleft(), rnd, rng, pool, span)


def one_run(scale, docs, repeat):
    from bench.workload import search_urls

    var = harness.setup_django()
    import jieba
    from django.conf import settings
    from django.test import Client

    from archive.intake.batch import ingest_many
    from archive.models import Report

    def real():
        return harness.xwlb(docs)

    source = real() if scale == 0 else synthetic(real, scale)
    counted = {"items": 0, "chars": 0}

    def files():
        for it in source:
            counted["items"] += 1
            counted["chars"] += len(it["title"]) + len(it["text"])
            yield harness.as_file(it)

    t = time.perf_counter()
    with harness.TreeMemory() as memory:
        outcomes = ingest_many(files(), workers=2)
    ingest_s = time.perf_counter() - t
    created = sum(o.status == "created" for o in outcomes)
    index_path = Path(settings.HAYSTACK_CONNECTIONS["default"]["PATH"])
    index_bytes = sum(p.stat().st_size for p in index_path.rglob("*") if p.is_file())
    segments = len(list(index_path.glob("*.seg")))

    jieba.initialize()
    sample = [it["title"] + "\n" + it["text"] for it in harness.xwlb(2000)]
    t = time.perf_counter()
    for text in sample:
        list(jieba.cut_for_search(text))
    floor = len(sample) / (time.perf_counter() - t)

    client = Client()
    urls = search_urls()
    for _label, path, params in urls:  # warm-up: the searcher, the per-segment caches
        client.get(path, params)
        client.get(path, {**params, "format": "json"})
    times = []
    for _ in range(repeat):
        for _label, path, params in urls:
            for extra in ({}, {"format": "json"}):
                t = time.perf_counter()
                client.get(path, {**params, **extra})
                times.append(time.perf_counter() - t)
    return {
        "scale": scale,
        "items": counted["items"],
        "chars": counted["chars"],
        "reports": Report.objects.count(),
        "created": created,
        "ingest_s": ingest_s,
        "rate": created / ingest_s,
        "ms_per_report": ingest_s / created * 1000,
        "floor": floor,
        "share": created / ingest_s / floor,
        "memory_pss_mb": memory.total,
        "memory_main_mb": memory.main,
        "memory_child_mb": memory.child,
        "index_mb": index_bytes / 2**20,
        "index_kib_per_report": index_bytes / 1024 / created,
        "segments": segments,
        "search_p50_ms": harness.median(times) * 1000,
        "search_p95_ms": harness.percentile(times, 95) * 1000,
        "searches": len(times),
        "var": str(var),
        "machine": harness.machine(),
    }


def section(runs, commit, load):
    real, *synth = runs
    lines = [
        f"Code `{commit}`; machine: {real['machine']}; load before the runs (uptime): {load}.",
        "The real corpus (xwlb.jsonl.gz) and the synthetic one (bench/synthetic.py: recombined real paragraphs, "
        "own ids and dates, made on the fly), each ingested into a fresh archive through the product "
        "(2 workers + 1 writer), then the search page over the query set (bench/workload.py, HTML and JSON).",
        "",
        "| corpus | reports stored | ingest | ms a report | ÷ 1× | share of the floor (floor) | peak memory, every process (PSS) "
        "| main / largest child (RssAnon) | index | KiB a report | ÷ 1× | segments | search p50 | search p95 |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in runs:
        name = "real, 1×" if r["scale"] == 0 else f"synthetic, {r['scale']}×"
        lines.append(
            f"| {name} | {r['created']:,} of {r['items']:,} | {r['rate']:.0f} reports/s ({r['ingest_s']:.0f} s) | "
            f"{r['ms_per_report']:.2f} | {r['ms_per_report'] / real['ms_per_report']:.2f} | "
            f"{r['share']:.2f} ({r['floor']:.0f}/s) | {r['memory_pss_mb']:,} MB | {r['memory_main_mb']} / {r['memory_child_mb']} MB | "
            f"{r['index_mb']:,.0f} MB | {r['index_kib_per_report']:.1f} | "
            f"{r['index_kib_per_report'] / real['index_kib_per_report']:.2f} | {r['segments']} | "
            f"{r['search_p50_ms']:.0f} ms | {r['search_p95_ms']:.0f} ms |"
        )
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", type=int, default=4, help="passes over the corpus (0: the real corpus itself)")
    ap.add_argument("--docs", type=int, default=None, help="real items a pass reads (default: all)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--all", action="store_true", help="the real corpus, then --scale; writes BENCHMARKS.md")
    args = ap.parse_args()
    harness.require_corpus("xwlb.jsonl.gz")
    if not args.all:
        print(json.dumps(one_run(args.scale, args.docs, args.repeat)))
        return
    load = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    commit = subprocess.run(
        ["git", "-C", str(harness.ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    runs = []
    for scale in (0, args.scale):
        cmd = [sys.executable, __file__, "--scale", str(scale), "--repeat", str(args.repeat)]
        if args.docs:
            cmd += ["--docs", str(args.docs)]
        print("==", " ".join(cmd), flush=True)
        out = subprocess.run(cmd, capture_output=True, text=True)
        if out.returncode:
            sys.exit(out.stderr[-3000:])
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
        shutil.rmtree(runs[-1]["var"], ignore_errors=True)  # gigabytes at 4×
        print(json.dumps(runs[-1]), flush=True)
    body = section(runs, commit, load)
    title = "The archive at 4× the corpus" if not args.docs else f"The archive at {args.scale}× {args.docs:,} items"
    harness.write_section(title, body)
    print(body)


if __name__ == "__main__":
    main()
