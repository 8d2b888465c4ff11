"""How a programme spread: the first year each county was reported with it, as small maps by year (the
home page's dot map), a cumulative curve of counties, and a table with each county's first report.

"Reported with the programme" is the programme page's reading (archive/views/programmes.py): a report
that names the programme under any of its names (its extracted mentions) and names the county. A
county's first report is its earliest dated one (ties: the lowest id); a county named only in undated
reports is listed without a year and left off the maps and the curve."""

from django.db.models import Count, F, Window
from django.db.models.functions import RowNumber
from django.http import Http404

from ..formats import Page, respond
from ..ingest.normalize import t2s
from ..models import InitiativeMention, Region, RegionMention, Report
from ..programmes import BY_KEY
from .cache import summary
from .charts import lines_svg, spread_defs, spread_map_svg
from .home import county_map
from .rows import programme_url, url_of
from .svg import map_xy

COLUMNS = [
    "code",
    "name",
    "province_name",
    "first_year",
    "first_date",
    "first_report",
    "first_report_title",
    "first_report_url",
    "reports",
    "poverty_county",
    "exit_year",
]


def spread(request, key):
    key = t2s(key)
    entry = BY_KEY.get(key)
    if entry is None:
        raise Http404("没有这个项目")
    data, by_year = summary(f"spread:{key}", lambda: _spread_data(entry))
    maps = [
        {
            "year": year,
            "new": sum(1 for c in data["counties"] if c["first_year"] == year),
            "counties": sum(1 for c in data["counties"] if c["first_year"] and c["first_year"] <= year),
            "svg": spread_map_svg(year, set(by_year), f"{entry.key}：到 {year} 年报道过的县"),
        }
        for year in data["years"]
    ]
    curve = lines_svg(
        [{"name": "累计县数", "points": [{**p, "url": f"#year-{p['year']}"} for p in data["curve"]]}],
        data["years"],
        "累计县数",
        value="cumulative",
    )
    background = summary("spread-background", lambda: county_map({}))  # every county, drawn once for all maps
    return respond(
        request,
        Page(
            "research/spread.html",
            data,
            f"{entry.key}：传播",
            table="counties",
            columns=COLUMNS,
            filename=f"spread-{entry.key}",
            context={
                "maps": maps,
                "curve": curve,
                "defs": spread_defs(background["background"], background["poverty_background"], by_year),
            },
        ),
    )


def first_reports(key):
    """{county id: (first date or None, first report id, reports)} of the reports naming the programme:
    one row a region from the database (a window over each region's mentions, earliest dated report
    first, then the lowest id), the counties kept here (rows.py: counties_of says why not in SQL)."""
    reports = InitiativeMention.objects.filter(initiative__programme=key).values("report_id")
    counties = set(Region.objects.filter(level=Region.COUNTY).values_list("id", flat=True))
    by_region = [F("region_id")]
    earliest = Window(
        RowNumber(),
        partition_by=by_region,
        order_by=[F("report__published").asc(nulls_last=True), F("report_id").asc()],
    )
    rows = (
        RegionMention.objects.filter(report_id__in=reports)
        .annotate(rank=earliest, reports=Window(Count("id"), partition_by=by_region))
        .filter(rank=1)
        .values_list("region_id", "report__published", "report_id", "reports")
    )
    return {rid: (published, report, n) for rid, published, report, n in rows if rid in counties}


def _spread_data(entry):
    found = first_reports(entry.key)
    regions = Region.objects.in_bulk(list(found))
    provinces = dict(Region.objects.filter(level=Region.PROVINCE).values_list("code", "name"))
    titles = dict(Report.objects.filter(pk__in=[f[1] for f in found.values()]).values_list("id", "title"))
    counties = []
    for rid, (date, report, n) in found.items():
        r = regions[rid]
        counties.append(
            {
                "code": r.code,
                "name": r.name,
                "province": r.code[:2] + "0000",
                "province_name": provinces.get(r.code[:2] + "0000"),
                "url": url_of("archive:region", r.code),
                "first_year": date.year if date else None,
                "first_date": date,
                "first_report": report,
                "first_report_title": titles.get(report, ""),
                "first_report_url": url_of("archive:report", report),
                "reports": n,
                "poverty_county": r.poverty_county,
                "exit_year": r.exit_year,
                "longitude": r.longitude,
                "latitude": r.latitude,
            }
        )
    counties.sort(key=lambda c: (c["first_date"] is None, c["first_date"] or 0, c["code"]))
    dated = [c["first_year"] for c in counties if c["first_year"]]
    years = list(range(min(dated), max(dated) + 1)) if dated else []
    curve, total = [], 0
    for y in years:
        new = dated.count(y)
        total += new
        curve.append({"year": y, "new": new, "cumulative": total})
    by_year = {}  # where the maps draw each year's new counties (markup, not the page's data)
    for c in counties:
        if c["first_year"] and c["longitude"] is not None:
            by_year.setdefault(c["first_year"], []).append(map_xy(c["longitude"], c["latitude"]))
    for c in counties:
        del c["longitude"], c["latitude"]
    return {
        "key": entry.key,
        "name": entry.key,
        "category": entry.category or None,
        "programme_url": programme_url(entry.key),
        "names": list(entry.names),
        "counties_total": len(counties),
        "counties_dated": len(dated),
        "years": years,
        "curve": curve,
        "counties": counties,
    }, by_year
