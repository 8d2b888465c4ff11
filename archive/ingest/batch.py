"""Ingest many files at once: the text work in worker processes, storing and indexing in this one.

Workers run the pure stages (decode ... extract), the duplicate fingerprints and,
when the index analyses text in this process (Whoosh), the index segmentation
of each report (jieba: the costliest step), and send back the results. This
process keeps each original as an Upload, stores the reports a batch at a time
(one transaction and one insert per table per batch: SQLite takes one writer)
and hands each stored batch, with its tokens, to the one index writer. With one
worker, or few files, everything runs here.
"""

import os
import threading
from itertools import chain, islice

from django import db

from .service import Outcome, already_ingested, keep_uploads, store_prepared_many
from .workers import context, prepare_many, prepare_many_segmented, settings_for_workers, start

PARALLEL_MIN_FILES = 40
CHUNK = 256  # files a worker prepares at once: the statistical tagger reads their sentences in one batch
STORE_BATCH = 250  # reports per transaction
MAX_IN_FLIGHT = 2000  # files given to the workers and not yet stored: while this process commits the
# index, the workers would otherwise run ahead and their results pile up here (4 GB at 40,000 reports)
COMMIT_EVERY = 4000  # reports per index commit: one segment per core each, their postings held in memory until
# then (a sub-writer holding 5,000 reports took 590 MB; the whole ingest must stay within 1 GiB)


def ingest_many(entries, workers=None, progress=None, store_every=STORE_BATCH):
    """Outcomes for (name, bytes) entries, in order. progress(outcomes) is called with each stored
    chunk's outcomes (in order) as it is stored; store_every: files per stored chunk.

    The worker processes come from multiprocessing's fork server, which imports the calling
    script as each one starts (manage.py is safe): a script of one's own that calls this
    must keep its work under `if __name__ == "__main__":`, as multiprocessing asks."""
    from search.indexing import stream, uses_local_analyzer

    entries = iter(entries)  # read as the workers take them: a year of news is not held in memory
    head = list(islice(entries, PARALLEL_MIN_FILES))
    entries = chain(head, entries)
    workers = workers or os.cpu_count() or 1
    segment_text = uses_local_analyzer()
    job = prepare_many_segmented if segment_text else prepare_many
    outcomes, buffer = [], []
    parallel = workers > 1 and len(head) >= PARALLEL_MIN_FILES
    with stream(COMMIT_EVERY, parallel) as index:

        def flush():
            done = _store(buffer, index)
            outcomes.extend(done)
            progress and progress(done)
            buffer.clear()

        if parallel:
            in_flight = threading.BoundedSemaphore(MAX_IN_FLIGHT)

            def fed():  # imap reads its input in a thread of its own: this holds it back
                for entry in entries:
                    in_flight.acquire()
                    yield entry

            with context().Pool(workers, initializer=start, initargs=(segment_text, settings_for_workers())) as pool:
                for chunk in pool.imap(job, _chunks(fed(), CHUNK)):
                    for prepared in chunk:
                        in_flight.release()
                        buffer.append(prepared)
                        if len(buffer) >= store_every:
                            flush()
        else:
            for chunk in _chunks(entries, CHUNK):
                for prepared in job(chunk):
                    buffer.append(prepared)
                    if len(buffer) >= store_every:
                        flush()
        if buffer:
            flush()
    return outcomes


def _chunks(entries, size):
    """Lists of up to size entries, read as they are taken."""
    while chunk := list(islice(entries, size)):
        yield chunk


def _store(prepared, index):
    """Outcomes of one batch: originals kept, reports stored in one transaction, then indexed."""
    db.reset_queries()  # with DEBUG on, Django keeps every query of the process: not for 70,000 files
    readable = [p for p in prepared if p[1] is not None]
    uploads = dict(zip(map(id, readable), keep_uploads([(p[0], p[1]) for p in readable])))
    results, todo, again = {}, {}, []  # todo: upload pk -> the entry that stores it
    for p in prepared:
        name, data, doc = p[:3]
        if data is None:
            results[id(p)] = Outcome(name, "failed", message=doc)
            continue
        upload = uploads[id(p)]
        done = already_ingested(name, upload)
        if done:
            results[id(p)] = done
        elif upload.pk in todo:  # the same bytes twice in this batch: the second is the first's copy
            again.append(p)
        else:
            todo[upload.pk] = p
    stored = store_prepared_many([(uploads[id(p)], p[2], p[3], p[4]) for p in todo.values()], index=False)
    created = []
    for p, (outcome, s) in zip(todo.values(), stored):
        results[id(p)] = outcome
        if s is not None and s.created:
            created.append((s.report.pk, p[5]))
    for p in again:
        first = results[id(todo[uploads[id(p)].pk])]
        results[id(p)] = (
            Outcome(p[0], "duplicate", first.report_id)
            if first.report_id
            else Outcome(p[0], first.status, message=first.message)
        )
    if created:
        index.add([pk for pk, _segs in created], dict(pair for _pk, segs in created if segs for pair in segs))
    return [results[id(p)] for p in prepared]
