"""The one interface pages and tools use to search; it talks to haystack, never to a backend.

Query syntax: words are ANDed; "quoted phrases" match those words in that order;
OR between words makes alternatives; -word excludes. An empty query browses
everything. Filters: several values of one facet combine with OR; facets AND
together. Each facet's counts reflect every filter but its own.

A word that names a programme of the thesaurus (archive/programmes.py) also finds
its other names (易地搬迁 finds 易地扶贫搬迁, 扶贫搬迁 …, each as a phrase); the page
shows the expansion and expand=False turns it off.
"""

import re
from dataclasses import dataclass, field

from haystack.inputs import Exact
from haystack.query import SQ, SearchQuerySet

from archive.ingest.normalize import t2s
from archive.models import RegionMention, Report
from archive.programmes import programme_of, synonyms

from .analysis import query_terms
from .facets import FACETS
from .highlight import snippet

SORTS = {"relevance": None, "newest": "-published", "oldest": "published"}
PER_PAGE = 20
FACET_VALUES = 5000  # values a facet may return (a server engine returns 10 unless told; every county fits)
_TOKEN = re.compile(r'(-?)"([^"]+)"|(-?)“([^”]+)”|(\S+)')


@dataclass
class SearchPage:
    query: str
    normalized_query: str
    filters: dict
    sort: str
    page: int
    total: int
    hits: list
    facets: list
    suggestion: str | None = None
    per_page: int = PER_PAGE
    related: list = field(default_factory=list)
    expansions: list = field(default_factory=list)  # [(word, programme, [its other names])]
    expand: bool = True

    @property
    def pages(self):
        return max(1, -(-self.total // self.per_page))


def expansions(q):
    """[(word, programme, [other names])] for the query's words that name a thesaurus programme."""
    out = []
    for m in _TOKEN.finditer(q or ""):
        word = m.group(5)
        if word and not word.startswith("-") and word not in ("OR", "|"):
            key = programme_of(t2s(word))
            if key:
                out.append((word, key, [n for n in synonyms(key) if n != t2s(word)]))
    return out


def parse_query(q, expand=True):
    """An SQ for the query string, or None for an empty query; expand: programme names find their
    other names too."""
    current, pending_or = [], False
    for m in _TOKEN.finditer(q or ""):
        neg_phrase, phrase, neg_phrase2, phrase2, word = m.groups()
        if word == "OR" or word == "|":
            pending_or = True
            continue
        if phrase or phrase2:
            text, negate = (phrase or phrase2), bool(neg_phrase or neg_phrase2)
            sq = _matches(t2s(text), phrase=True)
        else:
            negate = word.startswith("-") and len(word) > 1
            text = word[1:] if negate else word
            sq = _matches(t2s(text), phrase=False)
            key = programme_of(t2s(text)) if expand and not negate else None
            for other in synonyms(key) if key else ():
                if other != t2s(text):
                    sq = sq | _matches(other, phrase=True)
        if negate:
            current.append(~sq)
        elif pending_or and current:
            current[-1] = current[-1] | sq
        else:
            current.append(sq)
        pending_or = False
    if not current:
        return None
    out = current[0]
    for sq in current[1:]:
        out &= sq
    return out


def _matches(text, phrase):
    return SQ(content=Exact(text)) if phrase else SQ(content=text)


def _base(q, filters, skip=None, expand=True):
    sqs = SearchQuerySet()
    sq = parse_query(q, expand)
    if sq is not None:
        sqs = sqs.filter(sq)
    for name, values in filters.items():
        if name != skip and values:
            sqs = sqs.filter(**{f"{name}_exact__in": list(values)})
    return sqs


def matching_ids(q="", filters=None, limit=1_000_000, expand=True):
    """Every matching report id (for exports and measurements), best first."""
    return [int(pk) for pk in _base(q, filters or {}, expand=expand).values_list("pk", flat=True)[:limit]]


def clean_filters(params):
    """{facet: [values]} from a QueryDict or dict, unknown names dropped."""
    out = {}
    for name in FACETS:
        values = params.getlist(name) if hasattr(params, "getlist") else params.get(name, [])
        values = [v for v in (values if isinstance(values, list) else [values]) if v]
        if values:
            out[name] = values
    return out


def search(q="", filters=None, sort="relevance", page=1, per_page=PER_PAGE, script="hans", expand=True):
    filters = filters or {}
    sort = sort if sort in SORTS else "relevance"
    sqs = _base(q, filters, expand=expand)
    for name in FACETS:
        sqs = sqs.facet(name, size=FACET_VALUES)
    if SORTS[sort]:
        sqs = sqs.order_by(SORTS[sort])
    page = max(1, page)
    start = (page - 1) * per_page
    results = list(sqs[start : start + per_page])
    total = sqs.count()
    counts = (sqs.facet_counts() or {}).get("fields", {})
    for name in filters:  # OR within a facet: its counts ignore its own selection
        own = _base(q, filters, skip=name, expand=expand).facet(name, size=FACET_VALUES)
        own.query.set_limits(0, 1)  # counts only: no result objects for every match
        counts[name] = (own.facet_counts() or {}).get("fields", {}).get(name, [])
    found_expansions = expansions(q) if expand else []
    marked = " ".join([_plain(q), *(n for _w, _k, names in found_expansions for n in names)])  # what the snippets mark
    reports = Report.objects.select_related("source").in_bulk([int(r.pk) for r in results])
    regions = {}
    # by report only, the level checked here: with the level in SQL, SQLite walked every mention of
    # every prefecture and county (43 ms at the full corpus) instead of the page's reports' (1 ms)
    for m in (
        RegionMention.objects.filter(report_id__in=list(reports))
        .select_related("region")
        .order_by("-primary", "-count")
    ):
        if m.region.level in ("prefecture", "county"):
            regions.setdefault(m.report_id, []).append(m.region)
    hits = []
    for r in results:
        report = reports.get(int(r.pk))
        if report is None:
            continue
        hits.append(
            {
                "report": report,
                "score": r.score,
                "snippet": snippet(report.clean_text, marked, script, normalized=report.normalized_text),
                "regions": regions.get(report.pk, []),
            }
        )
    facets = [
        {
            "name": name,
            "label": f.label,
            "visible": f.visible(filters),
            "values": f.facet_results(counts.get(name, []), filters.get(name, []), script, filters),
        }
        for name, f in FACETS.items()
    ]
    suggestion = _suggest(_plain(q)) if q and total == 0 else None
    related = _related(q, filters) if q and total == 0 else []
    return SearchPage(
        q,
        " ".join(query_terms(_plain(q))) if q else "",
        filters,
        sort,
        page,
        total,
        hits,
        facets,
        suggestion,
        per_page,
        related,
        found_expansions if expand else expansions(q),
        expand,
    )


def _related(q, filters):
    """For a query that finds nothing: each of its words alone, and the query without filters,
    with how many reports each would find."""
    out = []
    words = _plain(q).split()
    if len(words) > 1:
        out += [(w, _base(w, filters).count()) for w in words]
    if filters:
        out.append((q, _base(q, {}).count()))
    return [(text, n) for text, n in out if n]


def _suggest(plain):
    """The engine's spelling suggestion for the query's words (a zero-hit query runs once more)."""
    if not plain:
        return None
    suggestion = SearchQuerySet().filter(content=plain).spelling_suggestion(plain)
    return suggestion if suggestion and suggestion != plain else None


def _plain(q):
    return re.sub(r'(^|\s)-\S+|\bOR\b|["“”]', " ", q or "").strip()


COMMON_SHARE = 0.05  # a word in more of the archive's reports than this says little about likeness


def similar_words(report, top=8):
    """The words more_like_this looks for: the report's key words (TF-IDF), without numbers and
    without words found in more than COMMON_SHARE of the archive, which say little about likeness
    and are the dearest to read (今天, 举行 and 10 were in 12,000-25,000 of 73,000 reports)."""
    from haystack import connections

    from .analysis import key_words

    words = [w for w in key_words(report.normalized_text[:5000], top=2 * top) if not w.isdigit()]
    backend = connections["default"].get_backend()
    if hasattr(backend, "common_words"):  # Whoosh; a server engine reads every word
        common = backend.common_words(words, COMMON_SHARE)
        words = [w for w in words if w not in common]
    return words[:top]


def more_like_this(report, limit=5):
    """Reports sharing this one's key words (engine-neutral: a plain OR query)."""
    words = similar_words(report)
    if not words:
        return []
    sq = SQ(content=words[0])
    for w in words[1:]:
        sq |= SQ(content=w)
    results = SearchQuerySet().filter(sq).exclude(django_id=report.pk)[:limit]
    found = Report.objects.in_bulk([int(r.pk) for r in results])
    return [found[int(r.pk)] for r in results if int(r.pk) in found]
