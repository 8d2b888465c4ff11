"""The first request of every page after another process's index commit, through the real server.

A worker's ingest (manage.py archive_worker, an upload batch) commits the index in a process that
serves no page; the web processes (gunicorn, docs/DEPLOY.md) must notice it themselves. This script
builds one archive (--docs items of xwlb.jsonl.gz, through `manage.py ingest`), then, for the base
tree (--base, checked out with `git worktree`) and this tree in turn (base, this, this, base, ...:
--runs each), starts gunicorn on 127.0.0.1 (-w --workers, gthread), reads every page --reads times
(new connections, so every worker reads each), ingests one new report with `manage.py ingest` (another
process), waits --wait seconds, and times the first request of each page (new connection each).
Prints a Markdown table: each page's first request, min and median over the runs, base / this.

usage: python bench/first_after_commit.py [--base main] [--docs 3000] [--runs 3] [--workers 2] [--var DIR]
"""

import argparse
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.harness import as_file, require_corpus, xwlb  # noqa: E402

TARGET_FIRST_MS = 150  # the performance issue's budget for the first request after an index commit
# the research tools' pages (bench/pages.py's set), beside bench/workload.heaviest_pages()
RESEARCH = {
    "trends, two terms": "/trends/?q=光伏扶贫&q=电商扶贫",
    "trends, by province": "/trends/?q=易地搬迁&by=province",
    "concordance": "/concordance/?q=易地搬迁",
    "concordance, by left context": "/concordance/?q=脱贫&sort=left&page=3",
    "spread (most mentions)": "/programme/{programme}/spread/",
    "compare, two provinces": "/compare/?region=520000&region=530000",
}
PAGES = """
import json
from bench.workload import heaviest_pages
print(json.dumps(heaviest_pages(), ensure_ascii=False))
"""


def environment(var):
    env = dict(
        os.environ,
        VAR_DIR=str(var),
        MODEL_DIR=str((ROOT / "var" / "models").resolve()),
        DJANGO_SETTINGS_MODULE="config.settings",
        DEBUG="0",
        SECRET_KEY="benchmark-only-key",
        ALLOWED_HOSTS="127.0.0.1",
        HTTPS="0",
        TASKS_BACKEND="django_tasks_db.DatabaseBackend",
    )
    for key in ("DATABASE_URL", "MEDIA_ROOT", "SEARCH_INDEX_PATH", "TEST_TMP"):
        env.pop(key, None)
    return env


def manage(tree, env, *args):
    return subprocess.run(
        [sys.executable, "manage.py", *map(str, args)], cwd=tree, env=env, capture_output=True, text=True, check=True
    )


def build(var, env, docs):
    """The archive: schema, gazetteer, static files and the first docs news items, as `make run` sets up."""
    manage(ROOT, env, "migrate", "--noinput", "-v0")
    manage(ROOT, env, "load_gazetteer")
    folder = var / "corpus"
    folder.mkdir()
    for item in xwlb(docs):
        name, data = as_file(item)
        (folder / name).write_bytes(data)
    t = time.perf_counter()
    manage(ROOT, env, "ingest", folder, "--quiet")
    shutil.rmtree(folder)
    (var / "items").write_text(str(docs))
    return time.perf_counter() - t


def extra_reports(var, n):
    """n report files after the items the archive holds (var/items: its count, and the ones a previous
    run ingested): one new report for each run's ingest."""
    used = int((var / "items").read_text())
    out = []
    for i, item in enumerate(xwlb(used + 10 * n)):
        if i >= used and len(item["text"]) > 300 and len(out) < n:
            name, data = as_file(item)
            path = var / f"extra-{name}"
            path.write_bytes(data)
            out.append(path)
            (var / "items").write_text(str(i + 1))
    return out


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url):
    """One request on a new connection (gunicorn's workers then share the requests), its time in ms."""
    t = time.perf_counter()
    r = requests.get(url, headers={"Connection": "close"}, timeout=120)
    ms = (time.perf_counter() - t) * 1000
    assert r.status_code == 200, (url, r.status_code, r.text[:300])
    return ms


