"""The rows the pages share: one dict per report, region, person, programme or figure, with its link,
so a report looks the same on every page and in every format; and the few queries several pages ask."""

from django.db.models import Count
from django.urls import reverse

from ..entities import BY_KEY
from ..models import Region, RegionMention, Report, exact_number, format_number, url_of  # noqa: F401 (url_of: the pages import it from here)
from ..taxonomy import CATEGORIES

LISTED_REPORTS = 50  # the newest reports a region, programme or category page lists (all are in its search link)


def report_row(r):
    return {
        "id": r.pk,
        "title": r.title,
        "source": r.source.name if r.source_id and r.source else None,
        "published": r.published,
        "script": r.script,
        "url": r.get_absolute_url(),
    }


def region_row(region, **extra):
    return {
        "code": region.code,
        "name": region.name,
        "level": region.level,
        "url": region.get_absolute_url(),
        "poverty_county": region.poverty_county,
        "exit_year": region.exit_year,
        **extra,
    }


def metric_row(m):
    return {
        "id": m.pk,
        "report": m.report_id,
        "report_url": url_of("archive:report", m.report_id),
        "label": m.label,
        "value": exact_number(m.value),
        "value_text": value_text(m),
        "unit": m.unit,
        "approx": m.approx,
        "vague": m.vague or None,
        "year": m.year,
        "change": m.change,
        "scope": m.scope or None,
        "region": m.region.code if m.region_id and m.region else None,
        "region_name": m.region.name if m.region_id and m.region else scope_name(m.scope),
        "quote": m.quote,
        "sentence": m.sentence,
    }


def value_text(m):
    """A figure's value as the pages show it: the number exactly, or a vague quantity's own words (数十)."""
    return m.vague if m.vague else format_number(m.value)


def scope_name(scope):
    """What the region column says of a figure with no region: 全国 for a national one."""
    return "全国" if scope == "national" else None


NOT_SHOWN = ("label_key", "position")  # a figure's matching key and offset: for the code, not for a reader
# the registry's columns of a figure, with its region as code and name (metric_row)
METRIC_COLUMNS = [
    "report",
    *(
        name
        for column in BY_KEY["metrics"].columns
        if column not in NOT_SHOWN
        for name in (("region", "region_name") if column == "region_id" else (column,))
    ),
]


def person_row(p, **extra):
    return {
        "id": p.pk,
        "name": p.name,
        "title": p.title,
        "kind": p.get_kind_display(),
        "url": p.get_absolute_url(),
        "region": p.region.name if p.region_id and p.region else None,
        **extra,
    }


def programme_url(key):
    return reverse("archive:programme", args=[key])


def category_url(name):
    return reverse("archive:category", args=[name])


def initiative_row(i, **extra):
    return {
        "id": i.pk,
        "name": i.name,
        "programme": i.programme or None,
        "category": i.category or None,
        "url": i.get_absolute_url(),
        **extra,
    }


# -- a report's records of each entity kind, as its page lists them (archive/entities.py: page_rows)


def region_mention_rows(mentions):
    return [region_row(m.region, count=m.count, primary=m.primary) for m in mentions]


def person_mention_rows(mentions):
    return [person_row(m.person, title_here=m.title) for m in mentions]


def initiative_mention_rows(mentions):
    return [initiative_row(m.initiative) for m in mentions]


def category_rows(links):
    return [{"name": c, "url": category_url(c)} for c in sorted({c.category for c in links}, key=CATEGORIES.index)]


def metric_rows(metrics):
    return [metric_row(m) for m in metrics]


def facet_counts(page, name):
    return {v["value"]: v["count"] for f in page.facets if f["name"] == name for v in f["values"]}


def reports_in_order(ids, limit=None):
    found = Report.objects.select_related("source").in_bulk(list(ids)[:limit] if limit else list(ids))
    return [found[i] for i in ids if i in found][:limit]


def counties_of(reports, limit=20):
    """The counties most often named in these reports (a values("report_id") queryset), with counts.

    Counted over every region and narrowed to counties here: with the level in the same SQL, SQLite
    walked the county mentions of the whole archive for each report (docs/BENCHMARKS.md has the times)."""
    rows = (
        RegionMention.objects.filter(report_id__in=reports)
        .values("region_id")
        .annotate(n=Count("report_id", distinct=True))
        .order_by("-n")[: limit * 10]
    )
    regions = Region.objects.in_bulk([r["region_id"] for r in rows])
    return [
        region_row(regions[r["region_id"]], reports=r["n"])
        for r in rows
        if r["region_id"] in regions and regions[r["region_id"]].level == Region.COUNTY
    ][:limit]
