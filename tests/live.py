"""A live archive for the reliability and browser tests: its own folder, set up as `make run` does,
the real web server (gunicorn) and the real worker (`manage.py archive_worker`) on 127.0.0.1.

Clients are real HTTP sessions (requests) that log in to the admin as a user would. Helpers read the
database (sqlite3, read only), the stored originals and the index's own ids, so a test can check
that the three agree after whatever it did to the processes.
"""

import json
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests
from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
PASSWORD = "live-test-password"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def descendants(pid):
    """The pids of every living process under pid (read from /proc)."""
    children = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    out, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            out.append(child)
            todo.append(child)
    return out


def alive(pid):
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def rss_mb(pids):
    """Resident memory of these processes together, in MB."""
    total = 0
    for pid in pids:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        m = re.search(r"VmRSS:\s+(\d+) kB", status)
        total += int(m.group(1)) if m else 0
    return total / 1024


class LiveArchive:
    def __init__(self, name="live"):
        self.var = Path(tempfile.mkdtemp(prefix=f"fupin-{name}-"))
        self.env = dict(
            os.environ,
            VAR_DIR=str(self.var),
            MODEL_DIR=str(settings.MODEL_DIR),  # the name tagger's model, fetched once (not per folder)
            DJANGO_SETTINGS_MODULE="config.settings",
            DEBUG="0",
            SECRET_KEY="live-test-secret-key",
            ALLOWED_HOSTS="127.0.0.1",
            HTTPS="0",
            TASKS_BACKEND="django_tasks_db.DatabaseBackend",
            PYTHONUNBUFFERED="1",
        )
        for key in ("DATABASE_URL", "MEDIA_ROOT", "SEARCH_INDEX_PATH", "TEST_TMP"):
            self.env.pop(key, None)
        self.pg = self._postgres_database(os.environ.get("DATABASE_URL", ""))
        self.procs = {}
        self.logs = {}
        self.base = None

    def _postgres_database(self, url):
        """When the suite runs on PostgreSQL, so does the live archive: a database of its own."""
        if not url.startswith(("postgres://", "postgresql://")):
            return None
        import psycopg

        name = "fupin_" + re.sub(r"\W", "_", self.var.name).lower()
        with psycopg.connect(url, autocommit=True) as db:
            db.execute(f'CREATE DATABASE "{name}"')
        self._pg_admin = url
        self.env["DATABASE_URL"] = url.rsplit("/", 1)[0] + "/" + name
        return self.env["DATABASE_URL"]

    # -- setting up, as `make run` does ---------------------------------------------------------
    def manage(self, *args, timeout=600, check=True):
        return subprocess.run(
            [sys.executable, "manage.py", *map(str, args)],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=check,
        )

    def setup(self, seeds=True):
        self.manage("migrate", "--noinput", "-v0")
        self.manage("collectstatic", "--noinput", "-v0")  # DEBUG is off, as in production
        self.manage("load_gazetteer")
        if seeds:
            self.manage("ingest", FIXTURES, "--quiet")
        self._superuser()
        return self

    def _superuser(self):
        env = dict(self.env, DJANGO_SUPERUSER_PASSWORD=PASSWORD)
        subprocess.run(
            [
                sys.executable,
                "manage.py",
                "createsuperuser",
                "--noinput",
                "--username",
                "admin",
                "--email",
                "admin@example.com",
            ],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
        )

    def user(self, username, group=None):
        """A staff user with the test password, in group (e.g. 审核员)."""
        code = (
            f"from django.contrib.auth.models import User, Group; u = User.objects.create_user({username!r}, "
            f"password={PASSWORD!r}, is_staff=True)"
        )
        if group:
            code += f"; u.groups.add(Group.objects.get(name={group!r}))"
        self.manage("shell", "-c", code)

    # -- processes ------------------------------------------------------------------------------
    def _start(self, name, argv):
        log = open(self.var / f"{name}.log", "ab")
        self.logs[name] = self.var / f"{name}.log"
        self.procs[name] = subprocess.Popen(
            argv, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        return self.procs[name]

    def start_web(self, workers=2, threads=4):
        port = free_port()
        self.base = f"http://127.0.0.1:{port}"
        self._start(
            "web",
            [
                sys.executable,
                "-m",
                "gunicorn",
                "config.wsgi",
                "-b",
                f"127.0.0.1:{port}",
                "-w",
                str(workers),
                "-k",
                "gthread",
                "--threads",
                str(threads),
                "--timeout",
                "300",
            ],
        )
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                if requests.get(self.base + "/admin/login/", timeout=5).status_code == 200:
                    return self
            except requests.RequestException:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"the web server did not start: {self.log('web')[-2000:]}")

    def start_worker(self):
        self._start("worker", [sys.executable, "manage.py", "archive_worker", "--interval", "0.2"])
        return self

    def kill(self, name, sig=signal.SIGKILL):
        proc = self.procs.pop(name, None)
        if proc and proc.poll() is None:
            proc.send_signal(sig)
            try:
                proc.wait(60)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(10)

    def close(self):
        for name in list(self.procs):
            proc = self.procs[name]
            if proc.poll() is None:
                try:
                    os.killpg(proc.pid, signal.SIGTERM)
                    proc.wait(20)
                except (ProcessLookupError, subprocess.TimeoutExpired):
                    os.killpg(proc.pid, signal.SIGKILL)
            self.procs.pop(name)
        if self.pg:
            import psycopg

            with psycopg.connect(self._pg_admin, autocommit=True) as db:
                db.execute(f'DROP DATABASE IF EXISTS "{self.pg.rsplit("/", 1)[1]}" WITH (FORCE)')
            self.pg = None

    def log(self, name):
        path = self.logs.get(name) or self.var / f"{name}.log"
        return path.read_text("utf-8", "replace") if path.exists() else ""

    def memory_pids(self):
        """The web server's and the worker's processes (their children included)."""
        pids = []
        for proc in self.procs.values():
            if proc.poll() is None:
                pids += [proc.pid, *descendants(proc.pid)]
        return pids

    # -- what is stored ---------------------------------------------------------------------------
    def sql(self, query, *params):
        if self.pg:
            import psycopg

            with psycopg.connect(self.pg) as db:
                return [tuple(row) for row in db.execute(query.replace("?", "%s"), params or None).fetchall()]
        with sqlite3.connect(f"file:{self.var / 'archive.sqlite3'}?mode=ro", uri=True, timeout=30) as db:
            return db.execute(query, params).fetchall()

    def count(self, table):
        return self.sql(f"SELECT COUNT(*) FROM {table}")[0][0]

    def stored_original(self, sha256):
        rows = self.sql("SELECT file FROM archive_upload WHERE sha256 = ?", sha256)
        return (self.var / "media" / rows[0][0]).read_bytes() if rows else None

    def indexed_ids(self):
        out = self.manage(
            "shell",
            "-c",
            "import json; from search.indexing import indexed_ids; print(json.dumps(sorted(indexed_ids())))",
        ).stdout
        return set(json.loads(out.strip().splitlines()[-1]))

    def report_ids(self):
        return {pk for (pk,) in self.sql("SELECT id FROM archive_report")}


