"""The concordance page: every occurrence of a query's words with its left and right context aligned on
the word, sorted by left context, right context, date or region, paged, filtered like the search;
its CSV holds every line (search/kwic.py bounds them and the page says when they were cut)."""

from search.kwic import CONTEXT, MAX_LINES, MAX_REPORTS
from search.kwic import concordance as find_lines

from .. import params
from ..formats import Page, respond
from .cache import summary
from .research import cache_key, chips, notes, search_filters, search_url
from .rows import url_of

PER_PAGE = 50
SORTS = {
    "-date": "日期（新→旧）",
    "date": "日期（旧→新）",
    "left": "左侧语境",
    "right": "右侧语境",
    "region": "地区",
}
COLUMNS = ["report", "title", "published", "region", "region_name", "left", "word", "right", "url"]


def _sorted(lines, sort):
    if sort == "left":  # by the words nearest the keyword first: the left context read backwards
        return sorted(lines, key=lambda r: (r["left"][::-1], r["report"], r["position"]))
    if sort == "right":
        return sorted(lines, key=lambda r: (r["right"], r["report"], r["position"]))
    if sort == "region":
        return sorted(lines, key=lambda r: (r["region"] is None, r["region"] or "", r["report"], r["position"]))
    dated = [r for r in lines if r["published"]]
    undated = [r for r in lines if not r["published"]]  # an undated report last either way
    dated.sort(key=lambda r: (r["published"], -r["report"], -r["position"]), reverse=sort == "-date")
    return dated + undated


def concordance(request):
    q, note = params.query(request.GET)
    filters, dates, date_note = search_filters(request.GET)
    expand = request.GET.get("expand", "1") != "0"
    sort = request.GET.get("sort", "-date")
    if sort not in SORTS:
        note = notes(note, f"没有“{sort[:20]}”这种排序（可用：{'、'.join(SORTS)}），已按日期排列。")
        sort = "-date"
    data = summary(
        cache_key("concordance", request.GET, only_renders=("page",)),
        lambda: _lines_data(q, filters, dates, expand, sort),
    )
    lines = data["lines"]
    pages = max(1, -(-len(lines) // PER_PAGE))
    page = params.page(request.GET, pages)
    shown = lines[(page.number - 1) * PER_PAGE : page.number * PER_PAGE]
    if not q:
        note = notes(note, "请输入检索词：语境索引列出它在报道中的每一处出现（简体、繁体均可）。")
    elif not data["words"]:
        note = notes(note, "检索式里没有要找的词（只有排除的词），没有语境可列。")
    out = {
        **{k: v for k, v in data.items() if k != "lines"},
        "note": notes(note, date_note, page.note),
        "chips": chips(filters),
        "page": page.number,
        "pages": pages,
        "per_page": PER_PAGE,
        "lines": shown,
    }
    return respond(
        request,
        Page(
            "research/concordance.html",
            out,
            f"语境：{q}" if q else "语境索引",
            table="lines",
            columns=COLUMNS,
            filename="concordance",
            all_rows=lambda: iter(lines),
            context={"sorts": SORTS},
        ),
    )


def _lines_data(q, filters, dates, expand, sort):
    found = find_lines(q, filters, dates, expand) if q else None
    lines = []
    for line in _sorted(found.lines, sort) if found else []:
        row = {k: v for k, v in line.items() if k != "key"}
        row["url"] = url_of("archive:report", line["report"])
        lines.append(row)
    cut = []
    if found and found.cut_reports:
        cut.append(f"检索到 {found.reports:,} 篇报道，只读了最新的 {MAX_REPORTS:,} 篇。")
    if found and found.cut_lines:
        cut.append(f"只列出前 {MAX_LINES:,} 处（按报道从新到旧读取）。")
    return {
        "query": q,
        "words": found.words if found else [],
        "filters": filters,
        "date_from": dates[0],
        "date_to": dates[1],
        "expand": expand,
        "sort": sort,
        "context": CONTEXT,
        "reports": found.reports if found else 0,
        "reports_read": found.read if found else 0,
        "total": len(lines),
        "cut": " ".join(cut),
        "search_url": search_url(q, filters, dates) if q else "",
        "lines": lines,
    }
