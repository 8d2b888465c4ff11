"""The search page: one dict (the query, its hits, facets and chips), rendered as HTML, JSON and CSV."""

from django.urls import reverse

from archive import params
from archive.context_processors import display_script
from archive.formats import Page, respond

from .export import export_links
from .facets import FACETS
from .feeds import feed_links
from .help import thesaurus
from .query import PER_PAGE, SORTS, clean_filters, search


def _without(request, *names):
    get = request.GET.copy()
    for name in (*names, "page"):
        get.pop(name, None)
    return "?" + get.urlencode()


def search_page(request):
    q, note = params.query(request.GET)
    script = display_script(request)
    expand = request.GET.get("expand", "1") != "0"
    filters = clean_filters(request.GET)
    sort = request.GET.get("sort", "relevance")
    start, end, date_note = params.date_range(request.GET)
    asked = params.page(request.GET, 10**9)
    result = search(q, filters, sort, asked.number, script=script, expand=expand, dates=(start, end))
    if result.total and asked.number > result.pages:  # past the last page: show the last, and say so
        shown = params.page(request.GET, result.pages)
        result = search(q, filters, sort, shown.number, script=script, expand=expand, dates=(start, end))
        note = " ".join(x for x in (note, date_note, result.syntax_note, shown.note) if x)
    else:
        note = " ".join(x for x in (note, date_note, result.syntax_note, asked.note) if x)
    hits = [
        {
            "id": h["report"].pk,
            "title": h["report"].title,
            "snippet": h["snippet"],
            "source": h["report"].source.name if h["report"].source else None,
            "published": h["report"].published,
            "url": h["report"].get_absolute_url(),
            "regions": [{"code": r.code, "name": r.name, "url": r.get_absolute_url()} for r in h["regions"]],
        }
        for h in result.hits
    ]
    chips = [
        {"facet": f["name"], "facet_label": f["label"], "value": v["value"], "label": v["label"]}
        for f in result.facets
        for v in f["values"]
        if v["selected"]
    ]
    known = {(c["facet"], c["value"]) for c in chips}
    chips += [
        {
            "facet": name,
            "facet_label": FACETS[name].label,
            "value": value,  # a filter no hit is left under
            "label": FACETS[name].display(value, script),
        }
        for name, values in filters.items()
        for value in values
        if (name, value) not in known
    ]
    no_hits = bool(q) and not result.total
    data = {
        "query": q,
        "note": note,
        "understood": result.understood,
        "normalized_query": result.normalized_query,
        "date_from": start,
        "date_to": end,
        "total": result.total,
        "page": result.page,
        "pages": result.pages,
        "per_page": PER_PAGE,
        "sort": result.sort,
        "sorts": [{"key": k, "label": {"relevance": "相关度", "newest": "最新", "oldest": "最早"}[k]} for k in SORTS],
        "filters": result.filters,
        "chips": chips,
        "hits": hits,
        "suggestion": result.suggestion,
        "related": [{"query": t, "total": n} for t, n in result.related],
        "thesaurus": [
            {"programme": key, "names": names, "url": reverse("archive:programme", args=[key])}
            for key, names in (
                thesaurus([result.suggestion or "", *result.plain.split(), *result.normalized_query.split()])
                if no_hits
                else []
            )
        ],
        "without_filters": bool(no_hits and (chips or start or end)),
        "without_dates_url": _without(request, "from", "to") if start or end else "",
        "expand": result.expand,
        "expanded": result.expand and bool(result.expansions),
        "expansions": [{"word": w, "programme": k, "names": names} for w, k, names in result.expansions],
        "export": export_links(request, reverse("search:export")),  # every hit, not the page
        "feed_url": feed_links(request),
        "facets": [
            {
                "name": f["name"],
                "label": f["label"],
                "visible": f["visible"],
                "values": [
                    {"value": v["value"], "label": v["label"], "count": v["count"], "selected": v["selected"]}
                    for v in f["values"]
                ],
            }
            for f in result.facets
        ],
    }
    title = f"检索：{q}" if q else "全部报道"
    return respond(
        request,
        Page(
            "search/search.html",
            data,
            title,
            table="hits",
            columns=["id", "title", "source", "published", "url", "regions"],
            filename="search",
        ),
    )
