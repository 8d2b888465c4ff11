"""Settings read from the environment, with safe development defaults.

DATABASE_URL       sqlite:///... (default var/archive.sqlite3) or postgres://...
SEARCH_ENGINE      whoosh (default) | elasticsearch7 | solr
SEARCH_URL         the server's URL for elasticsearch/solr
SEARCH_INDEX_NAME  the Elasticsearch index (default fupin)
SEARCH_ES_TOKENIZER  smartcn_tokenizer (default, plugin analysis-smartcn) | ik_max_word (plugin IK)
SEARCH_INDEX_PATH  Whoosh index folder (default var/whoosh)
SEARCH_SEGMENTER   rjieba (default: jieba's tokens, faster) | jieba
SEARCH_USER_DICT   a jieba user dictionary for the analyzer (optional)
MEDIA_ROOT         uploaded originals (default var/media)
MODEL_DIR          the name tagger's model, written by manage.py fetch_models (default var/models of the checkout)
UPLOAD_MAX_BYTES   the largest file an upload takes (default 64 MB)
UPLOAD_MAX_FILES   the most files one upload request takes (default 200)
TASKS_BACKEND      django_tasks_db.DatabaseBackend (default) | django_tasks.backends.immediate.ImmediateBackend
SECRET_KEY, DEBUG, ALLOWED_HOSTS
HTTPS              1 (default with DEBUG=0): HSTS, secure cookies, redirect to https; 0 for plain http
BEHIND_PROXY       1: trust the reverse proxy's X-Forwarded-Proto (it must set it, and strip it from clients)
HSTS_SECONDS       Strict-Transport-Security max-age (default a year; 0 turns HSTS off)
LOGIN_FAILURE_LIMIT, LOGIN_COOLOFF_MINUTES  failed logins (per user name and address) before a lock-out, and its length
CSRF_TRUSTED_ORIGINS  comma-separated origins (https://archive.example.org) when the proxy changes the host
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))
SHARED_DIR = Path(os.environ.get("SHARED_DIR", BASE_DIR.parent / "shared"))


def env_bool(name, default):
    value = os.environ.get(name)
    return default if value is None else value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_bool("DEBUG", True)
_DEV_KEY = "dev-only-insecure-key-do-not-use-in-production"
SECRET_KEY = os.environ.get("SECRET_KEY", _DEV_KEY)
if not DEBUG and SECRET_KEY == _DEV_KEY:
    raise ImproperlyConfigured("Set SECRET_KEY in the environment: production refuses the development key.")
ALLOWED_HOSTS = [h for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",") if h]

INSTALLED_APPS = [
    "archive.admin_site.ArchiveAdminConfig",  # django.contrib.admin with the archive's site
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "haystack",
    "django_tasks",
    "django_tasks_db",
    "simple_history",
    "axes",
    "csp",
    "archive",
    "search.apps.SearchConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",  # static files from the app server itself (gunicorn, runserver)
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",  # who made each change: the request's user
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks: it turns a lock-out into its page
]

ROOT_URLCONF = "config.urls"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "archive.context_processors.script",
            ]
        },
    }
]
WSGI_APPLICATION = "config.wsgi.application"

VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'archive.sqlite3'}"), conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # WAL lets readers (pages) run while one writer ingests.
    # synchronous=NORMAL is safe in WAL mode (no corruption; the last commits may be lost on power failure)
    # and saves an fsync per ingested report.
    # IMMEDIATE: a transaction takes the write lock when it begins, and waits for it (the busy timeout)
    # instead of failing at once with "database is locked" when a read turns into a write mid-way.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "timeout": 30,
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "zh-hans"
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)  # WhiteNoise looks there at start (filled by collectstatic)
# In production (DEBUG off) static files are collected (`manage.py collectstatic`) with hashed,
# compressed names and served by WhiteNoise with far-future caching; in development, from the source.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
MEDIA_URL = "media/"
# The statistical name tagger's weights (Baidu LAC 2.1.2, archive/ingest/extract/lac.py), fetched from
# PyPI once by `manage.py fetch_models` (make runs it); a start without them fails with that advice.
# Installed with the code, not data of one archive: the checkout's var/models whatever VAR_DIR says.
MODEL_DIR = Path(os.environ.get("MODEL_DIR", BASE_DIR / "var" / "models"))
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024  # the non-file part of a request
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024  # larger uploads go to a temporary file, not memory
# Each web process rebuilds its summary pages after another process's index commit (archive.views.cache.watch):
# off by default, since it costs each gunicorn worker about 30 MB (docs/DECISIONS.md, "The summary watcher").
SUMMARY_WATCHER = env_bool("SUMMARY_WATCHER", False)
UPLOAD_MAX_BYTES = int(os.environ.get("UPLOAD_MAX_BYTES", 64 * 1024 * 1024))  # one file; a larger one is refused
UPLOAD_MAX_FILES = int(os.environ.get("UPLOAD_MAX_FILES", 200))  # files in one upload request

# Background jobs: the Django tasks API (django-tasks; Django 6 ships the same API), stored in the
# database and run by `manage.py archive_worker`, which `make run` starts beside the web server.
TASKS = {"default": {"BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}

# Search: the engine is chosen here only (search/query.py is the one interface).
SEARCH_ENGINE = os.environ.get("SEARCH_ENGINE", "whoosh")
SEARCH_INDEX_PATH = os.environ.get("SEARCH_INDEX_PATH", str(VAR_DIR / "whoosh"))
# MB of terms' postings a search process keeps (search/engine/evaluate.py: PostingsCache); 0: none
SEARCH_POSTINGS_CACHE_MB = int(os.environ.get("SEARCH_POSTINGS_CACHE_MB", "64"))
SEARCH_SEGMENTER = os.environ.get("SEARCH_SEGMENTER", "rjieba")
SEARCH_USER_DICT = os.environ.get("SEARCH_USER_DICT", "")
_ENGINES = {
    "whoosh": {
        "ENGINE": "search.engine.backend.ChineseWhooshEngine",
        "PATH": SEARCH_INDEX_PATH,
        "INCLUDE_SPELLING": True,
    },
    "elasticsearch7": {
        "ENGINE": "search.server_engines.ChineseElasticsearch7SearchEngine",  # haystack's, with the Chinese analysis
        "URL": os.environ.get("SEARCH_URL", "http://127.0.0.1:9200/"),
        "INDEX_NAME": os.environ.get("SEARCH_INDEX_NAME", "fupin"),
        "INCLUDE_SPELLING": True,
        "TOKENIZER": os.environ.get("SEARCH_ES_TOKENIZER", "smartcn_tokenizer"),
    },
    "solr": {
        "ENGINE": "search.server_engines.ChineseSolrEngine",
        "URL": os.environ.get("SEARCH_URL", ""),
        "INCLUDE_SPELLING": True,
    },
}
HAYSTACK_CONNECTIONS = {"default": _ENGINES[SEARCH_ENGINE]}
HAYSTACK_SIGNAL_PROCESSOR = "search.signals.ReportSignalProcessor"
HAYSTACK_LIMIT_TO_REGISTERED_MODELS = False
HAYSTACK_SEARCH_RESULTS_PER_PAGE = 20
# The most reports one export of a search holds (/search/export/: search/export.py); a larger result set
# is cut there, and the export says so with the total (docs/SEARCH.md).
EXPORT_MAX_REPORTS = 10_000

# Summary pages (home, regions) keep their data per process until the index next commits (and at most
# a minute): archive.views.cache.summary. The test suite uses the dummy cache except where it tests this.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "fupin"}}

# Hardening for the public web (docs/DEPLOY.md). With DEBUG off, `manage.py check --deploy` is clean.
HTTPS = env_bool("HTTPS", not DEBUG)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = int(os.environ.get("HSTS_SECONDS", 365 * 24 * 3600)) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_PRELOAD = bool(SECURE_HSTS_SECONDS)
if env_bool("BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o]
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000  # the review page posts one row per extracted record
DATA_UPLOAD_MAX_NUMBER_FILES = UPLOAD_MAX_FILES

# Content-Security-Policy (django-csp): nothing inline may run; scripts, styles, fonts and images
# come from this site only (the map is inline SVG, which is markup, not script). The admin's own
# scripts are static files too.
from csp.constants import NONE, SELF  # noqa: E402

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Login attempts (django-axes): after LOGIN_FAILURE_LIMIT wrong passwords for one user name from one
# address, that pair is locked out for LOGIN_COOLOFF_MINUTES, with a page that says so in words.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", 5))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_COOLOFF_MINUTES", 15)))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "admin/lockout.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"jieba": {"level": "WARNING"}, "archive": {"handlers": ["console"], "level": "INFO"}},
}
