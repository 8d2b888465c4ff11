"""A province, prefecture or county: its poverty counties, former names, reports, people, programmes by
category, and its figures side by side with their series."""

from collections import Counter, defaultdict

from django.db.models import Case, Count, F, When
from django.shortcuts import get_object_or_404
from django.urls import reverse

from search.query import search

from ..formats import Page, respond
from ..ingest.normalize import t2s
from ..models import InitiativeMention, Metric, Person, Region, RegionMention, exact_number, format_number
from ..programmes import BY_KEY
from ..taxonomy import CATEGORIES
from ..units import GENERIC_LABELS
from .cache import summary
from .rows import LISTED_REPORTS, category_url, facet_counts, person_row, programme_url, region_row, report_row, url_of
from .svg import dots_svg, fitted_frame, series_svg

METRIC_GROUPS = 40  # (label, year) groups a region page compares
SERIES_MIN_YEARS = 2  # years a label needs for its series to be drawn
MAP_ALL_NAMES = 30  # a region map of at most this many counties names them all; a larger one those with reports


def region(request, code):
    place = get_object_or_404(Region.objects.select_related("parent__parent"), code=code)
    data = summary(f"region:{code}", lambda: _region_data(place, code))
    dots = dots_svg(data["map"]["dots"]) if data["map"] else ""  # markup for the page, not in its JSON
    return respond(
        request,
        Page(
            "archive/region.html",
            data,
            place.name,
            table="reports",
            filename=f"region-{code}",
            context={"map_dots": dots},
        ),
    )


def _region_data(place, code):
    child_facet = {Region.PROVINCE: "prefecture", Region.PREFECTURE: "county"}.get(place.level)
    filters = {place.level: [code]}
    if place.level == Region.PREFECTURE:
        filters["province"] = [code[:2] + "0000"]
    page = search("", filters, sort="newest", per_page=LISTED_REPORTS)
    counts = facet_counts(page, child_facet) if child_facet else {}
    prefix = _region_prefix(place)
    children = [region_row(c, reports=counts.get(c.code, 0)) for c in place.children.order_by("code")]
    poverty = (
        [
            region_row(c, reports=facet_counts(page, "county").get(c.code, 0))
            for c in Region.objects.filter(level=Region.COUNTY, code__startswith=prefix, poverty_county=True).order_by(
                "code"
            )
        ]
        if place.level != Region.COUNTY
        else []
    )
    within = list(Region.objects.filter(code__startswith=prefix).values_list("id", flat=True))  # ids, not a LIKE join
    people = Person.objects.filter(region_id__in=within).shown().select_related("region").order_by("-n", "name")[:60]
    here = RegionMention.objects.filter(region_id__in=within).values("report_id")
    by_category = _programmes_of(here)
    figures = _compare_metrics(Metric.objects.filter(region_id__in=within))
    data = {
        **region_row(place),
        "parents": [region_row(a) for a in place.ancestors()],
        "other_names": [
            {"name": n.name, "kind": n.get_kind_display(), "date": n.date} for n in place.other_names.all()
        ],
        "counts": {
            "reports": page.total,
            "people": len(people),
            "figures": sum(len(g["values"]) for g in figures["figure_groups"]),
        },
        "search_url": reverse("search:search") + "?" + "&".join(f"{k}={v[0]}" for k, v in filters.items()),
        "children": children,
        "map": _county_map(place, prefix, facet_counts(page, "county")) if place.level != Region.COUNTY else None,
        "poverty_counties": poverty,
        "reports": [report_row(h["report"]) for h in page.hits],
        "reports_total": page.total,
        "people": [person_row(p, reports=p.n) for p in people],
        "programmes": [
            {"category": c, "url": category_url(c) if c in CATEGORIES else None, "programmes": v}
            for c, v in sorted(
                by_category.items(),
                key=lambda kv: (kv[0] not in CATEGORIES, CATEGORIES.index(kv[0]) if kv[0] in CATEGORIES else 0),
            )
        ],
        **figures,
    }
    return data


def _programmes_of(here):
    """{category: [programme]} of the reports here: one chip a programme (a thesaurus programme by its
    name however it was printed, with the printed names beside it; a local one by its name, whichever
    places' records it was stored under), counting reports; it links to the programme's page, or to the
    local record with the most reports."""
    key = Case(When(initiative__programme="", then=F("initiative__name")), default=F("initiative__programme"))
    mentions = InitiativeMention.objects.filter(report_id__in=here).annotate(key=key)
    top = list(mentions.values("key").annotate(n=Count("report_id", distinct=True)).order_by("-n", "key")[:80])
    records = defaultdict(Counter)  # key: {(initiative id, category): reports}
    printed = defaultdict(set)  # key: the names it was printed as
    for row in (
        mentions.filter(key__in=[t["key"] for t in top])
        .values("key", "initiative_id", "initiative__category", "initiative__name")
        .annotate(n=Count("report_id", distinct=True))
    ):
        records[row["key"]][(row["initiative_id"], row["initiative__category"])] += row["n"]
        printed[row["key"]].add(row["initiative__name"])
    by_category = defaultdict(list)
    for t in top:
        name = t["key"]
        counted = records[name]
        categories = Counter()
        for (_pk, category), n in counted.items():
            categories[category] += n
        category = (BY_KEY[name].category if name in BY_KEY else "") or next(
            (c for c, _n in categories.most_common() if c), ""
        )
        biggest = max(counted.items(), key=lambda kv: (kv[1], -kv[0][0]))[0][0] if counted else None
        by_category[category or "其他"].append(
            {
                "name": name,
                "programme": name if name in BY_KEY else None,
                "printed_as": sorted(printed[name] - {name}),
                "reports": t["n"],
                "url": programme_url(name) if name in BY_KEY else url_of("archive:initiative", biggest),
            }
        )
    return by_category


