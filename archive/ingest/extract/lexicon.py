"""jieba's dictionary frequencies, the one measure of "is this an ordinary word" the extractors use.

Loaded once per process, on first use (it takes about a second: docs/BENCHMARKS.md).
"""

import logging

import jieba

jieba.setLogLevel(logging.WARNING)
_FREQ = None


def freq_table():
    global _FREQ
    if _FREQ is None:
        jieba.dt.check_initialized()
        _FREQ = jieba.dt.FREQ
    return _FREQ


def freq(word: str) -> int:
    return freq_table().get(word, 0) or 0
