"""A concordance (keyword in context): every occurrence of a query's words in the reports the search
finds, with the text on either side.

The reports are the search's own (its query parsing, filters, dates and programme expansion:
search/query.py), newest first, at most MAX_REPORTS; the words are the query's positive terms,
each whole (易地搬迁, not 易地 and 搬迁), and the thesaurus names it expands to. They are looked
for in the report's normalised text (OpenCC t2s with variants folded: archive/ingest/normalize.py,
as the index reads it), so a query in either script finds both; the context is cut from the
report's own text at the same offsets (t2s keeps length; search/highlight.py relies on it too).
Occurrences do not overlap: the longest word wins (search/highlight.find_spans).
"""

from dataclasses import dataclass, field

from archive.ingest.normalize import t2s
from archive.models import RegionMention, Report

from .highlight import find_spans
from .query import _base, expansions
from .syntax import parse

CONTEXT = 30  # characters either side of the word
MAX_REPORTS = 1000  # reports read for one concordance (newest first); more is cut, and the page says so
MAX_LINES = 10000  # lines kept (the page, its JSON and its CSV); more is cut, and the page says so
READ_CHUNK = 200  # reports read from the database at a time


@dataclass
class Concordance:
    words: list  # the words looked for (simplified)
    lines: list = field(default_factory=list)
    reports: int = 0  # reports the search found
    read: int = 0  # reports read (at most MAX_REPORTS)
    cut_reports: bool = False
    cut_lines: bool = False


def words_of(q, expand=True):
    """The whole words a concordance looks for: the query's positive terms and, with expand, the
    other names of the programmes they name (as the search finds them)."""
    parsed = parse(q)
    words = [t2s(t.text) for t in parsed.positive_terms()]
    if expand:
        words += [t2s(n) for _w, _k, names in expansions(q, parsed) for n in names]
    return list(dict.fromkeys(w for w in words if w.strip()))


def concordance(q, filters=None, dates=(None, None), expand=True, context=CONTEXT):
    """Every occurrence of the query's words in the matching reports (up to the bounds)."""
    words = words_of(q, expand)
    out = Concordance(words)
    if not words:
        return out
    sqs = _base(q, filters or {}, expand=expand, dates=dates).order_by("-published")
    ids = [int(pk) for pk in sqs.values_list("pk", flat=True)[: MAX_REPORTS + 1]]
    out.cut_reports = len(ids) > MAX_REPORTS
    out.reports = sqs.count() if out.cut_reports else len(ids)
    ids = ids[:MAX_REPORTS]
    out.read = len(ids)
    places = _places(ids)
    for i in range(0, len(ids), READ_CHUNK):
        chunk = ids[i : i + READ_CHUNK]
        rows = Report.objects.filter(pk__in=chunk).values_list(
            "id", "title", "published", "clean_text", "normalized_text"
        )
        by_id = {r[0]: r for r in rows}
        for pk in chunk:
            if pk not in by_id:
                continue
            _id, title, published, text, normalized = by_id[pk]
            if len(normalized) != len(text):  # not one for one: the context from the folded text
                text = normalized
            place = places.get(pk)
            for start, end in find_spans(normalized, words):
                out.lines.append(
                    {
                        "report": pk,
                        "title": title,
                        "published": published,
                        "region": place[0] if place else None,
                        "region_name": place[1] if place else None,
                        "position": start,
                        "left": _flat(text[max(0, start - context) : start]),
                        "word": text[start:end],
                        "right": _flat(text[end : end + context]),
                        "key": normalized[start:end],
                    }
                )
                if len(out.lines) >= MAX_LINES:
                    out.cut_lines = True
                    return out
    return out


def _flat(s):
    return s.replace("\r", " ").replace("\n", " ").replace("\t", " ")


def _places(ids):
    """{report: (code, name)}: the report's main place, as the search's hits list it first (primary,
    then most mentioned), the most specific level."""
    rank = {"county": 0, "prefecture": 1, "province": 2}
    best = {}
    for pk, code, name, level, primary, count in RegionMention.objects.filter(report_id__in=ids).values_list(
        "report_id", "region__code", "region__name", "region__level", "primary", "count"
    ):
        key = (not primary, rank.get(level, 3), -count, code)
        if pk not in best or key < best[pk][0]:
            best[pk] = (key, (code, name))
    return {pk: place for pk, (_key, place) in best.items()}
