"""Compare two to four provinces, prefectures or counties side by side: their reports over time, their
poverty counties and exit years, their programmes by category, and the figures they share a label for,
with the sentences. Each region's numbers are the ones its own page shows (the search's facets under the
region page's filters; archive/views/regions.py)."""

from collections import Counter, defaultdict

from django.db.models import Count, F, Window
from django.db.models.functions import RowNumber
from django.urls import reverse

from search.aggregate import facet_values

from ..formats import Page, respond
from ..models import Metric, Region, RegionMention, exact_number, format_number
from ..taxonomy import CATEGORIES
from .cache import summary
from .charts import lines_svg
from .regions import _programmes_of, _region_prefix
from .research import cache_key, notes, search_url
from .rows import category_url, region_row, url_of

MIN_REGIONS, MAX_REGIONS = 2, 4
SHARED_LABELS = 20  # figure labels shown that every region has
VALUES_EACH = 3  # a region's figures shown under a shared label (the latest years first)
PROGRAMMES_EACH = 5  # a region's programmes shown in a category
COLUMNS = [
    "label",
    "unit",
    "region",
    "region_name",
    "year",
    "value",
    "value_text",
    "approx",
    "report",
    "quote",
    "sentence",
]


def read_regions(get):
    """(regions, error): the regions asked for, in the order given, or what is wrong, in words."""
    codes = list(dict.fromkeys(c.strip() for c in get.getlist("region") if c.strip()))
    if not codes:
        return (
            [],
            f"请选 {MIN_REGIONS} 到 {MAX_REGIONS} 个省、地市或县（填地区代码），如 ?region=520000&region=530000。",
        )
    bad = [c for c in codes if not (len(c) == 6 and c.isdigit())]
    if bad:
        return [], f"地区代码应为 6 位数字（GB/T 2260，如 520000）：“{bad[0][:20]}”不是。"
    found = Region.objects.in_bulk(codes, field_name="code")
    unknown = [c for c in codes if c not in found]
    if unknown:
        return [], f"没有代码为 {'、'.join(unknown[:4])} 的地区。"
    if not MIN_REGIONS <= len(codes) <= MAX_REGIONS:
        return (
            [],
            f"请选 {MIN_REGIONS} 到 {MAX_REGIONS} 个地区比较（给了 {len(codes)} 个），如 ?region=520000&region=530000。",
        )
    return [found[c] for c in codes], ""


def compare(request):
    regions, error = read_regions(request.GET)
    if error:
        data = {"error": error, "regions": [], "asked": request.GET.getlist("region")[:10], "figures": []}
        data["suggestions"] = _suggestions()
        response = respond(request, Page("research/compare.html", data, "比较地区", table="figures", columns=COLUMNS))
        if request.GET.getlist("region"):  # a landing without regions is the form, not an error
            response.status_code = 400
        return response
    data = summary(cache_key("compare", request.GET), lambda: _compare_data(regions))
    chart = lines_svg(data["series"], data["years"], "每年报道数")
    return respond(
        request,
        Page(
            "research/compare.html",
            data,
            "比较：" + "、".join(r.name for r in regions),
            table="figures",
            columns=COLUMNS,
            filename="compare",
            context={"chart": chart},
        ),
    )


def _suggestions():
    """Example comparisons for a page asked wrongly: the provinces with the most reports, in pairs."""
    names = dict(Region.objects.filter(level=Region.PROVINCE).values_list("code", "name"))
    pairs = [("520000", "530000"), ("610000", "620000"), ("510000", "540000")]
    return [
        {"label": f"{names[a]}与{names[b]}", "url": reverse("archive:compare") + f"?region={a}&region={b}"}
        for a, b in pairs
        if a in names and b in names
    ]


def _filters(region):
    filters = {region.level: [region.code]}
    if region.level == Region.PREFECTURE:
        filters["province"] = [region.code[:2] + "0000"]
    return filters


