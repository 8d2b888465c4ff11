"""Where the search page's time goes: the query set through the page (HTML and JSON), timed, then profiled.

Runs against an archive a previous benchmark left (--var), with the code of --code (default: this
tree; a base commit's worktree to profile it the same way). Prints p50/p95 of the page per format,
then a pyinstrument profile of --rounds passes over every query (text, into --out) and cProfile's
heaviest functions by their own time.

usage: python bench/search_profile.py --var DIR [--code TREE] [--rounds 3] [--out bench/out/profile.txt]
"""

import argparse
import cProfile
import io
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.harness import median, percentile, setup_django  # noqa: E402
from bench.workload import search_urls  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--var", required=True)
    ap.add_argument("--code", default=None)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--out", default=None)
    ap.add_argument("--formats", default="json,html")
    args = ap.parse_args()
    setup_django(args.var, code_root=args.code, migrate=False)
    from django.test import Client

    client = Client()
    urls = search_urls()
    formats = args.formats.split(",")

    def get(params, fmt):
        return client.get("/search/", {**params, "format": fmt} if fmt != "html" else params)

    for _label, _path, params in urls:  # warm-up: jieba, the searcher, the per-segment caches
        for fmt in formats:
            get(params, fmt)
    for fmt in formats:
        ts = []
        for _ in range(args.rounds):
            for _label, _path, params in urls:
                t = time.perf_counter()
                get(params, fmt)
                ts.append(time.perf_counter() - t)
        print(f"{fmt}: p50 {median(ts) * 1000:.1f} ms, p95 {percentile(ts, 95) * 1000:.1f} ms over {len(ts)} requests")

    from pyinstrument import Profiler

    profiler = Profiler(interval=0.0005)
    profiler.start()
    for _ in range(args.rounds):
        for _label, _path, params in urls:
            for fmt in formats:
                get(params, fmt)
    profiler.stop()
    text = profiler.output_text(unicode=True, color=False, show_all=False)
    if args.out:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(text, "utf-8")
    print(text)

    prof = cProfile.Profile()
    prof.enable()
    for _label, _path, params in urls:
        for fmt in formats:
            get(params, fmt)
    prof.disable()
    out = io.StringIO()
    pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(25)
    print(out.getvalue())


if __name__ == "__main__":
    main()