def one_run(tree, env, pages, report, args, log):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    argv = [sys.executable, "-m", "gunicorn", "config.wsgi", "-b", f"127.0.0.1:{port}", "-w", str(args.workers)]
    argv += ["-k", "gthread", "--threads", "4", "--timeout", "300"]
    server = subprocess.Popen(argv, cwd=tree, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.time() + 120
        while True:
            try:
                if requests.get(base + "/admin/login/", timeout=5).status_code == 200:
                    break
            except requests.RequestException:
                pass
            if time.time() > deadline:
                raise RuntimeError("the server did not start")
            time.sleep(0.2)
        for _ in range(args.reads):  # every page read by every worker (templates, the database, the cache)
            for url in pages.values():
                get(base + url)
        t = time.perf_counter()
        manage(tree, env, "ingest", report, "--quiet")  # another process commits the index
        ingest_s = time.perf_counter() - t
        time.sleep(args.wait)
        firsts = {name: get(base + url) for name, url in pages.items()}
        return firsts, ingest_s
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(60)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", default="main")
    ap.add_argument("--docs", type=int, default=3000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--reads", type=int, default=6, help="requests of each page before the commit")
    ap.add_argument("--wait", type=float, default=2.0, help="seconds between the ingest's end and the first requests")
    ap.add_argument("--var", default=None, help="reuse the archive a previous run left in this folder")
    args = ap.parse_args()
    require_corpus("xwlb.jsonl.gz")
    var = Path(args.var or tempfile.mkdtemp(prefix="fupin-first-"))
    env = environment(var)
    if not (var / "archive.sqlite3").exists():
        print(f"building {args.docs} reports in {var} ...", file=sys.stderr, flush=True)
        print(f"built in {build(var, env, args.docs):.0f} s", file=sys.stderr, flush=True)
    manage(ROOT, env, "collectstatic", "--noinput", "-v0")
    pages = json.loads(manage(ROOT, env, "shell", "-c", PAGES).stdout.strip().splitlines()[-1])
    programme = pages["programme (most mentions)"].split("/")[2]
    pages.update({name: url.format(programme=programme) for name, url in RESEARCH.items()})
    pages = {name: url for name, url in pages.items() if "CSV" not in name}  # a download, not a page
    base_tree = Path(tempfile.mkdtemp(prefix="fupin-first-base-"))
    subprocess.run(["git", "worktree", "add", "--detach", str(base_tree), args.base], cwd=ROOT, check=True)
    commit = subprocess.run(["git", "rev-parse", "--short", args.base], cwd=ROOT, capture_output=True, text=True)
    here = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    reports = extra_reports(var, 2 * args.runs)
    order = [("base", base_tree), ("this", ROOT), ("this", ROOT), ("base", base_tree)]
    order = (order * args.runs)[: 2 * args.runs]
    results = {"base": [], "this": []}
    try:
        with open(var / "servers.log", "ab") as log:
            for k, (who, tree) in enumerate(order):
                firsts, ingest_s = one_run(tree, env, pages, reports[k], args, log)
                results[who].append(firsts)
                worst = max(firsts, key=firsts.get)
                print(
                    f"run {k + 1} {who}: ingest {ingest_s:.1f} s, worst first {firsts[worst]:.0f} ms ({worst})",
                    file=sys.stderr,
                    flush=True,
                )
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(base_tree)], cwd=ROOT)
    print(
        f"base {commit.stdout.strip()} ({args.base}), this {here.stdout.strip()}; {args.runs} runs each, "
        f"order {' '.join(w for w, _ in order)}; gunicorn -w {args.workers} gthread; archive {var}\n"
    )
    print("| page | first ms, base min / median | this min / median |")
    print("|---|---|---|")
    worst = {"base": 0, "this": 0}
    for name in pages:
        cells = []
        for who in ("base", "this"):
            ts = [run[name] for run in results[who]]
            worst[who] = max(worst[who], statistics.median(ts))
            cells.append(f"{min(ts):.0f} / {statistics.median(ts):.0f}")
        print(f"| {name} | {cells[0]} | {cells[1]} |")
    print(
        f"\nWorst median first request: base {worst['base']:.0f} ms, this {worst['this']:.0f} ms "
        f"(budget {TARGET_FIRST_MS} ms)."
    )
    print(json.dumps(results))


if __name__ == "__main__":
    main()