def _county_map(place, prefix, counts):
    """The counties of a province or prefecture as dots at their coordinates, each linked to its page and
    sized by its reports (a poverty county marked), in a frame fitted to them."""
    counties = list(
        Region.objects.filter(level=Region.COUNTY, code__startswith=prefix, longitude__isnull=False)
        .values_list("code", "name", "longitude", "latitude", "poverty_county", "exit_year")
        .order_by("code")
    )
    if not counties:
        return None
    width, height, xy = fitted_frame([(c[2], c[3]) for c in counties])
    most = max([counts.get(c[0], 0) for c in counties] + [1])
    dots = []
    for code, name, lon, lat, poor, exit_year in counties:
        x, y = xy(lon, lat)
        n = counts.get(code, 0)
        dots.append(
            {
                "code": code,
                "name": name,
                "x": x,
                "y": y,
                "reports": n,
                "poverty_county": poor,
                "exit_year": exit_year,
                "r": round(3 + 9 * (n / most) ** 0.5, 1) if n else 2.5,
                "url": url_of("archive:region", code),
                "label": name if n or len(counties) <= MAP_ALL_NAMES else "",
            }
        )
    dots.sort(key=lambda d: -d["reports"])  # the small ones drawn last, on top
    return {"width": width, "height": height, "dots": dots, "title": f"{place.name}的县（区）"}


def _region_prefix(region):
    return {Region.PROVINCE: region.code[:2], Region.PREFECTURE: region.code[:4]}.get(region.level, region.code)


def _disagree(ms):
    """Whether reports contradict each other: different exact values for the same place, label, unit, year
    and end of a change; a generic label (县, 村, 人, 户 …: units.GENERIC_LABELS) counts different things."""
    if (ms[0].label_key or t2s(ms[0].label)) in GENERIC_LABELS:
        return False
    said = defaultdict(set)
    for m in ms:
        if not m.approx and m.value is not None:
            said[(m.region_id, m.change)].add(round(m.value, 6))
    return any(len(values) > 1 for values in said.values())


def _compare_metrics(qs):
    """Figures about the same thing (label and year) from different reports side by side, the most
    reported first, and the series a label forms over years (for a chart)."""
    # the columns it shows as plain rows, grouped by the stored simplified label: model instances with
    # their reports (select_related read every report's text: docs/BENCHMARKS.md)
    rows = (
        qs.exclude(label="")
        .values_list(
            "label",
            "label_key",
            "year",
            "unit",
            "value",
            "approx",
            "vague",
            "change",
            "quote",
            "report_id",
            "region_id",
            "region__name",
            named=True,
        )
        .order_by("label_key", "year", "report_id")[:3000]
    )
    groups = defaultdict(list)
    for m in rows:
        groups[(m.label_key or t2s(m.label), m.year, m.unit)].append(m)
    ordered = sorted(
        groups.items(), key=lambda kv: (-len({m.report_id for m in kv[1]}), kv[0][1] is None, kv[0][0], kv[0][1] or 0)
    )  # compared, then dated, first
    out = []
    for (_label, year, unit), ms in ordered[:METRIC_GROUPS]:
        out.append(
            {
                "label": ms[0].label,
                "year": year,
                "unit": unit,
                "reports": len({m.report_id for m in ms}),
                "disagree": _disagree(ms),
                "values": [
                    {
                        "value": exact_number(m.value),
                        "value_text": m.vague or format_number(m.value),
                        "approx": m.approx,
                        "vague": m.vague or None,
                        "change": m.change,
                        "report": m.report_id,
                        "report_url": url_of("archive:report", m.report_id),
                        "region": m.region__name,
                        "quote": m.quote,
                    }
                    for m in ms
                ],
            }
        )
    series = defaultdict(dict)
    for (label, year, unit), ms in groups.items():
        if year:
            values = sorted(m.value for m in ms if m.value is not None)
            if values:
                series[(label, unit)][year] = values[len(values) // 2]
    charts = [
        {
            "label": label,
            "unit": unit,
            "points": [
                {"year": y, "value": exact_number(v), "value_text": format_number(v)} for y, v in sorted(points.items())
            ],
        }
        for (label, unit), points in series.items()
        if len(points) >= SERIES_MIN_YEARS
    ]
    charts.sort(key=lambda c: -len(c["points"]))
    for chart in charts[:4]:
        chart["svg"] = series_svg(chart["points"])
    return {"figure_groups": out, "series": charts[:4]}
