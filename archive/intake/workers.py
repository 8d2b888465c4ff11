"""The worker side of a bulk ingest: the pure stages, run in processes started fresh, over Entries.

Workers are not forked from the ingesting process. A forked worker starts out
sharing that process's whole heap, and every page either side writes afterwards
(a refcount, a freed block reused) becomes a private copy in the worker: each
worker grew to 370 MB at 12,000 reports and kept growing (measured). A worker
started by the fork server holds only what it loads itself, about 180 MB
(Django, the gazetteer, jieba), and stays there.

A fresh process knows only the settings module, so the few settings the stages
read are handed over as they are in this process (a test may have changed them).
"""

import gc
import hashlib
import multiprocessing
import os

import django
from django.apps import apps
from django.conf import settings

from archive.ingest import run_pipeline_many
from archive.ingest.dedupe import minhash, text_hash
from archive.ingest.normalize import t2s
from archive.lifeline import die_with_parent, mark_parent
from search.analysis import packed_postings, segment

from .record import Entry

WORKER_SETTINGS = ("SEARCH_SEGMENTER", "SEARCH_USER_DICT")  # what the stages below read
# imported once by the fork server, so each process it starts has them already (no settings needed)
PRELOAD = [
    "archive.lifeline",  # first: the fork server dies with the process that started it
    "numpy",
    "opencc",
    "ahocorasick",
    "whoosh.writing",
    "whoosh.multiproc",
    "django.db.models",
    "search.dictionaries",
    "archive.ingest.extract.preload",
]  # jieba's and rjieba's dictionaries and the name tagger's model: loaded once, shared by every process
# one BLAS thread a process: the ingest runs a worker per core already, and OpenBLAS's own threads
# (one more per core, spinning while they wait) tripled the tagger's CPU time (measured: docs/BENCHMARKS.md)
ONE_THREAD = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def context():
    """The multiprocessing context of every process a bulk ingest starts (workers, index sub-writers)."""
    mark_parent()  # the fork server, when this starts it, is to die with this process
    for name, value in ONE_THREAD.items():  # read by numpy's BLAS as the fork server imports it
        os.environ.setdefault(name, value)
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(PRELOAD)  # takes effect when the fork server starts (once a process)
    return ctx


def freeze_inherited():
    """First thing in a process the fork server started: what it inherited (the preloaded modules
    and dictionaries) is left out of garbage collection, whose passes would write to those
    shared pages and make them private copies. Only here: frozen objects are never collected.
    And such a process dies with the fork server, which dies with the ingest (archive/lifeline.py)."""
    die_with_parent()
    gc.freeze()


def settings_for_workers():
    return {name: getattr(settings, name) for name in WORKER_SETTINGS if hasattr(settings, name)}


def start(segment_text, overrides):
    """Pool initializer in a fresh process: Django, the given settings, then warm()."""
    freeze_inherited()
    if not apps.ready:
        django.setup()
    for name, value in overrides.items():
        setattr(settings, name, value)
    warm(segment_text)


def warm(segment_text):
    # here: extract's modules load the tagger's model, which a web process importing this never needs
    from archive.ingest.extract.gazetteer_index import default_gazetteer

    default_gazetteer()
    if segment_text:
        segment("预热")  # jieba's dictionary: once per process


def prepare_many(entries: list[Entry], segment_text=False) -> list[Entry]:
    """The entries with what the stages made of them: the Document or the reason it was refused,
    its duplicate fingerprints, its hash when not known yet, and with segment_text its index
    tokens. Stage 6 reads their documents together (the statistical tagger shares its matrix
    products across the batch: run_pipeline_many)."""
    readable = [e for e in entries if not e.failed]
    for e, doc in zip(readable, run_pipeline_many([(e.name, e.data) for e in readable])):
        e.sha256 = e.sha256 or hashlib.sha256(e.data).hexdigest()
        if e.upload_id is not None:
            e.data = None  # kept already: the bytes need not travel back
        if isinstance(doc, Exception):
            e.rejected = str(doc)
            continue
        doc.data = b""  # the bytes travel once, with the entry
        e.doc, e.signature, e.digest = doc, minhash(doc.normalized_text), text_hash(doc.normalized_text)
        if segment_text:
            e.segments = _segments(doc)
    return entries


def _segments(doc):
    """The report's text, and the short text fields the index holds (its source's name, its script),
    each with its packed postings."""
    from search.search_indexes import indexed_text  # here: a search index needs the app registry

    texts = (
        indexed_text(doc.title_or_fallback, doc.subtitle, doc.clean_text),
        doc.script,
        t2s(doc.source) if doc.source else None,
    )
    return tuple((text, packed_postings(segment(text))) for text in texts if text)


def prepare_many_segmented(entries):
    return prepare_many(entries, segment_text=True)
