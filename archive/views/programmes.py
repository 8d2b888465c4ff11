"""A national programme (from the thesaurus, archive/programmes.py), a local initiative, and a category of
programmes: where they were reported, and the reports."""

from django.db.models import Count, F
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse

from search.query import search

from ..formats import Page, respond
from ..ingest.normalize import t2s
from ..models import Initiative, InitiativeMention, Region
from ..programmes import BY_KEY
from ..taxonomy import CATEGORIES
from .cache import summary
from .rows import (
    LISTED_REPORTS,
    category_url,
    counties_of,
    facet_counts,
    initiative_row,
    programme_url,
    region_row,
    report_row,
    reports_in_order,
)


def _mentioned(initiatives):
    """The reports (their ids, newest first) and the places of these initiatives' mentions."""
    mentions = InitiativeMention.objects.filter(initiative__in=initiatives)
    ids = list(
        mentions.order_by(F("report__published").desc(nulls_last=True), "-report_id")
        .values_list("report_id", flat=True)
        .distinct()
    )
    return ids, counties_of(mentions.values("report_id"), 30)


def programme(request, key):
    key = t2s(key)
    entry = BY_KEY.get(key)
    if entry is None:
        raise Http404("没有这个项目")
    data = summary(f"programme:{key}", lambda: _programme_data(entry))
    return respond(
        request, Page("archive/programme.html", data, entry.key, table="reports", filename=f"programme-{entry.key}")
    )


def _programme_data(entry):
    initiatives = Initiative.objects.filter(programme=entry.key)
    ids, places = _mentioned(initiatives)
    data = {
        "key": entry.key,
        "name": entry.key,
        "category": entry.category or None,
        "category_url": category_url(entry.category) if entry.category else None,
        "about": entry.about,
        "source": entry.source,
        "names": list(entry.names),
        "scope": entry.scope,
        "printed_as": sorted({i.name for i in initiatives.shown()}),
        "reports_total": len(ids),
        "search_url": reverse("search:search") + f"?q={entry.key}",
        "places": places,
        "reports": [report_row(r) for r in reports_in_order(ids, LISTED_REPORTS)],
    }
    return data


def initiative(request, pk):
    i = get_object_or_404(Initiative.objects.select_related("region"), pk=pk)
    ids, places = _mentioned([i])
    data = {
        "key": None,
        "name": i.name,
        "category": i.category or None,
        "category_url": category_url(i.category) if i.category else None,
        "about": "",
        "source": "",
        "names": [],
        "scope": "local",
        "region": region_row(i.region) if i.region else None,
        "printed_as": [i.name],
        "reports_total": len(ids),
        "search_url": reverse("search:search") + f"?q={i.name}",
        "places": places,
        "reports": [report_row(r) for r in reports_in_order(ids, LISTED_REPORTS)],
    }
    return respond(request, Page("archive/programme.html", data, i.name, table="reports", filename=f"initiative-{pk}"))


def category(request, name):
    name = t2s(name)
    if name not in CATEGORIES:
        raise Http404("没有这个类别")
    data = summary(f"category:{name}", lambda: _category_data(name))
    return respond(request, Page("archive/category.html", data, name, table="reports", filename=f"category-{name}"))


def _category_data(name):
    page = search("", {"category": [name]}, sort="newest", per_page=LISTED_REPORTS)
    counties = facet_counts(page, "county")
    regions = Region.objects.in_bulk(list(counties), field_name="code")
    keys = [p.key for p in BY_KEY.values() if p.category == name]
    reported = dict(
        InitiativeMention.objects.filter(initiative__programme__in=keys)
        .values("initiative__programme")
        .annotate(n=Count("report_id", distinct=True))
        .values_list("initiative__programme", "n")
    )
    local = Initiative.objects.filter(category=name, programme="").shown().order_by("-n")[:30]
    data = {
        "name": name,
        "reports_total": page.total,
        "programmes": [
            {
                "key": p.key,
                "name": p.key,
                "about": p.about,
                "url": programme_url(p.key),
                "reports": reported.get(p.key, 0),
            }
            for p in BY_KEY.values()
            if p.category == name
        ],
        "local": [initiative_row(i, reports=i.n) for i in local],
        "places": [
            region_row(regions[c], reports=n)
            for c, n in sorted(counties.items(), key=lambda kv: -kv[1])[:30]
            if c in regions
        ],
        "search_url": reverse("search:search") + f"?category={name}",
        "reports": [report_row(h["report"]) for h in page.hits],
    }
    return data
