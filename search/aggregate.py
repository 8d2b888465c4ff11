"""Counts over a query's matches for the research tools: reports per year, and a facet by year.

Built on the search itself, so a trend never disagrees with the search page: the per-year counts
are search()'s own year facet for the same query, filters and dates; a cross-table (province by
year) is counted by the engine from the same query (search/engine/facet_counts.py: count_pairs),
or, on a server engine that has no cross-table here, by one search a value. Views reach them
through this module and search/query.py, never through a backend.
"""

from haystack import connections

from .query import FACET_VALUES, _base


def facet_values(q="", filters=None, dates=(None, None), expand=True, facets=("year",)):
    """({facet: {value: reports}}, total) for the query, filters and dates, counted alone (no page of
    hits, snippets or help for a query that finds nothing: a trend of four terms is five of these).
    The same query and filters as search() (query._base); a facet's counts are the ones search()
    shows when that facet has no value chosen, which tests/pages/test_research.py checks against
    search() itself."""
    filters = {k: v for k, v in (filters or {}).items() if k not in facets}
    sqs = _base(q, filters, expand=expand, dates=dates)
    for name in facets:
        sqs = sqs.facet(name, size=FACET_VALUES)
    sqs.query.set_limits(0, 1)  # counts only
    fields = (sqs.facet_counts() or {}).get("fields", {})
    return {name: {str(v): n for v, n in fields.get(name, [])} for name in facets}, sqs.count()


def year_counts(q="", filters=None, dates=(None, None), expand=True):
    """({year: reports}, total): the search's year facet for this query (a year filter dropped: a
    trend is by year)."""
    found, total = facet_values(q, filters, dates, expand, ("year",))
    return {int(v): n for v, n in found["year"].items() if v.isdigit()}, total


def facet_by_year(q, facet, filters=None, dates=(None, None), expand=True, values=None):
    """{(value of facet, year): reports} for the query's matches. Each cell equals the search's year
    facet under that facet value as an added filter (tests/pages/test_research.py checks it)."""
    filters = filters or {}
    backend = connections["default"].get_backend()
    if hasattr(backend, "facet_pairs"):  # the Whoosh engine: one pass
        sqs = _base(q, filters, expand=expand, dates=dates)
        pairs = backend.facet_pairs(sqs.query.build_query(), f"{facet}_exact", "year_exact")
        return {(str(v), int(y)): n for (v, y), n in pairs.items() if str(y).isdigit()}
    out = {}
    for value in values or ():  # a server engine: a search per value
        years, _total = year_counts(q, {**filters, facet: [value]}, dates, expand)
        out.update({(value, y): n for y, n in years.items()})
    return out