class Admin:
    """One admin in a browser-less session: logs in, uploads, watches batches."""

    def __init__(self, base):
        self.base = base
        self.http = requests.Session()
        page = self.http.get(base + "/admin/login/", timeout=30)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
        r = self.http.post(
            base + "/admin/login/?next=/admin/",
            timeout=30,
            allow_redirects=False,
            data={"csrfmiddlewaretoken": token, "username": "admin", "password": PASSWORD},
        )
        assert r.status_code == 302, r.text[:500]

    def upload(self, files, timeout=300):
        """POST (name, bytes) files to the upload page: (response, batch page URL or None)."""
        page = self.http.get(self.base + "/admin/archive/report/upload/", timeout=timeout)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
        r = self.http.post(
            self.base + "/admin/archive/report/upload/",
            data={"csrfmiddlewaretoken": token},
            files=[("files", (name, data)) for name, data in files],
            allow_redirects=False,
            timeout=timeout,
        )
        url = self.base + r.headers["Location"] if r.status_code == 302 else None
        return r, url

    def batch(self, url):
        r = self.http.get(url, params={"format": "json"}, timeout=60)
        r.raise_for_status()
        return r.json()

    def wait(self, url, timeout=180):
        deadline = time.time() + timeout
        while True:
            data = self.batch(url)
            if data["status"] == "done":
                return data
            if time.time() > deadline:
                raise AssertionError(f"batch {url} not done after {timeout}s: {data['done']}/{data['total']}")
            time.sleep(0.3)


CORPUS = Path(os.environ.get("SHARED_DIR", ROOT.parent / "shared")) / "corpus" / "xwlb.jsonl.gz"


def corpus_files(n, skip=0, prefix="news"):
    """n (name, bytes) report files made from ../shared/corpus (never copied into the project), each a
    title line and its text; None when the corpus is absent."""
    import gzip

    if not CORPUS.exists():
        return None
    out = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i < skip:
                continue
            item = json.loads(line)
            if len(item["text"]) < 200:
                continue
            out.append((f"{prefix}-{item['id']}.txt", f"{item['title']}\n{item['text']}".encode()))
            if len(out) == n:
                break
    return out
