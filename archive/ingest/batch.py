"""Ingest many files at once: stages 1-6 in worker processes, storing and indexing in this one.

Workers run the pure stages (decode ... extract, plus the duplicate fingerprints)
and send back Documents; this process keeps each original as an Upload, stores
the report (SQLite takes one writer) and, at the end, indexes every new report in
one batch through the serialised index path. With one worker, or few files,
everything runs here.
"""

import multiprocessing as mp
import os

from django import db

from . import Rejected, run_pipeline
from .dedupe import minhash, text_hash
from .service import Outcome, already_ingested, keep_upload, store_prepared

PARALLEL_MIN_FILES = 40
CHUNK = 8


def _warm():
    from .extract.gazetteer_index import default_gazetteer

    default_gazetteer()


def prepare(entry):
    """Worker side: (name, data, doc or error, signature, digest)."""
    name, data = entry
    if isinstance(data, Exception):
        return name, None, str(data), None, None
    try:
        doc = run_pipeline(name, data)
    except Rejected as exc:
        return name, data, str(exc), None, None
    doc.data = b""  # the bytes travel once, with the entry
    return name, data, doc, minhash(doc.normalized_text), text_hash(doc.normalized_text)


def ingest_many(entries, workers=None, progress=None):
    """Outcomes for (name, bytes) entries, in order. progress(n) is called as files finish."""
    from search.indexing import deferred

    entries = list(entries)
    workers = workers or os.cpu_count() or 1
    outcomes = []
    with deferred():
        if workers > 1 and len(entries) >= PARALLEL_MIN_FILES:
            db.connections.close_all()  # no connection crosses a fork
            with mp.get_context("fork").Pool(workers, initializer=_warm) as pool:
                for prepared in pool.imap(prepare, entries, chunksize=CHUNK):
                    outcomes.append(_store(*prepared))
                    progress and progress(1)
        else:
            for entry in entries:
                outcomes.append(_store(*prepare(entry)))
                progress and progress(1)
    return outcomes


def _store(name, data, doc, signature, digest):
    db.reset_queries()  # with DEBUG on, Django keeps every query of the process: not for 70,000 files
    if data is None:
        return Outcome(name, "failed", message=doc)
    upload = keep_upload(name, data)
    return already_ingested(name, upload) or store_prepared(upload, doc, signature, digest)
