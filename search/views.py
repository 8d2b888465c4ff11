from archive.context_processors import display_script
from archive.formats import Page, respond

from .query import SORTS, clean_filters, search


def search_page(request):
    q = request.GET.get("q", "").strip()[:200]
    try:
        page_no = int(request.GET.get("page", 1))
    except ValueError:
        page_no = 1
    script = display_script(request)
    expand = request.GET.get("expand", "1") != "0"
    result = search(q, clean_filters(request.GET), request.GET.get("sort", "relevance"), page_no, script=script,
                    expand=expand)
    hits = [{"id": h["report"].pk, "title": h["report"].title, "snippet": h["snippet"],
             "source": h["report"].source.name if h["report"].source else None,
             "published": h["report"].published, "url": h["report"].get_absolute_url(),
             "regions": [{"code": r.code, "name": r.name} for r in h["regions"]]} for h in result.hits]
    data = {"query": q, "normalized_query": result.normalized_query, "total": result.total, "page": result.page,
            "pages": result.pages, "sort": result.sort, "filters": result.filters, "hits": hits,
            "suggestion": result.suggestion, "related": [{"query": t, "total": n} for t, n in result.related],
            "expanded": result.expand and bool(result.expansions),
            "expansions": [{"word": w, "programme": k, "names": names} for w, k, names in result.expansions],
            "facets": {f["name"]: [{"value": v["value"], "label": v["label"], "count": v["count"]} for v in f["values"]]
                       for f in result.facets}}
    chips = [(name, v["value"], v["label"]) for f in result.facets for v in f["values"] if v["selected"]
             for name in [f["name"]]]
    return respond(request, Page("search/search.html", {"result": result, "chips": chips, "sorts": SORTS},
                                 data, ["id", "title", "source", "published", "url"],
                                 ([h["id"], h["title"], h["source"], h["published"], h["url"]] for h in hits), "search"))
