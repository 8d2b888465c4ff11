"""`make bench-check`: this working tree against a base commit, measured alternately on this machine.

The base (BASE=, default: the commit docs/BENCHMARKS.md names on its "Last full run:" line) is
checked out with `git worktree` into a temporary folder. bench/check_run.py then runs four times,
base, this tree, this tree, base (the machine's drift falls on both alike), each on a fresh
10,000-report archive: the ingest's share of the one-core jieba floor measured in the same run,
the search page's p95 over the query set (HTML and JSON), and each page's p95. It fails (exit 1)
when, on the means of the two runs each, this tree's ingest share, search p95 or any page's p95
is more than 10 % worse than the base's (and worse by more than TOLERANCE_MS, below which this
machine cannot tell two timings apart). Not in CI: too long, and too noisy on a shared runner.

usage: python bench/check.py [--base REF] [--docs 10000] [--keep]
"""

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BENCHMARKS = ROOT / "docs" / "BENCHMARKS.md"
WORSE = 0.10  # more than this much worse fails
TOLERANCE_MS = 1.0
NOISY = 1.25  # the floor's spread between runs beyond which the report warns that the machine was shared
LAST_RUN = re.compile(r"^Last full run: `?([0-9a-f]{7,40})`?", re.M)


def default_base():
    found = LAST_RUN.search(BENCHMARKS.read_text("utf-8")) if BENCHMARKS.exists() else None
    if not found:
        sys.exit(f'{BENCHMARKS} names no "Last full run: <commit>" line: give BASE=<ref>')
    return found[1]


def run(tree, docs):
    out = subprocess.run(
        [sys.executable, str(HERE / "check_run.py"), "--code", str(tree), "--docs", str(docs)],
        cwd=tree,
        capture_output=True,
        text=True,
    )
    if out.returncode:
        sys.exit(f"the run in {tree} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def mean(xs):
    return sum(xs) / len(xs)


def compare(base_runs, work_runs):
    """[(measure, base, this, change, ok)]: higher is better for the ingest share, lower for timings."""
    rows = []

    def add(name, get, higher_better=False, unit=""):
        b, w = mean([get(r) for r in base_runs]), mean([get(r) for r in work_runs])
        change = (w - b) / b if b else 0.0
        worse = -change if higher_better else change
        ok = worse <= WORSE or (unit == "ms" and abs(w - b) <= TOLERANCE_MS)
        rows.append((name, b, w, change, ok, unit))

    add("ingest share of the jieba floor", lambda r: r["share"], higher_better=True)
    add("search page p95 (HTML and JSON)", lambda r: r["search"]["both"]["p95_ms"], unit="ms")
    for page in base_runs[0]["pages"]:
        if all(page in r["pages"] for r in base_runs + work_runs):
            add(f"page p95: {page}", lambda r, page=page: r["pages"][page]["p95_ms"], unit="ms")
    return rows


def report(base, base_runs, work_runs, rows):
    lines = [
        f"base {base} against the working tree, {base_runs[0]['reports']:,} reports, runs: base, this, this, base",
        "",
        "| run | jieba floor (reports/s) | ingest (reports/s) | share of the floor | search p50 ms | search p95 ms |",
        "|---|---|---|---|---|---|",
    ]
    for label, r in zip(("base 1", "this 1", "this 2", "base 2"), (base_runs[0], *work_runs, base_runs[1])):
        s = r["search"]["both"]
        lines.append(
            f"| {label} | {r['floor']:.0f} | {r['ingest_rate']:.0f} | {r['share']:.3f} | {s['p50_ms']:.1f} | "
            f"{s['p95_ms']:.1f} |"
        )
    ordered = (base_runs[0], *work_runs, base_runs[1])
    lines += ["", "| page p95 ms, each run | base 1 | this 1 | this 2 | base 2 |", "|---|---|---|---|---|"]
    for page in base_runs[0]["pages"]:
        cells = [f"{r['pages'][page]['p95_ms']:.1f}" if page in r["pages"] else "–" for r in ordered]
        lines.append(f"| {page} | " + " | ".join(cells) + " |")
    lines += ["", "| measure (mean of two runs) | base | this tree | change | within 10 % |", "|---|---|---|---|---|"]
    for name, b, w, change, ok, unit in rows:
        fmt = ".1f" if unit == "ms" else ".3f"
        lines.append(
            f"| {name} | {b:{fmt}}{' ' + unit if unit else ''} | {w:{fmt}} | {change:+.0%} | {'yes' if ok else '**no**'} |"
        )
    failed = [name for name, _b, _w, _c, ok, _u in rows if not ok]
    floors = [r["floor"] for r in ordered]
    if max(floors) > NOISY * min(floors):
        lines += [
            "",
            f"warning: the machine's own speed (the jieba floor) varied {max(floors) / min(floors):.1f}x between the "
            "runs (another process shared the cores): the timings are not comparable; run again on a quiet machine.",
        ]
    lines += ["", f"bench-check: {'FAILED: ' + '; '.join(failed) if failed else 'passed'}"]
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", default=None)
    ap.add_argument("--docs", type=int, default=10000)
    ap.add_argument("--keep", action="store_true", help="keep the base's worktree")
    ap.add_argument("--out", default=None, help="also write the report to this file")
    args = ap.parse_args()
    base = args.base or default_base()
    folder = Path(tempfile.mkdtemp(prefix="fupin-bench-base-")) / "tree"
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(folder), base], check=True)
    if (folder / "archive" / "management" / "commands" / "fetch_models.py").exists():  # the base's tagger model,
        subprocess.run(  # from the download cache (no network when the dev install fetched it)
            [sys.executable, "manage.py", "fetch_models", "-v0"], cwd=folder, check=True
        )
    try:
        runs = {"base": [], "this": []}
        for who in ("base", "this", "this", "base"):
            tree = folder if who == "base" else ROOT
            print(f"bench-check: {who} ({tree}) …", file=sys.stderr, flush=True)
            runs[who].append(run(tree, args.docs))
        rows = compare(runs["base"], runs["this"])
        text = report(base, runs["base"], runs["this"], rows)
    finally:
        if not args.keep:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(folder)], check=False)
            shutil.rmtree(folder.parent, ignore_errors=True)
    print(text)
    if args.out:
        Path(args.out).write_text(text + "\n", "utf-8")
    sys.exit(0 if all(ok for *_x, ok, _u in rows) else 1)


if __name__ == "__main__":
    main()
