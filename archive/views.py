"""Archive pages: thin views that gather data once and hand it to archive.formats.respond()."""

from django.db.models import Count, Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404

from .citations import citation
from .formats import Page, respond
from .models import Metric, Person, Region, Report


def _report_row(r):
    return {"id": r.pk, "title": r.title, "source": r.source.name if r.source else None,
            "published": r.published, "script": r.script, "url": r.get_absolute_url()}


def _facet_counts(page, name):
    return {v["value"]: v["count"] for f in page.facets if f["name"] == name for v in f["values"]}


def home(request):
    from search.query import search

    page = search("", sort="newest", per_page=10)  # the engine's facet counts: no join over every mention
    counts = _facet_counts(page, "province")
    provinces = list(Region.objects.filter(level=Region.PROVINCE).order_by("code"))
    for p in provinces:
        p.n = counts.get(p.code, 0)
    recent = [h["report"] for h in page.hits]
    data = {"reports": page.total, "recent": [_report_row(r) for r in recent],
            "provinces": [{"code": p.code, "name": p.name, "reports": p.n, "url": p.get_absolute_url()} for p in provinces]}
    return respond(request, Page("archive/home.html", {"provinces": provinces, "recent": recent, "total": page.total},
                                 data, ["id", "title", "source", "published"],
                                 ([r.pk, r.title, r.source.name if r.source else "", r.published] for r in recent), "recent"))


REGION_PAGE = 50


def region(request, code):
    from search.query import search

    place = get_object_or_404(Region.objects.select_related("parent__parent"), code=code)
    child_facet = {Region.PROVINCE: "prefecture", Region.PREFECTURE: "county"}.get(place.level)
    filters = {place.level: [code]}
    if place.level == Region.PREFECTURE:
        filters["province"] = [code[:2] + "0000"]
    page = search("", filters, sort="newest", per_page=REGION_PAGE)
    counts = _facet_counts(page, child_facet) if child_facet else {}
    children = list(place.children.order_by("code"))
    for c in children:
        c.n = counts.get(c.code, 0)
    rows = [h["report"] for h in page.hits]
    prefix = code[:2] if place.level == Region.PROVINCE else code[:4] if place.level == Region.PREFECTURE else code
    people = Person.objects.filter(region__code__startswith=prefix)[:50]
    other_names = [{"name": n.name, "kind": n.kind, "date": n.date} for n in place.other_names.all()]
    data = {"code": place.code, "name": place.name, "level": place.level, "poverty_county": place.poverty_county,
            "other_names": other_names,
            "exit_year": place.exit_year, "parents": [{"code": p.code, "name": p.name} for p in place.ancestors()],
            "reports_total": page.total,
            "children": [{"code": c.code, "name": c.name, "reports": c.n} for c in children],
            "reports": [_report_row(r) for r in rows]}
    return respond(request, Page("archive/region.html",
                                 {"place": place, "children": children, "reports": rows, "people": people,
                                  "total": page.total, "other_names": other_names},
                                 data, ["id", "title", "source", "published"],
                                 ([r.pk, r.title, r.source.name if r.source else "", r.published] for r in rows),
                                 f"region-{code}"))


def report(request, pk):
    r = get_object_or_404(Report.objects.select_related("source"), pk=pk)
    mentions = r.region_mentions.select_related("region").order_by("-primary", "-count")
    people = r.person_mentions.select_related("person__region")
    metrics = r.metrics.select_related("region")
    from search.query import more_like_this

    try:
        similar = more_like_this(r)
    except Exception:  # the index may be rebuilding; the page stands without it
        similar = []
    data = {**_report_row(r), "subtitle": r.subtitle, "byline": r.byline, "editor": r.editor,
            "title_is_fallback": r.title_is_fallback, "warnings": r.error, "text": r.clean_text,
            "regions": [{"code": m.region.code, "name": m.region.name, "level": m.region.level, "count": m.count,
                         "primary": m.primary} for m in mentions],
            "people": [{"name": m.person.name, "title": m.title, "kind": m.person.kind,
                        "region": m.person.region.code if m.person.region else None} for m in people],
            "initiatives": [{"name": m.initiative.name, "category": m.initiative.category}
                            for m in r.initiative_mentions.select_related("initiative")],
            "categories": r.categories,
            "metrics": [_metric_row(m) for m in metrics], "citation": citation(r, request)}
    return respond(request, Page("archive/report.html",
                                 {"report": r, "mentions": mentions, "people": people, "metrics": metrics,
                                  "similar": similar, "citation": data["citation"]},
                                 data, METRIC_HEADER, ([*_metric_row(m).values()] for m in metrics), f"report-{pk}-figures"))


METRIC_HEADER = ["report", "label", "value", "unit", "approx", "year", "region", "quote", "sentence"]


def download(fieldfile, name):
    """A stored file as it was given: always a download (an uploaded HTML page is never shown as a
    page of this site, where its scripts would run), its type never sniffed."""
    if not fieldfile:
        raise Http404("no stored file")
    try:
        fh = fieldfile.open("rb")
    except OSError:
        raise Http404("the stored file is missing") from None
    response = FileResponse(fh, as_attachment=True, filename=(name or fieldfile.name).rsplit("/", 1)[-1],
                            content_type="application/octet-stream")
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def original(request, pk):
    """The file a report was made from."""
    r = get_object_or_404(Report, pk=pk)
    return download(r.original, r.original_name)


def _metric_row(m):
    return {"report": m.report_id, "label": m.label, "value": m.value, "unit": m.unit, "approx": m.approx,
            "year": m.year, "region": m.region.code if m.region else None, "quote": m.quote, "sentence": m.sentence}


FIGURES_PER_PAGE = 100


def figures(request):
    qs = Metric.objects.select_related("region", "report").order_by("-id")
    unit, label, region_code = request.GET.get("unit"), request.GET.get("label"), request.GET.get("region")
    if unit:
        qs = qs.filter(unit=unit)
    if label:
        qs = qs.filter(Q(label__contains=label) | Q(sentence__contains=label))
    if region_code:
        qs = qs.filter(region__code__startswith=region_code.rstrip("0") or region_code)
    try:
        page = max(1, int(request.GET.get("page", 1)))
    except ValueError:
        page = 1
    units = Metric.objects.values("unit").annotate(n=Count("id")).order_by("-n")[:30]
    total = qs.count()
    rows = list(qs[(page - 1) * FIGURES_PER_PAGE:page * FIGURES_PER_PAGE])
    pages = max(1, -(-total // FIGURES_PER_PAGE))
    return respond(request, Page("archive/figures.html",
                                 {"metrics": rows, "units": units, "total": total, "page": page, "pages": pages},
                                 {"total": total, "page": page, "pages": pages, "metrics": [_metric_row(m) for m in rows]},
                                 METRIC_HEADER, ([*_metric_row(m).values()] for m in qs.iterator()), "figures"))


def person(request, pk):
    p = get_object_or_404(Person.objects.select_related("region"), pk=pk)
    mentions = p.mentions.select_related("report")
    data = {"name": p.name, "title": p.title, "kind": p.kind, "region": p.region.code if p.region else None,
            "reports": [{"id": m.report_id, "title": m.report.title, "title_as_printed": m.title} for m in mentions]}
    return respond(request, Page("archive/person.html", {"person": p, "mentions": mentions}, data,
                                 ["report", "title", "title_as_printed"],
                                 ([m.report_id, m.report.title, m.title] for m in mentions), f"person-{pk}"))
