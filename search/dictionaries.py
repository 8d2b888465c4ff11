"""The segmenters' dictionaries, loaded when this module is imported.

The fork server of a bulk ingest imports this module (archive.intake.workers.PRELOAD),
so jieba's dictionary and rjieba's are loaded once, before it starts any worker or
index sub-writer, and every process it starts shares their pages instead of loading
its own copy (about 120 MB a worker, measured). Nothing writes to them afterwards but
a user dictionary's few words, in the process that adds them, and the collector barely
touches them: jieba's is one dict of strings and numbers, which it does not track, and
rjieba's lives outside Python. Anywhere else, search.analysis loads them on first use.
"""

import logging

import jieba

jieba.setLogLevel(logging.WARNING)
jieba.dt.check_initialized()
try:
    import rjieba
except ImportError:  # jieba alone
    RJIEBA = None
else:
    RJIEBA = rjieba.Jieba()