def _compare_data(regions):
    columns, series, found_years = [], [], set()
    for r in regions:
        found, total = facet_values("", _filters(r), facets=("year", "category"))
        years = {int(y): n for y, n in found["year"].items() if y.isdigit()}
        found_years |= set(years)
        columns.append((r, years, total, found["category"]))
    span = list(range(min(found_years), max(found_years) + 1)) if found_years else []
    out = []
    for r, years, total, categories in columns:
        prefix = _region_prefix(r)
        within = list(Region.objects.filter(code__startswith=prefix).values_list("id", flat=True))
        poor = list(
            Region.objects.filter(level=Region.COUNTY, code__startswith=prefix, poverty_county=True).values_list(
                "exit_year", flat=True
            )
        )
        exits = Counter(y for y in poor if y)
        out.append(
            {
                **region_row(r),
                "parents": [region_row(a) for a in r.ancestors()],
                "reports": total,
                "search_url": search_url("", _filters(r)),
                "years": [
                    {"year": y, "reports": years.get(y, 0), "url": search_url("", _filters(r), year=y)} for y in span
                ],
                "poverty_counties": len(poor),
                "exit_years": [{"year": y, "counties": n} for y, n in sorted(exits.items())],
                "categories": {c: categories.get(c, 0) for c in CATEGORIES},
                "programmes": _programmes_of(RegionMention.objects.filter(region_id__in=within).values("report_id")),
                "_within": within,
            }
        )
    figures, shared = _shared_metrics(out)
    for col in out:
        del col["_within"]
    series = [{"name": c["name"], "points": [{**p, "value": p["reports"]} for p in c["years"]]} for c in out]
    exit_span = sorted({e["year"] for c in out for e in c["exit_years"]})
    return {
        "error": "",
        "regions": out,
        "years": span,
        "series": series,
        "table": [{"year": y, "cells": [c["years"][i] for c in out]} for i, y in enumerate(span)],
        "exit_years": [
            {"year": y, "cells": [next((e["counties"] for e in c["exit_years"] if e["year"] == y), 0) for c in out]}
            for y in exit_span
        ],
        "categories": [
            {
                "category": cat,
                "url": category_url(cat),
                "cells": [
                    {"reports": c["categories"][cat], "programmes": (c["programmes"].get(cat) or [])[:PROGRAMMES_EACH]}
                    for c in out
                ],
            }
            for cat in CATEGORIES
            if any(c["categories"][cat] or c["programmes"].get(cat) for c in out)
        ],
        "shared_labels": shared,
        "figures": figures,
        "note": notes(),
    }


def _shared_metrics(columns):
    """The figure labels every region has (by the stored simplified label and unit), the most reported
    first, with each region's latest figures under them and their sentences; and every row for CSV."""
    per = []
    for c in columns:
        counts = {
            (k, u): n
            for k, u, n in Metric.objects.filter(region_id__in=c["_within"])
            .exclude(label_key="")
            .values("label_key", "unit")
            .annotate(n=Count("id"))
            .values_list("label_key", "unit", "n")
            .order_by()
        }
        per.append(counts)
    shared = set(per[0]) if per else set()
    for counts in per[1:]:
        shared &= set(counts)
    ranked = sorted(shared, key=lambda k: (-sum(p[k] for p in per), k))[:SHARED_LABELS]
    latest = [_latest(c["_within"], ranked) for c in columns]
    groups, rows = [], []
    for label_key, unit in ranked:
        cells, label = [], label_key
        for c, found in zip(columns, latest):
            ms = found.get((label_key, unit), [])
            values = [
                {
                    "value": exact_number(m.value),
                    "value_text": format_number(m.value),
                    "approx": m.approx,
                    "year": m.year,
                    "region_name": m.region__name,
                    "report": m.report_id,
                    "report_url": url_of("archive:report", m.report_id),
                    "quote": m.quote,
                    "sentence": m.sentence,
                }
                for m in ms
            ]
            label = ms[0].label if ms and label == label_key else label
            cells.append({"region": c["code"], "values": values})
            rows += [
                {
                    "label": ms[0].label if ms else label_key,
                    "unit": unit,
                    "region": c["code"],
                    **v,
                    "region_name": v["region_name"] or c["name"],
                }
                for v in values
            ]
        groups.append({"label": label, "label_key": label_key, "unit": unit, "cells": cells})
    return rows, groups


def _latest(within, ranked):
    """{(label_key, unit): the region's VALUES_EACH latest figures} for these labels, in one query
    (a window over each label: a query a label and region made 80 for four regions)."""
    if not ranked:
        return {}
    latest = Window(
        RowNumber(),
        partition_by=[F("label_key"), F("unit")],
        order_by=[F("year").desc(nulls_last=True), F("report_id").desc(), F("id").desc()],
    )
    rows = (
        Metric.objects.filter(region_id__in=within, label_key__in={k for k, _u in ranked})
        .annotate(n=latest)
        .filter(n__lte=VALUES_EACH)
        .values_list(
            "label_key",
            "unit",
            "label",
            "value",
            "approx",
            "year",
            "region__name",
            "report_id",
            "quote",
            "sentence",
            named=True,
        )
        .order_by("label_key", "unit", "n")
    )
    out = defaultdict(list)
    for m in rows:
        out[(m.label_key, m.unit)].append(m)
    return out
