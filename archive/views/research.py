"""What the research tools share (trends, concordance, spread, compare): the search's filters read
from the URL as the search reads them, links back to the search a number counts, and the cache key
of a tool's data (kept per index commit: archive/views/cache.py)."""

import hashlib
from urllib.parse import urlencode

from django.urls import reverse

from search.facets import FACETS
from search.query import clean_filters

from .. import params


def search_url(q, filters, dates=(None, None), **more):
    """The search page of this query, filters and dates (and more, e.g. year=2018): what a count links to."""
    pairs = [("q", q)] if q else []
    pairs += [(name, v) for name, values in filters.items() for v in values]
    pairs += [(k, v.isoformat()) for k, v in (("from", dates[0]), ("to", dates[1])) if v]
    pairs += [(k, v) for k, v in more.items() if v not in (None, "")]
    return reverse("search:search") + ("?" + urlencode(pairs) if pairs else "")


def search_filters(get):
    """(filters, (from, to), note): the search's facet filters and date range, read as the search reads them."""
    start, end, note = params.date_range(get)
    return clean_filters(get), (start, end), note


def chips(filters):
    """The filters as the page names them ({facet_label, label}), in simplified (the page converts)."""
    return [
        {"facet": name, "facet_label": FACETS[name].label, "value": v, "label": FACETS[name].display(v)}
        for name, values in filters.items()
        for v in values
    ]


def cache_key(tool, get, only_renders=()):
    """A tool's data under every parameter but the format, the display script and the tool's own
    only_renders (the page of a list kept whole), which only choose what is printed of it."""
    skip = ("format", "display", *only_renders)
    pairs = sorted((k, v) for k, values in get.lists() for v in values if k not in skip)
    return f"{tool}:" + hashlib.sha256(urlencode(pairs).encode()).hexdigest()  # a key of bounded length


def notes(*parts):
    return " ".join(p for p in parts if p)
