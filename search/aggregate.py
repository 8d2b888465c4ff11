"""Counts over a query's matches for the research tools: reports per year, and a facet by year.

Built on the search itself, so a trend never disagrees with the search page: the per-year counts
are search()'s own year facet for the same query, filters and dates; a cross-table (province by
year) is counted by the engine from the same query (search/engine/facet_counts.py: count_pairs),
or, on a server engine that has no cross-table here, by one search a value. Views reach them
through this module and search/query.py, never through a backend.
"""

from haystack import connections

from .query import _base, search


def year_counts(q="", filters=None, dates=(None, None), expand=True):
    """({year: reports}, total): the search's year facet for this query, and its total."""
    page = search(q, filters or {}, per_page=1, expand=expand, dates=dates)
    years = {}
    for facet in page.facets:
        if facet["name"] == "year":
            years = {int(v["value"]): v["count"] for v in facet["values"] if str(v["value"]).isdigit()}
    return years, page.total, page


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
        years, _total, _page = year_counts(q, {**filters, facet: [value]}, dates, expand)
        out.update({(value, y): n for y, n in years.items()})
    return out
