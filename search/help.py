"""What the search page offers when a query finds nothing: the programme names of the thesaurus near it.

The correction (search/spelling.py, through the engine) and the query without its filters come
from search/query.py; this module adds the thesaurus: a programme whose printed names hold a word
of the query (搬迁 -> 易地扶贫搬迁) or are held by it, so a researcher who half-remembers a
programme's name finds the name reports print.
"""

from archive.ingest.normalize import t2s
from archive.programmes import NAMES, synonyms

THESAURUS_ENTRIES = 3  # programmes offered
MIN_WORD = 2  # characters of a query word compared with the names (one character is in hundreds)


def thesaurus(words, limit=THESAURUS_ENTRIES):
    """[(programme key, [its names])] whose names share one of the words, those naming it most
    closely first (the shortest name holding the word)."""
    found = {}
    for word in words:
        word = t2s(word)
        if len(word) < MIN_WORD:
            continue
        for name, key in NAMES.items():
            if word in name or (len(name) >= MIN_WORD and name in word):
                closeness = abs(len(name) - len(word))
                found[key] = min(found.get(key, closeness), closeness)
    ranked = sorted(found, key=lambda k: (found[k], len(k), k))
    return [(key, list(synonyms(key))) for key in ranked[:limit]]
