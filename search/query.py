"""The one interface pages and tools use to search; it talks to haystack, never to a backend.

Query syntax (search/syntax.py): words are ANDed; "quoted phrases" match those words in that
order; OR between terms makes alternatives; NOT or a leading minus excludes. An empty query
browses everything. Filters: several values of one facet combine with OR; facets AND together.
Each facet's counts reflect every filter but its own. A date range (from, to) narrows every count.

A word that names a programme of the thesaurus (archive/programmes.py) also finds its other names
(易地搬迁 finds 易地扶贫搬迁, 扶贫搬迁 …, each as a phrase); the page shows the expansion and
expand=False turns it off. A query that finds nothing gets help (search/help.py).
"""

from dataclasses import dataclass, field
from functools import lru_cache

from django.urls import reverse
from haystack import connections
from haystack.inputs import Exact
from haystack.query import SQ, SearchQuerySet

from archive.ingest.normalize import t2s
from archive.models import RegionMention, Report
from archive.programmes import programme_of, synonyms

from .analysis import key_words, query_terms
from .facets import FACETS
from .highlight import snippet
from .syntax import parse

SORTS = {"relevance": None, "newest": "-published", "oldest": "published"}
PER_PAGE = 20
FACET_VALUES = 5000  # values a facet may return (a server engine returns 10 unless told; every county fits)


HIT_FIELDS = ("id", "title", "published", "script", "source_id", "source__name", "clean_text", "normalized_text")


@dataclass(frozen=True)
class Place:
    """A region a hit names, as the page shows it (a plain row: a page lists hundreds)."""

    code: str
    name: str
    level: str

    def get_absolute_url(self):
        return _region_url(self.code)


