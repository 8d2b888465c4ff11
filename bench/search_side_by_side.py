"""The search page side by side: several trees' code over one archive, measured alternately.

Each tree (this one, a base commit's worktree) runs in its own process over the archive in --var
(built once, e.g. by bench/pages.py --docs 73768 --var DIR), in the order A B … B A, and each run
times the search page over the query set (bench/workload.py), HTML and JSON, --repeat runs each
after a warm-up. Prints p50/p95 per tree and per query; --section writes them into BENCHMARKS.md.

usage: python bench/search_side_by_side.py --var DIR --trees /tmp/base . [--repeat 3] [--section]
"""

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.harness import machine, median, percentile, setup_django, write_section  # noqa: E402
from bench.workload import search_urls  # noqa: E402


def measure(var, code, repeat):
    setup_django(var, code_root=code, migrate=False)
    from django.test import Client

    client = Client()
    urls = search_urls()
    for _label, path, params in urls:
        client.get(path, params)
        client.get(path, {**params, "format": "json"})
    per_query, by_format = {}, {"html": [], "json": []}
    for _ in range(repeat):
        for label, path, params in urls:
            for fmt, extra in (("html", {}), ("json", {"format": "json"})):
                t = time.perf_counter()
                response = client.get(path, {**params, **extra})
                took = time.perf_counter() - t
                by_format[fmt].append(took)
                per_query.setdefault(label, []).append(took)
                if fmt == "json":
                    per_query.setdefault(label + " hits", response.json()["total"])
    from django.db import connection

    connection.close()
    return {"by_format": by_format, "per_query": per_query, "machine": machine()}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--var", required=True)
    ap.add_argument("--trees", nargs="+")
    ap.add_argument("--names", nargs="+")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--measure", default=None, help="(internal) measure this tree and print JSON")
    ap.add_argument("--section", action="store_true")
    args = ap.parse_args()
    if args.measure:
        print(json.dumps(measure(args.var, args.measure, args.repeat)))
        return
    trees = [str(Path(t).resolve()) for t in args.trees]
    names = args.names or trees
    order = trees + trees[::-1]
    runs = {t: [] for t in trees}
    for tree in order:
        print(f"measuring {tree} …", file=sys.stderr, flush=True)
        out = subprocess.run(
            [sys.executable, __file__, "--var", args.var, "--measure", tree, "--repeat", str(args.repeat)],
            capture_output=True,
            text=True,
        )
        if out.returncode:
            sys.exit(out.stderr[-3000:])
        runs[tree].append(json.loads(out.stdout.strip().splitlines()[-1]))
    lines = [
        "| code | run | HTML p50 | HTML p95 | JSON p50 | JSON p95 | both p50 | both p95 |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for tree, name in zip(trees, names):
        for i, r in enumerate(runs[tree], 1):
            h, j = r["by_format"]["html"], r["by_format"]["json"]
            cells = [median(h), percentile(h, 95), median(j), percentile(j, 95), median(h + j), percentile(h + j, 95)]
            lines.append(f"| {name} | {i} | " + " | ".join(f"{x * 1000:.1f}" for x in cells) + " |")
    labels = [k for k in runs[trees[0]][0]["per_query"] if not k.endswith(" hits")]
    lines += [
        "",
        "| query | hits | " + " | ".join(f"{n} ms (median)" for n in names) + " |",
        "|---|---|" + "---|" * len(names),
    ]
    for label in labels:
        cells = [statistics.median([t for r in runs[tree] for t in r["per_query"][label]]) * 1000 for tree in trees]
        hits = [runs[tree][0]["per_query"].get(label + " hits") for tree in trees]
        lines.append(
            f"| {label} | {' / '.join(str(h) for h in dict.fromkeys(hits))} | "
            + " | ".join(f"{c:.1f}" for c in cells)
            + " |"
        )
    text = "\n".join(lines)
    print(text)
    if args.section:
        write_section(
            "Search page side by side at the full corpus",
            f"Machine: {runs[trees[0]][0]['machine']}.\nArchive in {args.var}; runs in the order {', '.join(names + names[::-1])}, each "
            f"{args.repeat} passes over {len(labels)} searches (bench/workload.py) in HTML and JSON after a warm-up "
            "(Django test client, DEBUG off). Milliseconds.\n\n" + text,
        )


if __name__ == "__main__":
    main()
