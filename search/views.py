"""The search page: one dict (the query, its hits, facets and chips), rendered as HTML, JSON and CSV."""

from archive import params
from archive.context_processors import display_script
from archive.formats import Page, respond

from .facets import FACETS
from .query import PER_PAGE, SORTS, clean_filters, search


def search_page(request):
    q, note = params.query(request.GET)
    script = display_script(request)
    expand = request.GET.get("expand", "1") != "0"
    filters = clean_filters(request.GET)
    sort = request.GET.get("sort", "relevance")
    asked = params.page(request.GET, 10**9)
    result = search(q, filters, sort, asked.number, script=script, expand=expand)
    if result.total and asked.number > result.pages:  # past the last page: show the last, and say so
        shown = params.page(request.GET, result.pages)
        result = search(q, filters, sort, shown.number, script=script, expand=expand)
        note = " ".join(x for x in (note, shown.note) if x)
    else:
        note = " ".join(x for x in (note, asked.note) if x)
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
    data = {
        "query": q,
        "note": note,
        "normalized_query": result.normalized_query,
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
        "expand": result.expand,
        "expanded": result.expand and bool(result.expansions),
        "expansions": [{"word": w, "programme": k, "names": names} for w, k, names in result.expansions],
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