@lru_cache(maxsize=8192)
def _region_url(code):
    """A region's page, reversed once per code (a search page names every hit's regions)."""
    return reverse("archive:region", args=[code])


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
    understood: str = ""  # the query as it was read, when it had operators or phrases
    syntax_note: str = ""
    dates: tuple = (None, None)  # the date range (from, to) applied
    plain: str = ""  # the words looked for (no operators, no excluded words)

    @property
    def pages(self):
        return max(1, -(-self.total // self.per_page))


def expansions(q, parsed=None):
    """[(word, programme, [other names])] for the query's words that name a thesaurus programme."""
    out = []
    for term in (parsed or parse(q)).positive_terms():
        if term.phrase:
            continue
        key = programme_of(t2s(term.text))
        if key:
            out.append((term.text, key, [n for n in synonyms(key) if n != t2s(term.text)]))
    return out


def parse_query(q, expand=True, parsed=None):
    """An SQ for the query string, or None for an empty query; expand: programme names find their
    other names too."""
    parsed = parsed or parse(q)
    out = None
    for clause in parsed.clauses:
        sq = None
        for term in clause.terms:
            text = t2s(term.text)
            one = _matches(text, phrase=term.phrase)
            key = programme_of(text) if expand and not clause.negated and not term.phrase else None
            for other in synonyms(key) if key else ():
                if other != text:
                    one = one | _matches(other, phrase=True)
            sq = one if sq is None else sq | one
        if clause.negated:
            sq = ~sq
        out = sq if out is None else out & sq
    return out


def _matches(text, phrase):
    return SQ(content=Exact(text)) if phrase else SQ(content=text)


def _base(q, filters, skip=None, expand=True, dates=(None, None), parsed=None):
    sqs = SearchQuerySet()
    sq = parse_query(q, expand, parsed)
    if sq is not None:
        sqs = sqs.filter(sq)
    for name, values in filters.items():
        if name != skip and values:
            sqs = sqs.filter(**{f"{name}_exact__in": list(values)})
    start, end = dates
    if start:
        sqs = sqs.filter(published__gte=start)
    if end:
        sqs = sqs.filter(published__lte=end)
    return sqs


def matching_ids(q="", filters=None, limit=1_000_000, expand=True, dates=(None, None)):
    """Every matching report id (for exports and measurements), best first."""
    sqs = _base(q, filters or {}, expand=expand, dates=dates)
    return [int(pk) for pk in sqs.values_list("pk", flat=True)[:limit]]


def count(q="", filters=None, expand=True, dates=(None, None)):
    """How many reports the query finds."""
    return _base(q, filters or {}, expand=expand, dates=dates).count()


def clean_filters(params):
    """{facet: [values]} from a QueryDict or dict, unknown names dropped."""
    out = {}
    for name in FACETS:
        values = params.getlist(name) if hasattr(params, "getlist") else params.get(name, [])
        values = [v for v in (values if isinstance(values, list) else [values]) if v]
        if values:
            out[name] = values
    return out


def search(
    q="", filters=None, sort="relevance", page=1, per_page=PER_PAGE, script="hans", expand=True, dates=(None, None)
):
    filters = filters or {}
    sort = sort if sort in SORTS else "relevance"
    parsed = parse(q)
    one_pass = getattr(SearchQuerySet().query, "supports_facet_filters", False)
    sqs = _base(q, {} if one_pass else filters, expand=expand, dates=dates, parsed=parsed)
    if one_pass:  # the engine counts each filtered facet without its own filter, in the same pass
        for name, values in filters.items():
            sqs.query.add_facet_filter(f"{name}_exact", values)
    for name in FACETS:
        sqs = sqs.facet(name, size=FACET_VALUES)
    if SORTS[sort]:
        sqs = sqs.order_by(SORTS[sort])
    page = max(1, page)
    start = (page - 1) * per_page
    results = list(sqs[start : start + per_page])
    total = sqs.count()
    counts = (sqs.facet_counts() or {}).get("fields", {})
    for name in filters if not one_pass else ():  # OR within a facet: its counts ignore its own selection
        own = _base(q, filters, skip=name, expand=expand, dates=dates, parsed=parsed).facet(name, size=FACET_VALUES)
        own.query.set_limits(0, 1)  # counts only: no result objects for every match
        counts[name] = (own.facet_counts() or {}).get("fields", {}).get(name, [])
    plain = parsed.plain()
    found_expansions = expansions(q, parsed)
    shown_expansions = found_expansions if expand else []
    marked = " ".join([plain, *(n for _w, _k, names in shown_expansions for n in names)])  # what the snippets mark
    reports = Report.objects.select_related("source").only(*HIT_FIELDS).in_bulk([int(r.pk) for r in results])
    regions = {}
    # by report only, the level checked here: with the level in SQL, SQLite walked every mention of
    # every prefecture and county instead of the page's reports' (docs/BENCHMARKS.md);
    # plain rows, not a model object for every mention and its region
    for report_id, code, name, level in (
        RegionMention.objects.filter(report_id__in=list(reports))
        .order_by("-primary", "-count")
        .values_list("report_id", "region__code", "region__name", "region__level")
    ):
        if level in ("prefecture", "county"):
            regions.setdefault(report_id, []).append(Place(code, name, level))
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
    nothing = bool(q) and total == 0
    return SearchPage(
        q,
        " ".join(query_terms(plain)) if plain else "",
        filters,
        sort,
        page,
        total,
        hits,
        facets,
        _suggest(plain, filters, dates) if nothing else None,
        per_page,
        _related(parsed, filters, dates) if nothing else [],
        found_expansions,
        expand,
        parsed.understood() if parsed.operators else "",
        parsed.note(),
        dates,
        plain,
    )


def _related(parsed, filters, dates):
    """For a query that finds nothing: each of its words alone, and the query without filters,
    with how many reports each would find."""
    out = []
    words = [t.text for t in parsed.positive_terms()]
    if len(words) > 1:
        out += [(w, count(w, filters, dates=dates)) for w in words]
    if filters or any(dates):
        whole = " ".join(words)
        out.append((whole, count(whole)))
    return [(text, n) for text, n in out if n]


def _suggest(plain, filters, dates):
    """The engine's correction of the query's words, offered only when it finds reports under the
    same filters (a zero-hit query runs once more, and the correction once)."""
    if not plain:
        return None
    suggestion = SearchQuerySet().filter(content=plain).spelling_suggestion(plain)
    if not suggestion or suggestion.replace(" ", "") == t2s(plain).replace(" ", ""):
        return None
    return suggestion if count(suggestion, filters, dates=dates) else None


COMMON_SHARE = 0.05  # a word in more of the archive's reports than this says little about likeness


def similar_words(report, top=8):
    """The words more_like_this looks for: the report's key words (TF-IDF), without numbers and
    without words found in more than COMMON_SHARE of the archive, which say little about likeness
    and are the dearest to read (今天, 举行 and 10 were in 12,000-25,000 of 73,000 reports)."""
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
