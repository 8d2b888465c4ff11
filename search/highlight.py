"""Snippets with <mark> around query words, in the script being displayed.

Works on the report's own text from the database (the index stores no text):
the query's words are found in the normalised text, whose offsets are the
original's (t2s keeps length), and the marks are put into the original or its
s2t/t2s conversion, which is length-preserving character by character too.
"""

from django.utils.html import escape

from archive.ingest.normalize import s2t, t2s

from .analysis import query_terms

SNIPPET_CHARS = 120


def find_spans(normalized, terms):
    spans = []
    for term in sorted(set(terms), key=len, reverse=True):
        start = normalized.find(term)
        while start >= 0:
            end = start + len(term)
            if not any(a < end and start < b for a, b in spans):
                spans.append((start, end))
            start = normalized.find(term, end)
    return sorted(spans)


def snippet(text, query, script="hans", width=SNIPPET_CHARS, normalized=None):
    """HTML-safe snippet around the first hit, hits marked; text is the report's clean text and
    normalized its simplified form (the report's normalized_text; computed when not given). Only the
    snippet's window is converted for display, not the whole report."""
    terms = [t for t in query_terms(query) if len(t) >= 1] if query else []
    if terms:
        if normalized is None or len(normalized) != len(text):
            normalized = t2s(text)
        spans = find_spans(normalized, terms)
    else:
        spans = []
    first = spans[0][0] if spans else 0
    a = max(0, first - width // 3)
    b = min(len(text), a + width)
    window = text[a:b]
    shown = t2s(window) if script == "hans" else s2t(t2s(window))
    if len(shown) != len(window):
        shown = window
    parts, cur = [], 0
    for s, e in spans:
        if e <= a or s >= b:
            continue
        s, e = max(s, a) - a, min(e, b) - a
        parts.append(escape(shown[cur:s]))
        parts.append(f"<mark>{escape(shown[s:e])}</mark>")
        cur = e
    parts.append(escape(shown[cur:]))
    return ("…" if a > 0 else "") + "".join(parts).replace("\n", " ") + ("…" if b < len(text) else "")
