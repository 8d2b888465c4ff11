"""Archive pages: each view builds one dict (JSON-safe) and hands it to formats.respond(), which renders
it as HTML, JSON and CSV, so the three cannot drift apart; the display script (简/繁) is applied there
in one step. Numbers from the URL are bounded (params.py); nothing a URL says can make a 500.
"""

import html
from collections import Counter, defaultdict
from functools import cache

from django.db.models import Count, F, Max, Min, Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.safestring import mark_safe

from . import params
from .citations import bibtex, csl_json, gbt7714, ris
from .formats import Page, respond
from .ingest.normalize import t2s
from .marking import runs
from .models import (
    Initiative,
    InitiativeMention,
    Metric,
    Person,
    PersonMention,
    Region,
    RegionMention,
    Report,
    Upload,
    format_number,
)
from .programmes import BY_KEY, label_variants
from .taxonomy import CATEGORIES

# -- rows shared by the pages -----------------------------------------------------------------------


@cache
def _url_pattern(name):
    return reverse(name, args=[987654321]).replace("987654321", "{}")


def url_of(name, arg):
    """reverse(name, args=[arg]) for a URL with one argument, reversed once per process: a page of
    thousands of links (the map's dots, the figures) spent most of its time in reverse()."""
    return _url_pattern(name).format(arg)


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
        "value": m.value,
        "value_text": format_number(m.value),
        "unit": m.unit,
        "approx": m.approx,
        "year": m.year,
        "change": m.change,
        "region": m.region.code if m.region_id and m.region else None,
        "region_name": m.region.name if m.region_id and m.region else None,
        "quote": m.quote,
        "sentence": m.sentence,
    }


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
    url = programme_url(i.programme) if i.programme in BY_KEY else reverse("archive:initiative", args=[i.pk])
    return {
        "id": i.pk,
        "name": i.name,
        "programme": i.programme or None,
        "category": i.category or None,
        "url": url,
        **extra,
    }


def _facet_counts(page, name):
    return {v["value"]: v["count"] for f in page.facets if f["name"] == name for v in f["values"]}


def _region_prefix(region):
    return {Region.PROVINCE: region.code[:2], Region.PREFECTURE: region.code[:4]}.get(region.level, region.code)


def _reports(ids, limit=None):
    found = Report.objects.select_related("source").in_bulk(list(ids)[:limit] if limit else list(ids))
    return [found[i] for i in ids if i in found][:limit]


# -- home: what the archive holds, and the map ----------------------------------------------------


MAP_W, MAP_H = 760, 560
LON0, LON1, LAT0, LAT1 = 73.0, 135.5, 17.5, 54.0


def _xy(lon, lat):
    return (round((lon - LON0) / (LON1 - LON0) * MAP_W, 1), round((LAT1 - lat) / (LAT1 - LAT0) * MAP_H, 1))


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
        x, y = _xy(lon, lat)
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


SUMMARY_TTL = 60  # seconds a summary page's data is kept at most (a new index commit replaces it at once)


def summary(key, build):
    """The data of a page that summarises the archive, built once per index commit: every ingest,
    correction and deletion commits the index (search.indexing.version), so the next request builds
    it anew; what reaches the database alone (a region's flags, a person's region) shows within
    SUMMARY_TTL. Per process (Django's local-memory cache); a server engine has no version: no cache."""
    from django.core.cache import cache

    from search.indexing import version

    v = version()
    if v is None:
        return build()
    name = f"summary:{key}:{v}"
    found = cache.get(name)
    if found is None:
        found = build()
        cache.set(name, found, SUMMARY_TTL)
    return found


def home(request):
    data, dots = summary("home", _home_data)
    return respond(
        request,
        Page("archive/home.html", data, "扶贫案例库", table="recent", filename="recent", context={"map_dots": dots}),
    )


