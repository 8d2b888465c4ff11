"""Term trends: how many reports a query finds each year, raw and per 1,000 of that year's reports,
for up to four queries side by side, optionally by province; every point links to the search it counts.

The counts are the search's own (search/aggregate.py: the year facet of the same query, filters and
dates), so a trend and the search page never disagree."""

from search.aggregate import facet_by_year, year_counts
from search.facets import FACETS
from search.syntax import parse

from .. import params
from ..formats import Page, respond
from ..models import Region
from .cache import summary
from .charts import lines_svg
from .research import cache_key, chips, notes, search_filters, search_url

MAX_TERMS = 4
ALL = "全部报道"
PROVINCE_CHARTS = 12  # provinces drawn as small charts (every province is in the table and the CSV)
BY = {"province": "省份"}
MEASURES = {"reports": "报道数", "per_1000": "每千篇报道"}
COLUMNS = ["term", "province", "province_name", "year", "reports", "year_reports", "per_1000", "search_url"]


def terms_of(get, limit=MAX_TERMS):
    """(the queries asked, a note): q given once or several times, empty ones dropped, each bounded."""
    terms, notes = [], []
    for raw in get.getlist("q"):
        q, note = params.query({"q": raw})
        if q and q not in terms:
            terms.append(q)
        if note:
            notes.append(note)
    if len(terms) > limit:
        notes.append(f"最多比较 {limit} 个检索词，只用了前 {limit} 个。")
        terms = terms[:limit]
    return terms, " ".join(notes)


def understood(q):
    """The query as the search read it, when it had operators or phrases (as the search page says)."""
    parsed = parse(q)
    return parsed.understood() if parsed.operators else ""


def per_1000(n, base):
    return round(n * 1000 / base, 2) if base else None


def trends(request):
    terms, note = terms_of(request.GET)
    filters, dates, date_note = search_filters(request.GET)
    note = notes(note, date_note)
    if filters.pop("year", None):
        note = notes(note, "趋势按年份计数，不按年份筛选（时间范围请用起止日期 from、to）。")
    by = request.GET.get("by", "")
    if by and by not in BY:
        note = notes(note, f"不能按“{by[:20]}”分列（可用：province），已按全国显示。")
        by = ""
    measure = request.GET.get("measure", "reports")
    if measure not in MEASURES:
        note = notes(note, f"没有“{measure[:20]}”这种计量（可用：reports、per_1000），已按报道数显示。")
        measure = "reports"
    if not terms:
        note = notes(note, "请输入一个或几个检索词（可写多个 q，如 q=光伏扶贫&q=电商扶贫），下面是全部报道的年份分布。")
    data = summary(cache_key("trends", request.GET), lambda: _trends_data(terms, filters, dates, by))
    data = {**data, "note": note, "measure": measure, "chips": chips(filters)}
    chart = lines_svg(data["series"], data["years"], "每年报道数", value=measure)
    small = [
        {**p, "svg": lines_svg(p["series"], data["years"], p["name"], value=measure, w=320, h=160, pad=30)}
        for p in data["provinces"][:PROVINCE_CHARTS]
    ]
    title = "趋势" + (f"：{'、'.join(terms)}" if terms else "")
    return respond(
        request,
        Page(
            "research/trends.html",
            data,
            title,
            table="rows",
            columns=COLUMNS,
            filename="trends",
            context={"chart": chart, "small_charts": small, "measures": MEASURES, "facets": FACETS},
        ),
    )


def _trends_data(terms, filters, dates, by):
    asked, terms = terms, terms or [""]  # no query: the whole archive's years
    base, base_total = year_counts("", filters, dates)
    counted = [(q, *year_counts(q, filters, dates)) for q in terms]
    found = {y for _q, years, _t in counted for y in years}
    years = list(range(min(found), max(found) + 1)) if found else []
    series = []
    for q, years_of, total in counted:
        series.append(
            {
                "name": q or ALL,
                "query": q,
                "total": total,
                "understood": understood(q),
                "search_url": search_url(q, filters, dates),
                "points": [
                    {
                        "year": y,
                        "reports": years_of.get(y, 0),
                        "year_reports": base.get(y, 0),
                        "per_1000": per_1000(years_of.get(y, 0), base.get(y, 0)),
                        "url": search_url(q, filters, dates, year=y),
                    }
                    for y in years
                ],
            }
        )
    rows = [
        {"term": s["name"], "province": None, "province_name": None, "search_url": p["url"], **p}
        for s in series
        for p in s["points"]
    ]
    provinces = _by_province(terms, filters, dates, years) if by == "province" else []
    rows += [
        {"term": s["name"], "province": p["code"], "province_name": p["name"], "search_url": pt["url"], **pt}
        for p in provinces
        for s in p["series"]
        for pt in s["points"]
    ]
    return {
        "terms": asked,
        "filters": filters,
        "date_from": dates[0],
        "date_to": dates[1],
        "by": by,
        "years": years,
        "archive_reports": base_total,
        "year_reports": [{"year": y, "reports": base.get(y, 0)} for y in years],
        "series": series,
        "table": [
            {
                "year": y,
                "year_reports": base.get(y, 0),
                "cells": [{**s["points"][i], "name": s["name"]} for s in series],
            }
            for i, y in enumerate(years)
        ],
        "provinces": provinces,
        "rows": rows,
    }


def _by_province(terms, filters, dates, years):
    """Each province's series for every term (the engine's province-by-year table), the province's
    own reports of the year as the per-1,000 base; provinces by the first term's reports."""
    names = dict(Region.objects.filter(level=Region.PROVINCE).values_list("code", "name"))
    chosen = set(filters.get("province") or names)
    base = facet_by_year("", "province", filters, dates, values=list(names))
    cells = {q: facet_by_year(q, "province", filters, dates, values=list(names)) for q in terms}
    totals = {code: sum(n for (c, _y), n in cells[terms[0]].items() if c == code) for code in names}
    out = []
    for code in sorted(names, key=lambda c: (-totals[c], c)):
        if code not in chosen or not any(c == code for q in terms for c, _y in cells[q]):
            continue
        series = []
        for q in terms:
            series.append(
                {
                    "name": q or ALL,
                    "total": sum(n for (c, _y), n in cells[q].items() if c == code),
                    "points": [
                        {
                            "year": y,
                            "reports": cells[q].get((code, y), 0),
                            "year_reports": base.get((code, y), 0),
                            "per_1000": per_1000(cells[q].get((code, y), 0), base.get((code, y), 0)),
                            "url": search_url(q, {**filters, "province": [code]}, dates, year=y),
                        }
                        for y in years
                    ],
                }
            )
        out.append({"code": code, "name": names[code], "url": Region(code=code).get_absolute_url(), "series": series})
    return out
