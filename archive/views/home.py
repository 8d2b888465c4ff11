"""The home page: what the archive holds, counted from the search engine's facets, and the map."""

from django.db.models import Count

from search.query import search

from ..formats import Page, respond
from ..models import InitiativeMention, Metric, Person, Region, RegionMention
from ..programmes import BY_KEY
from ..taxonomy import CATEGORIES
from .cache import summary
from .rows import category_url, facet_counts, programme_url, region_row, report_row, url_of
from .svg import MAP_H, MAP_W, dots_svg, map_xy


def county_map(counts):
    """The map of China as dots at the counties' coordinates (no borders drawn): every county a dot,
    one with reports sized by their count and a link, a national poverty county marked."""
    dots, background = [], []
    most = max(counts.values(), default=1)
    for code, name, lon, lat, poor, exit_year in (
        Region.objects.filter(level=Region.COUNTY, longitude__isnull=False)
        .values_list("code", "name", "longitude", "latitude", "poverty_county", "exit_year")
        .order_by("code")
    ):
        x, y = map_xy(lon, lat)
        n = counts.get(code, 0)
        if n:
            dots.append(
                {
                    "code": code,
                    "name": name,
                    "x": x,
                    "y": y,
                    "reports": n,
                    "poverty_county": poor,
                    "exit_year": exit_year,
                    "r": round(2.2 + 7 * (n / most) ** 0.5, 1),
                    "url": url_of("archive:region", code),
                }
            )
        else:
            background.append((x, y, poor))
    path = " ".join(f"M{x} {y}h0" for x, y, poor in background if not poor)
    poor_path = " ".join(f"M{x} {y}h0" for x, y, poor in background if poor)
    dots.sort(key=lambda d: -d["reports"])  # the small ones drawn last, on top
    return {"width": MAP_W, "height": MAP_H, "dots": dots, "background": path, "poverty_background": poor_path}


def home(request):
    data, dots = summary("home", _home_data)
    return respond(
        request,
        Page("archive/home.html", data, "扶贫案例库", table="recent", filename="recent", context={"map_dots": dots}),
    )


def _home_data():
    page = search("", sort="newest", per_page=8)  # the engine's facet counts: no join over every mention
    county_counts = {c: n for c, n in facet_counts(page, "county").items()} if page.total else {}
    if page.total and not county_counts:
        county_counts = _county_counts()
    province_counts = facet_counts(page, "province")
    provinces = Region.objects.filter(level=Region.PROVINCE).order_by("code")
    category_counts = facet_counts(page, "category")
    programmes = InitiativeMention.objects.exclude(initiative__programme="").values("initiative__programme")
    top_programmes = programmes.annotate(n=Count("report_id", distinct=True)).order_by("-n")[:12]
    data = {
        "counts": {
            "reports": page.total,
            "counties": len(county_counts),
            "poverty_counties": Region.objects.filter(code__in=list(county_counts), poverty_county=True).count(),
            "people": Person.objects.shown_count(),
            "programmes": programmes.distinct().count(),
            "figures": Metric.objects.count(),
        },
        "map": county_map(county_counts),
        "provinces": [region_row(p, reports=province_counts.get(p.code, 0)) for p in provinces],
        "categories": [{"name": c, "reports": category_counts.get(c, 0), "url": category_url(c)} for c in CATEGORIES],
        "programmes": [
            {"key": key, "name": key, "reports": p["n"], "url": programme_url(key)}
            for p in top_programmes
            if (key := p["initiative__programme"]) in BY_KEY
        ],
        "recent": [report_row(h["report"]) for h in page.hits],
    }
    return data, dots_svg(data["map"]["dots"])


def _county_counts():
    return dict(
        RegionMention.objects.filter(region__level=Region.COUNTY)
        .values("region__code")
        .annotate(n=Count("report", distinct=True))
        .values_list("region__code", "n")
    )