def _home_data():
    from search.query import search

    page = search("", sort="newest", per_page=8)  # the engine's facet counts: no join over every mention
    county_counts = {c: n for c, n in _facet_counts(page, "county").items()} if page.total else {}
    if page.total and not county_counts:
        county_counts = _county_counts()
    province_counts = _facet_counts(page, "province")
    provinces = Region.objects.filter(level=Region.PROVINCE).order_by("code")
    category_counts = _facet_counts(page, "category")
    top_programmes = (
        Initiative.objects.exclude(programme="")
        .values("programme")
        .annotate(n=Count("mentions__report", distinct=True))
        .order_by("-n")[:12]
    )
    data = {
        "counts": {
            "reports": page.total,
            "counties": len(county_counts),
            "poverty_counties": Region.objects.filter(code__in=list(county_counts), poverty_county=True).count(),
            "people": Person.objects.count(),
            "programmes": Initiative.objects.exclude(programme="").values("programme").distinct().count(),
            "figures": Metric.objects.count(),
        },
        "map": county_map(county_counts),
        "provinces": [region_row(p, reports=province_counts.get(p.code, 0)) for p in provinces],
        "categories": [{"name": c, "reports": category_counts.get(c, 0), "url": category_url(c)} for c in CATEGORIES],
        "programmes": [
            {"key": p["programme"], "name": p["programme"], "reports": p["n"], "url": programme_url(p["programme"])}
            for p in top_programmes
            if p["programme"] in BY_KEY
        ],
        "recent": [report_row(h["report"]) for h in page.hits],
    }
    return data, dots_svg(data["map"]["dots"])


def dots_svg(dots):
    """The map's county dots as SVG markup, written here: ~1,500 linked dots through the template
    engine took 200 ms of the home page at the full corpus (the data stays in the page's dict)."""
    out = []
    for d in dots:
        poor = d["poverty_county"]
        note = ""
        if poor:
            note = f"（国家级贫困县，{d['exit_year']} 年摘帽）" if d["exit_year"] else "（国家级贫困县）"
        out.append(
            f'<a href="{html.escape(d["url"])}"><circle class="hit{" poor" if poor else ""}" cx="{d["x"]}" '
            f'cy="{d["y"]}" r="{d["r"]}"><title>{html.escape(d["name"])}：{d["reports"]} 篇{note}</title></circle></a>'
        )
    return mark_safe("".join(out))  # noqa: S308 (every value above is escaped or a number)


def _county_counts():
    return dict(
        RegionMention.objects.filter(region__level=Region.COUNTY)
        .values("region__code")
        .annotate(n=Count("report", distinct=True))
        .values_list("region__code", "n")
    )


# -- regions ------------------------------------------------------------------------------------------

REGION_REPORTS = 50
FIGURE_GROUPS = 40  # (label, year) groups a region page compares
SERIES_MIN_YEARS = 2  # years a label needs for its series to be drawn


def region(request, code):
    place = get_object_or_404(Region.objects.select_related("parent__parent"), code=code)
    data = summary(f"region:{code}", lambda: _region_data(place, code))
    return respond(request, Page("archive/region.html", data, place.name, table="reports", filename=f"region-{code}"))


def _region_data(place, code):
    from search.query import search

    child_facet = {Region.PROVINCE: "prefecture", Region.PREFECTURE: "county"}.get(place.level)
    filters = {place.level: [code]}
    if place.level == Region.PREFECTURE:
        filters["province"] = [code[:2] + "0000"]
    page = search("", filters, sort="newest", per_page=REGION_REPORTS)
    counts = _facet_counts(page, child_facet) if child_facet else {}
    prefix = _region_prefix(place)
    children = [region_row(c, reports=counts.get(c.code, 0)) for c in place.children.order_by("code")]
    poverty = (
        [
            region_row(c, reports=_facet_counts(page, "county").get(c.code, 0))
            for c in Region.objects.filter(level=Region.COUNTY, code__startswith=prefix, poverty_county=True).order_by(
                "code"
            )
        ]
        if place.level != Region.COUNTY
        else []
    )
    within = list(Region.objects.filter(code__startswith=prefix).values_list("id", flat=True))  # ids, not a LIKE join
    people = (
        Person.objects.filter(region_id__in=within)
        .select_related("region")
        .annotate(n=Count("mentions__report", distinct=True))
        .order_by("-n", "name")[:60]
    )
    here = RegionMention.objects.filter(region_id__in=within).values("report_id")
    programmes = (
        InitiativeMention.objects.filter(report_id__in=here)
        .values("initiative__id", "initiative__name", "initiative__programme", "initiative__category")
        .annotate(n=Count("report_id", distinct=True))
        .order_by("-n")[:80]
    )
    by_category = defaultdict(list)
    for p in programmes:
        key = p["initiative__programme"]
        by_category[p["initiative__category"] or (BY_KEY[key].category if key in BY_KEY else "") or "其他"].append(
            {
                "name": p["initiative__name"],
                "programme": key or None,
                "reports": p["n"],
                "url": programme_url(key)
                if key in BY_KEY
                else reverse("archive:initiative", args=[p["initiative__id"]]),
            }
        )
    figures = _compare_figures(Metric.objects.filter(region_id__in=within))
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


