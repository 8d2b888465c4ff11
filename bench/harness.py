"""Shared by the benchmarks: a throw-away archive, corpus readers, timing and the report file.

Each benchmark runs against its own database and index in a temporary folder
(never var/), reads the corpora from ../shared/corpus at run time (never
copied), and exits with a clear message when ../shared is absent.
"""

import gzip
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("SHARED_DIR", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus"
REPORT = ROOT / "docs" / "BENCHMARKS.md"


def require_corpus(name):
    path = CORPUS / name
    if not path.exists():
        sys.exit(f"skipped: {path} is absent (benchmarks read ../shared/corpus; put ../shared beside the project)")
    return path


def setup_django(var_dir=None, code_root=None, migrate=True):
    """Point the project at a fresh temporary archive (or var_dir) and start Django; code_root: the
    tree whose code runs (bench/check.py measures a base commit's worktree with this harness)."""
    var = Path(var_dir or tempfile.mkdtemp(prefix="fupin-bench-"))
    os.environ["VAR_DIR"] = str(var)
    os.environ["SEARCH_INDEX_PATH"] = str(var / "whoosh")
    os.environ["MEDIA_ROOT"] = str(var / "media")
    os.environ.pop("DATABASE_URL", None)
    os.environ["DEBUG"] = "0"  # as in production: no query log, no debug pages
    os.environ["HTTPS"] = "0"  # but the test client speaks plain http (no redirect to https)
    os.environ.setdefault("SECRET_KEY", "benchmark-only-key")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(code_root or ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    if migrate:  # (not when another tree's code reads an archive this one built)
        call_command("migrate", "--noinput", verbosity=0)
        call_command("load_gazetteer", stdout=open(os.devnull, "w"))
    call_command("collectstatic", "--noinput", verbosity=0)  # DEBUG off: hashed static names, as in production
    return var


def xwlb(limit=None):
    """News items of the CCTV evening news: dicts with id, date, title, text."""
    with gzip.open(require_corpus("xwlb.jsonl.gz"), "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if limit is not None and i >= limit:
                return
            yield json.loads(line)


def poverty_html():
    with gzip.open(require_corpus("xwlb_poverty_html.jsonl.gz"), "rt", encoding="utf-8") as fh:
        for line in fh:
            yield json.loads(line)


def as_file(item):
    """(name, bytes) as a user would upload the item: a text file with its title and date."""
    date = item.get("date", "")
    head = f"{item['title']}\n日期：{date[:4]}-{date[4:6]}-{date[6:8]}\n" if len(date) == 8 else f"{item['title']}\n"
    return f"{item['id']}.txt", (head + item["text"]).encode("utf-8")


def percentile(values, p):
    values = sorted(values)
    if not values:
        return float("nan")
    k = (len(values) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def median(values):
    return statistics.median(values) if values else float("nan")


def timed(fn, *args, **kwargs):
    t = time.perf_counter()
    out = fn(*args, **kwargs)
    return out, time.perf_counter() - t


def peak_rss_mb():
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class TreeMemory:
    """Peak memory of this process and all its descendants (workers, index sub-writers), sampled
    every `every` seconds from /proc as the sum of their PSS: a page shared after a fork counts
    once, split between the processes that share it, where each one's RSS would count it whole.
    Also the peak RSS of this process and of the largest descendant, anonymous memory only
    (file pages mapped from the index are page cache, not memory the ingest holds)."""

    def __init__(self, every=0.25):
        import threading

        self.every, self.total, self.main, self.child = every, 0, 0, 0
        self._cpu = {}  # descendant pid -> CPU seconds when last seen
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    @staticmethod
    def _descendants(pid):
        out, todo = [], [pid]
        while todo:
            p = todo.pop()
            try:
                for task in os.listdir(f"/proc/{p}/task"):
                    with open(f"/proc/{p}/task/{task}/children") as fh:
                        kids = [int(k) for k in fh.read().split()]
                    out += kids
                    todo += kids
            except OSError:
                continue
        return out

    @staticmethod
    def _fields(pid, path, names):
        found = dict.fromkeys(names, 0)
        try:
            with open(f"/proc/{pid}/{path}") as fh:
                for line in fh:
                    key = line.split(":", 1)[0]
                    if key in found:
                        found[key] = int(line.split()[1]) // 1024  # kB -> MB
        except OSError:
            pass
        return found

    @staticmethod
    def _cpu_seconds(pid):
        try:
            with open(f"/proc/{pid}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            return None
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime

    def descendants_cpu(self):
        """CPU seconds of every descendant, as last sampled: the workers and sub-writers are the fork
        server's children, not this process's, so RUSAGE_CHILDREN never counts them (a process's
        last fraction of a sample interval is missed)."""
        return sum(self._cpu.values())

    def _run(self):
        me = os.getpid()
        while not self._stop.wait(self.every):
            kids = self._descendants(me)
            for p in kids:
                seconds = self._cpu_seconds(p)
                if seconds is not None:
                    self._cpu[p] = seconds
            total = sum(self._fields(p, "smaps_rollup", ("Pss",))["Pss"] for p in [me, *kids])
            self.total = max(self.total, total)
            self.main = max(self.main, self._fields(me, "status", ("RssAnon",))["RssAnon"])
            for p in kids:
                self.child = max(self.child, self._fields(p, "status", ("RssAnon",))["RssAnon"])


def machine():
    import django
    import haystack
    import jieba
    import whoosh

    try:
        import opencc

        cc = opencc.__version__
    except Exception:  # noqa: BLE001
        cc = "?"
    return (
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, Django {django.get_version()}, "
        f"haystack {haystack.__version__ if isinstance(haystack.__version__, str) else '.'.join(map(str, haystack.__version__))}, Whoosh {'.'.join(map(str, whoosh.__version__))}, "
        f"jieba {jieba.__version__}, OpenCC {cc}"
    )


def write_section(title, body):
    """Replace (or append) one '## title' section of docs/BENCHMARKS.md."""
    text = (
        REPORT.read_text("utf-8")
        if REPORT.exists()
        else "# Benchmarks\n\nWritten by `make bench` (bench/run.py); each section by its own script.\n"
    )
    marker = f"\n## {title}\n"
    section = marker + body.strip() + "\n"
    if marker in text:
        start = text.index(marker)
        nxt = text.find("\n## ", start + len(marker))
        text = text[:start] + section + (text[nxt:] if nxt >= 0 else "")
    else:
        text = text.rstrip("\n") + "\n" + section
    REPORT.write_text(text, "utf-8")
