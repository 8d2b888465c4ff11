"""The figures explorer: every figure, filtered by label, region, years, unit, value range and before/after,
sorted, paged, drawn as a scatter by year, and whole as CSV."""

from collections import Counter

from django.db import connection
from django.db.models import Count, Q

from .. import params
from ..formats import Page, respond
from ..ingest.normalize import t2s
from ..models import Metric, Region
from ..programmes import label_variants
from .cache import summary
from .rows import METRIC_COLUMNS, metric_row, region_row
from .svg import scatter

METRICS_PER_PAGE = 50

METRIC_SORTS = {
    "label": "label_key",
    "value": "value",
    "unit": "unit",
    "year": "year",
    "region": "region__code",
    "report": "report_id",
    "published": "report__published",
}

CHART_POINTS = 2000


def metric_filters(request):
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
        "sort": get.get("sort") if get.get("sort", "").lstrip("-") in METRIC_SORTS else "-report",
    }
    return f


def metric_queryset(f):
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
    field = METRIC_SORTS[f["sort"].lstrip("-")]
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

_LIGHT_SORTS = {sort: _LIGHT.index(field) for sort, field in METRIC_SORTS.items() if field in _LIGHT}


def _sorted_ids(light, sort):
    """The ids in the order metric_queryset sorts them (the field, then the id), for the sorts a light
    row carries; a missing value where the database puts it (SQLite: first ascending; PostgreSQL: last)."""
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


def metrics(request):
    f = metric_filters(request)
    qs = metric_queryset(f)
    key = "figures:" + "&".join(f"{k}={v}" for k, v in sorted(f.items())) + f"&page={request.GET.get('page', '')}"
    data = summary(key, lambda: _metrics_data(request, f, qs))
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


def _metrics_data(request, f, qs):
    """The figures explorer. Unfiltered, its counts come from grouped, indexed SQL. Filtered (a label is
    a LIKE over every figure), the matching figures are read once, as light rows, and the units, the
    total, the chart, the region counts and the page's order all come from them: one scan of the figures
    instead of four (docs/BENCHMARKS.md has the times)."""
    chosen = Region.objects.filter(code=f["region"]).first() if f["region"] else None
    drill = list((chosen.children.all() if chosen else Region.objects.filter(level=Region.PROVINCE)).order_by("code"))
    width = len(_code_prefix(drill[0].code)) if drill else 0
    by_prefix = Counter()
    page_ids = None
    if any(v not in (None, "") for k, v in f.items() if k not in ("unit", "sort")):
        light = list(metric_queryset({**f, "unit": ""}).order_by().values_list(*_LIGHT))
        counted = Counter(r[1] for r in light)
        units = [{"unit": u, "n": n} for u, n in sorted(counted.items(), key=lambda kv: (-kv[1], kv[0]))]
        if f["unit"]:
            light = [r for r in light if r[1] == f["unit"]]
        total = len(light)
        points = [(r[2], r[3]) for r in light if r[2] is not None and r[3] is not None][:CHART_POINTS]
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
        points = list(qs.order_by().exclude(year=None).exclude(value=None).values_list("year", "value")[:CHART_POINTS])
        if drill:  # the figures under each region one level down, from one grouped query
            for code, n in qs.order_by().exclude(region=None).values_list("region__code").annotate(n=Count("id")):
                by_prefix[code[:width]] += n
    units = units[:20]
    pages = max(1, -(-total // METRICS_PER_PAGE))
    page = params.page(request.GET, pages)
    start, end = (page.number - 1) * METRICS_PER_PAGE, page.number * METRICS_PER_PAGE
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
        "chart": scatter(points, f["label"] or "全部数据"),
        "sorts": list(METRIC_SORTS),
    }
    return data