def _compare_figures(qs):
    """Figures about the same thing (label and year) from different reports side by side, the most
    reported first, and the series a label forms over years (for a chart)."""
    # the columns it shows as plain rows, grouped by the stored simplified label: model instances with
    # their reports (select_related read every report's text) took 300 ms for 3,000 figures
    rows = (
        qs.exclude(label="")
        .values_list(
            "label",
            "label_key",
            "year",
            "unit",
            "value",
            "approx",
            "change",
            "quote",
            "report_id",
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
    for (_label, year, unit), ms in ordered[:FIGURE_GROUPS]:
        out.append(
            {
                "label": ms[0].label,
                "year": year,
                "unit": unit,
                "reports": len({m.report_id for m in ms}),
                "disagree": len({round(m.value, 6) for m in ms}) > 1,
                "values": [
                    {
                        "value": m.value,
                        "value_text": format_number(m.value),
                        "approx": m.approx,
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
            values = sorted(m.value for m in ms)
            series[(label, unit)][year] = values[len(values) // 2]
    charts = [
        {
            "label": label,
            "unit": unit,
            "points": [{"year": y, "value": v, "value_text": format_number(v)} for y, v in sorted(points.items())],
        }
        for (label, unit), points in series.items()
        if len(points) >= SERIES_MIN_YEARS
    ]
    charts.sort(key=lambda c: -len(c["points"]))
    for chart in charts[:4]:
        chart["svg"] = _series_svg(chart["points"])
    return {"figure_groups": out, "series": charts[:4]}


def _series_svg(points, w=260, h=110, pad=24):
    """A small line chart of a series over years (server-side, no script)."""
    years = [p["year"] for p in points]
    values = [p["value"] for p in points]
    lo, hi = min(values), max(values)
    y0, y1 = min(years), max(years)
    span, vspan = max(1, y1 - y0), (hi - lo) or 1

    def xy(p):
        return (pad + (p["year"] - y0) / span * (w - 2 * pad), h - pad - (p["value"] - lo) / vspan * (h - 2 * pad))

    coords = [xy(p) for p in points]
    line = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
    dots = "".join(
        f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3"><title>{p["year"]}：{p["value_text"]}</title></circle>'
        for (x, y), p in zip(coords, points)
    )
    labels = (
        f'<text x="{pad}" y="{h - 6}">{y0}</text><text x="{w - pad}" y="{h - 6}" text-anchor="end">{y1}</text>'
        f'<text x="4" y="{pad - 8}">{format_number(hi)}</text><text x="4" y="{h - pad + 4}">{format_number(lo)}</text>'
    )
    return (
        f'<svg class="series" viewBox="0 0 {w} {h}" role="img" width="{w}" height="{h}">'
        f'<polyline points="{line}" fill="none"/>{dots}{labels}</svg>'
    )


# -- a report ----------------------------------------------------------------------------------------


def report(request, pk):
    r = get_object_or_404(Report.objects.select_related("source"), pk=pk)
    mentions = list(r.region_mentions.select_related("region").order_by("-primary", "-count"))
    people = list(r.person_mentions.select_related("person__region"))
    initiatives = list(r.initiative_mentions.select_related("initiative"))
    metrics = list(r.metrics.select_related("region"))
    from search.query import more_like_this

    try:  # a search of the report's key words (70-100 ms at the full corpus): kept until the index commits
        similar = summary(f"similar:{r.pk}", lambda: [report_row(s) for s in more_like_this(r)])
    except Exception:  # noqa: BLE001 (the index may be rebuilding; the page stands without it)
        similar = []
    copies = Upload.objects.filter(report=r, status=Upload.DUPLICATE).order_by("created")[:20]
    text = [
        {"text": chunk, **({"kind": m.kind, "ref": m.ref, "title": m.title, "url": m.url} if m else {})}
        for chunk, m in runs(r, mentions=mentions, people=people, initiatives=initiatives, metrics=metrics)
    ]
    cite_urls = {fmt: f"{r.get_absolute_url()}?format={fmt}" for fmt in ("ris", "bibtex", "csl")}
    data = {
        **report_row(r),
        "subtitle": r.subtitle,
        "byline": r.byline,
        "editor": r.editor,
        "title_is_fallback": r.title_is_fallback,
        "warnings": r.error,
        "review": r.get_review_display(),
        "text": text,
        "original_url": reverse("archive:original", args=[r.pk]) if r.original else None,
        "regions": [region_row(m.region, count=m.count, primary=m.primary) for m in mentions],
        "people": [person_row(m.person, title_here=m.title) for m in people],
        "programmes": [initiative_row(m.initiative) for m in initiatives],
        "categories": [{"name": c, "url": category_url(c)} for c in r.categories],
        "figures": [metric_row(m) for m in metrics],
        "copies": [{"name": u.original_name, "note": u.error} for u in copies],
        "similar": similar,
        "citation": {"gbt7714": gbt7714(r, request), **cite_urls},
    }
    formats = {
        "ris": lambda req: _citation(ris(r, req), "application/x-research-info-systems", f"report-{pk}.ris"),
        "bibtex": lambda req: _citation(bibtex(r, req), "application/x-bibtex", f"report-{pk}.bib"),
        "csl": lambda req: _citation(csl_json(r, req), "application/vnd.citationstyles.csl+json", f"report-{pk}.json"),
    }
    return respond(
        request,
        Page(
            "archive/report.html",
            data,
            r.title,
            table="figures",
            filename=f"report-{pk}-figures",
            columns=METRIC_COLUMNS,
            formats=formats,
        ),
    )


METRIC_COLUMNS = [
    "report",
    "label",
    "value",
    "unit",
    "approx",
    "year",
    "change",
    "region",
    "region_name",
    "quote",
    "sentence",
]


def _citation(text, content_type, filename):
    from django.http import HttpResponse

    response = HttpResponse(text, content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def download(fieldfile, name):
    """A stored file as it was given: always a download (an uploaded HTML page is never shown as a
    page of this site, where its scripts would run), its type never sniffed."""
    if not fieldfile:
        raise Http404("no stored file")
    try:
        fh = fieldfile.open("rb")
    except OSError:
        raise Http404("the stored file is missing") from None
    response = FileResponse(
        fh,
        as_attachment=True,
        filename=(name or fieldfile.name).rsplit("/", 1)[-1],
        content_type="application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def original(request, pk):
    """The file a report was made from."""
    r = get_object_or_404(Report, pk=pk)
    return download(r.original, r.original_name)


# -- people, programmes, categories -----------------------------------------------------------------


PERSON_REPORTS = 100  # the newest reports a person page lists (all of them are in its search link and CSV)


def person(request, pk):
    """A person's titles over time (each title with its first and last report), places, reports and the
    people named with them. Counted in SQL: a person named in 10,000 reports (at the full corpus) took
    28 s when every mention was loaded and listed."""
    p = get_object_or_404(Person.objects.select_related("region"), pk=pk)
    data = summary(f"person:{pk}", lambda: _person_data(p))
    return respond(request, Page("archive/person.html", data, p.name, table="reports", filename=f"person-{pk}"))


def _person_data(p):
    theirs = PersonMention.objects.filter(person=p).values("report_id")
    total = theirs.distinct().count()
    titles = []
    for row in (
        PersonMention.objects.filter(person=p)
        .exclude(title="")
        .values("title")
        .annotate(
            first=Min("report__published"),
            last=Max("report__published"),
            n=Count("report_id", distinct=True),
            report=Min("report_id"),
        )
        .order_by("first", "report")
    ):
        titles.append(
            {
                "title": row["title"],
                "date": row["first"],
                "until": row["last"],
                "reports": row["n"],
                "report": row["report"],
                "report_url": url_of("archive:report", row["report"]),
            }
        )
    places = _counties_of(theirs)
    others = (
        PersonMention.objects.filter(report_id__in=theirs)
        .exclude(person=p)
        .values("person_id")
        .annotate(n=Count("report_id", distinct=True))
        .order_by("-n")[:20]
    )
    people = Person.objects.select_related("region").in_bulk([o["person_id"] for o in others])
    ids = list(
        Report.objects.filter(person_mentions__person=p)
        .order_by(F("published").desc(nulls_last=True), "-id")
        .values_list("id", flat=True)
        .distinct()[:PERSON_REPORTS]
    )
    here = dict(PersonMention.objects.filter(person=p, report_id__in=ids).values_list("report_id", "title"))
    data = {
        **person_row(p),
        "region": region_row(p.region) if p.region else None,
        "titles": titles,
        "reports_total": total,
        "search_url": reverse("search:search") + f'?q="{p.name}"',
        "places": places,
        "reports": [{**report_row(r), "title_here": here.get(r.pk, "")} for r in _reports(ids)],
        "named_with": [person_row(people[o["person_id"]], reports=o["n"]) for o in others if o["person_id"] in people],
    }
    return data


def _counties_of(reports, limit=20):
    """The counties most often named in these reports (a values("report_id") queryset), with counts.

    Counted over every region and narrowed to counties here: with the level in the same SQL, SQLite
    walked the county mentions of the whole archive for each report (20 s for a person named in
    18,000 reports; 33 ms this way)."""
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


def _mentioned(initiatives, limit=REGION_REPORTS):
    """The reports (their ids, newest first) and the places of these initiatives' mentions."""
    mentions = InitiativeMention.objects.filter(initiative__in=initiatives)
    ids = list(
        mentions.order_by(F("report__published").desc(nulls_last=True), "-report_id")
        .values_list("report_id", flat=True)
        .distinct()
    )
    return ids, _counties_of(mentions.values("report_id"), 30)


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
        "printed_as": sorted({i.name for i in initiatives}),
        "reports_total": len(ids),
        "search_url": reverse("search:search") + f"?q={entry.key}",
        "places": places,
        "reports": [report_row(r) for r in _reports(ids, REGION_REPORTS)],
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
        "reports": [report_row(r) for r in _reports(ids, REGION_REPORTS)],
    }
    return respond(request, Page("archive/programme.html", data, i.name, table="reports", filename=f"initiative-{pk}"))


def category(request, name):
    name = t2s(name)
    if name not in CATEGORIES:
        raise Http404("没有这个类别")
    data = summary(f"category:{name}", lambda: _category_data(name))
    return respond(request, Page("archive/category.html", data, name, table="reports", filename=f"category-{name}"))


def _category_data(name):
    from search.query import search

    page = search("", {"category": [name]}, sort="newest", per_page=REGION_REPORTS)
    counties = _facet_counts(page, "county")
    regions = Region.objects.in_bulk(list(counties), field_name="code")
    keys = [p.key for p in BY_KEY.values() if p.category == name]
    reported = dict(
        InitiativeMention.objects.filter(initiative__programme__in=keys)
        .values("initiative__programme")
        .annotate(n=Count("report_id", distinct=True))
        .values_list("initiative__programme", "n")
    )
    local = (
        Initiative.objects.filter(category=name, programme="")
        .annotate(n=Count("mentions__report", distinct=True))
        .order_by("-n")[:30]
    )
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


# -- the figures explorer ----------------------------------------------------------------------------

FIGURES_PER_PAGE = 50
FIGURE_SORTS = {
    "label": "label_key",
    "value": "value",
    "unit": "unit",
    "year": "year",
    "region": "region__code",
    "report": "report_id",
    "published": "report__published",
}
CHART_POINTS = 2000


def figure_filters(request):
    """The explorer's filters, read and bounded: what the page, its JSON and its CSV all apply."""
    get = request.GET
    f = {
        "label": params.text(get, "label", 40),
        "unit": params.text(get, "unit", 16),
        "region": params.code(get, "region"),
        "year_from": params.integer(get, "year_from", 1949, 2100),
        "year_to": params.integer(get, "year_to", 1949, 2100),
        "min": params.number(get, "min"),
        "max": params.number(get, "max"),
        "change": get.get("change") if get.get("change") in ("before", "after", "none") else "",
        "sort": get.get("sort") if get.get("sort", "").lstrip("-") in FIGURE_SORTS else "-report",
    }
    return f


def figure_queryset(f):
    qs = Metric.objects.select_related("region", "report")
    if f["label"]:
        q = Q()
        for variant in label_variants(t2s(f["label"])):
            q |= Q(label_key__contains=variant)
        qs = qs.filter(q)
    if f["unit"]:
        qs = qs.filter(unit=f["unit"])
    if f["region"]:  # by the regions' ids (the metric's region index), not a LIKE over a join
        qs = qs.filter(region_id__in=Region.objects.filter(code__startswith=_code_prefix(f["region"])).values("id"))
    if f["year_from"] is not None:
        qs = qs.filter(year__gte=f["year_from"])
    if f["year_to"] is not None:
        qs = qs.filter(year__lte=f["year_to"])
    if f["min"] is not None:
        qs = qs.filter(value__gte=f["min"])
    if f["max"] is not None:
        qs = qs.filter(value__lte=f["max"])
    if f["change"] == "none":
        qs = qs.filter(change="")
    elif f["change"]:
        qs = qs.filter(change=f["change"])
    field = FIGURE_SORTS[f["sort"].lstrip("-")]
    desc = f["sort"].startswith("-")
    return qs.order_by((f"-{field}" if desc else field), "-id" if desc else "id")


def _code_prefix(code):
    return code[:2] if code.endswith("0000") else code[:4] if code.endswith("00") else code


_LIGHT = (
    "id",
    "unit",
    "year",
    "value",
    "region_id",
    "report_id",
    "label_key",
)  # what a filtered page reads of every match
_LIGHT_SORTS = {sort: _LIGHT.index(field) for sort, field in FIGURE_SORTS.items() if field in _LIGHT}


def _sorted_ids(light, sort):
    """The ids in the order figure_queryset sorts them (the field, then the id), for the sorts a light
    row carries; a missing value where the database puts it (SQLite: first ascending; PostgreSQL: last)."""
    from django.db import connection

    at, desc = _LIGHT_SORTS[sort.lstrip("-")], sort.startswith("-")
    missing_first = connection.vendor != "postgresql"
    return [
        r[0]
        for r in sorted(
            light,
            key=lambda r: ((r[at] is not None) == missing_first, r[at] if r[at] is not None else 0, r[0]),
            reverse=desc,
        )
    ]


def figures(request):
    f = figure_filters(request)
    qs = figure_queryset(f)
    key = "figures:" + "&".join(f"{k}={v}" for k, v in sorted(f.items())) + f"&page={request.GET.get('page', '')}"
    data = summary(key, lambda: _figures_data(request, f, qs))
    return respond(
        request,
        Page(
            "archive/figures.html",
            data,
            "数据" + (f"：{f['label']}" if f["label"] else ""),
            table="rows",
            columns=METRIC_COLUMNS,
            filename="figures",
            all_rows=lambda: (metric_row(m) for m in qs.iterator(chunk_size=2000)),
        ),
    )


def _figures_data(request, f, qs):
    """The figures explorer. Unfiltered, its counts come from grouped, indexed SQL. Filtered (a label is
    a LIKE over every figure), the matching figures are read once, as light rows, and the units, the
    total, the chart, the region counts and the page's order all come from them: four scans of 215,000
    figures took 700 ms at the full corpus, one takes 60."""
    chosen = Region.objects.filter(code=f["region"]).first() if f["region"] else None
    drill = list((chosen.children.all() if chosen else Region.objects.filter(level=Region.PROVINCE)).order_by("code"))
    width = len(_code_prefix(drill[0].code)) if drill else 0
    by_prefix = Counter()
    page_ids = None
    if any(v not in (None, "") for k, v in f.items() if k not in ("unit", "sort")):
        light = list(figure_queryset({**f, "unit": ""}).order_by().values_list(*_LIGHT))
        counted = Counter(r[1] for r in light)
        units = [{"unit": u, "n": n} for u, n in sorted(counted.items(), key=lambda kv: (-kv[1], kv[0]))]
        if f["unit"]:
            light = [r for r in light if r[1] == f["unit"]]
        total = len(light)
        points = [(r[2], r[3]) for r in light if r[2] is not None][:CHART_POINTS]
        by_region = Counter(r[4] for r in light if r[4] is not None)
        codes = dict(Region.objects.filter(pk__in=list(by_region)).values_list("id", "code")) if drill else {}
        for region_id, n in by_region.items():
            if region_id in codes:
                by_prefix[codes[region_id][:width]] += n
        if f["sort"].lstrip("-") in _LIGHT_SORTS:
            page_ids = _sorted_ids(light, f["sort"])
    else:
        units = list(qs.order_by().values("unit").annotate(n=Count("id")).order_by("-n"))
        total = sum(u["n"] for u in units)
        points = list(qs.order_by().exclude(year=None).values_list("year", "value")[:CHART_POINTS])
        if drill:  # the figures under each region one level down, from one grouped query
            for code, n in qs.order_by().exclude(region=None).values_list("region__code").annotate(n=Count("id")):
                by_prefix[code[:width]] += n
    units = units[:20]
    pages = max(1, -(-total // FIGURES_PER_PAGE))
    page = params.page(request.GET, pages)
    start, end = (page.number - 1) * FIGURES_PER_PAGE, page.number * FIGURES_PER_PAGE
    shown = qs.defer("report__clean_text", "report__normalized_text")
    if page_ids is not None:
        found = shown.order_by().in_bulk(page_ids[start:end])
        rows = [metric_row(found[i]) for i in page_ids[start:end] if i in found]
    else:
        rows = [metric_row(m) for m in shown[start:end]]
    data = {
        "filters": f,
        "total": total,
        "page": page.number,
        "pages": pages,
        "page_note": page.note,
        "rows": rows,
        "units": [{"unit": u["unit"], "count": u["n"]} for u in units],
        "region": region_row(chosen) if chosen else None,
        "region_parents": [region_row(a) for a in chosen.ancestors()] if chosen else [],
        "regions": [
            region_row(r, figures=by_prefix[_code_prefix(r.code)]) for r in drill if by_prefix[_code_prefix(r.code)]
        ],
        "chart": _scatter(points, f["label"] or "全部数据"),
        "sorts": list(FIGURE_SORTS),
    }
    return data


def _scatter(points, label, w=640, h=200, pad=34):
    """The filtered values by year: a dot per figure (up to CHART_POINTS), the median per year joined."""
    if not points:
        return None
    years = [y for y, _v in points]
    values = sorted(v for _y, v in points)
    lo, hi = values[0], values[min(len(values) - 1, int(len(values) * 0.98))]  # the top 2 % off the scale
    y0, y1 = min(years), max(years)
    span, vspan = max(1, y1 - y0), (hi - lo) or 1

    def xy(year, value):
        return (pad + (year - y0) / span * (w - 2 * pad), h - pad - (min(value, hi) - lo) / vspan * (h - 2 * pad))

    dots = "".join(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2"/>' for x, y in (xy(a, b) for a, b in points))
    by_year = defaultdict(list)
    for year, value in points:
        by_year[year].append(value)
    medians = [(year, sorted(v)[len(v) // 2]) for year, v in sorted(by_year.items())]
    line = " ".join(f"{x:.1f},{y:.1f}" for x, y in (xy(a, b) for a, b in medians))
    ticks = "".join(
        f'<text x="{xy(year, lo)[0]:.1f}" y="{h - 10}" text-anchor="middle">{year}</text>'
        for year in sorted({y0, y1, *[y for y, _m in medians[:: max(1, len(medians) // 6)]]})
    )
    svg = (
        f'<svg class="scatter" viewBox="0 0 {w} {h}" role="img" aria-label="{label}">{dots}'
        f'<polyline points="{line}" fill="none"/>{ticks}'
        f'<text x="4" y="14">{format_number(hi)}</text><text x="4" y="{h - pad + 4}">{format_number(lo)}</text></svg>'
    )
    return {
        "svg": svg,
        "points": len(points),
        "years": [y0, y1],
        "medians": [{"year": y, "value": v} for y, v in medians],
    }
