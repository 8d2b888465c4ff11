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

from search.indexing import stream, uses_local_analyzer

from .record import Entry, Outcome, entries_of
from .service import store_entries
from .uploads import keep_uploads
from .workers import context, prepare_many, prepare_many_segmented, settings_for_workers, start

PARALLEL_MIN_FILES = 40
CHUNK = 256  # files a worker prepares at once: the statistical tagger reads their sentences in one batch
STORE_BATCH = 250  # reports per transaction
MAX_IN_FLIGHT = 2000  # files given to the workers and not yet stored: while this process commits the
# index, the workers would otherwise run ahead and their results pile up here (4 GB at 40,000 reports)
COMMIT_EVERY = 4000  # reports per index commit: one segment per core each, their postings held in memory until
# then (a sub-writer holding 5,000 reports took 590 MB; the whole ingest must stay within 1 GiB)


def ingest_many(entries, workers=None, progress=None, store_every=STORE_BATCH):
    """Outcomes for the entries (Entry records, or (name, bytes or Exception) pairs), in order.
    progress(entries) is called with each stored chunk's entries (in order, each with its outcome)
    as it is stored; store_every: files per stored chunk.

    The worker processes come from multiprocessing's fork server, which imports the calling
    script as each one starts (manage.py is safe): a script of one's own that calls this
    must keep its work under `if __name__ == "__main__":`, as multiprocessing asks."""
    entries = entries_of(entries)  # read as the workers take them: a year of news is not held in memory
    head = list(islice(entries, PARALLEL_MIN_FILES))
    entries = chain(head, entries)
    workers = workers or os.cpu_count() or 1
    segment_text = uses_local_analyzer()
    job = prepare_many_segmented if segment_text else prepare_many
    outcomes, buffer = [], []
    parallel = workers > 1 and len(head) >= PARALLEL_MIN_FILES
    with stream(COMMIT_EVERY, parallel) as index:

        def flush():
            _store(buffer, index)
            outcomes.extend(e.outcome for e in buffer)
            progress and progress(list(buffer))
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


def _store(entries: list[Entry], index):
    """One chunk: its originals kept, its reports stored in one transaction (each entry's outcome
    filled in), then indexed."""
    db.reset_queries()  # with DEBUG on, Django keeps every query of the process: not for 70,000 files
    keep_uploads([e for e in entries if not e.failed and e.upload_id is None])
    first, todo, again = {}, [], []  # first: upload id -> the entry that stores its bytes
    for e in entries:
        if e.failed:
            e.outcome = Outcome(e.name, "failed", message=e.failed)
        elif known := e.known():
            e.outcome = known
        elif e.upload_id in first:  # the same bytes twice in this chunk: the second is the first's copy
            again.append(e)
        else:
            first[e.upload_id] = e
            todo.append(e)
    created = [e for e, s in store_entries(todo, index=False).items() if s.created]
    for e in again:
        done = first[e.upload_id].outcome
        e.outcome = (
            Outcome(e.name, "duplicate", done.report_id)
            if done.report_id
            else Outcome(e.name, done.status, message=done.message)
        )
    if created:
        index.add(
            [e.outcome.report_id for e in created], dict(pair for e in created if e.segments for pair in e.segments)
        )
