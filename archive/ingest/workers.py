"""The worker side of a bulk ingest: the pure stages, run in processes started fresh.

Workers are not forked from the ingesting process. A forked worker starts out
sharing that process's whole heap, and every page either side writes afterwards
(a refcount, a freed block reused) becomes a private copy in the worker: each
worker grew to 370 MB at 12,000 reports and kept growing (measured). A worker
started by the fork server holds only what it loads itself, about 180 MB
(Django, the gazetteer, jieba), and stays there.

A fresh process knows only the settings module, so the few settings the stages
read are handed over as they are in this process (a test may have changed them).
"""

import multiprocessing
import os

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
    from archive.lifeline import mark_parent

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
    import gc

    from archive.lifeline import die_with_parent

    die_with_parent()
    gc.freeze()


def settings_for_workers():
    from django.conf import settings

    return {name: getattr(settings, name) for name in WORKER_SETTINGS if hasattr(settings, name)}


def start(segment_text, overrides):
    """Pool initializer in a fresh process: Django, the given settings, then warm()."""
    freeze_inherited()
    import django
    from django.apps import apps

    if not apps.ready:
        django.setup()
    from django.conf import settings

    for name, value in overrides.items():
        setattr(settings, name, value)
    warm(segment_text)


def warm(segment_text):
    from .extract.gazetteer_index import default_gazetteer

    default_gazetteer()
    if segment_text:
        from search.analysis import segment

        segment("预热")  # jieba's dictionary: once per process


def prepare(entry, segment_text=False):
    """(name, data, doc or error, signature, digest, ((index text, its packed postings), ...) or None)."""
    return prepare_many([entry], segment_text)[0]


def prepare_many(entries, segment_text=False):
    """prepare() for a batch of entries: stage 6 reads their documents together (the statistical
    tagger shares its matrix products across the batch: run_pipeline_many)."""
    from . import Document, run_pipeline_many

    out, readable = [], []
    for name, data in entries:
        if isinstance(data, Exception):
            out.append((name, None, str(data), None, None, None))
        else:
            out.append(None)
            readable.append((len(out) - 1, name, data))
    for (i, name, data), doc in zip(readable, run_pipeline_many([(n, d) for _i, n, d in readable])):
        out[i] = (
            _prepared(name, data, doc, segment_text)
            if isinstance(doc, Document)
            else (name, data, str(doc), None, None, None)
        )
    return out


def _prepared(name, data, doc, segment_text):
    from .dedupe import minhash, text_hash

    doc.data = b""  # the bytes travel once, with the entry
    segments = None
    if segment_text:
        from search.analysis import packed_postings, segment
        from search.search_indexes import indexed_text

        from .normalize import t2s

        # the report's text, and the short text fields the index holds (its source's name, its script)
        texts = (
            indexed_text(doc.title_or_fallback, doc.subtitle, doc.clean_text),
            doc.script,
            t2s(doc.source) if doc.source else None,
        )
        segments = tuple((text, packed_postings(segment(text))) for text in texts if text)
    return name, data, doc, minhash(doc.normalized_text), text_hash(doc.normalized_text), segments


def prepare_segmented(entry):
    return prepare(entry, segment_text=True)


def prepare_many_segmented(entries):
    return prepare_many(entries, segment_text=True)
