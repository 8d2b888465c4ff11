"""A whole result set to take away: every hit of a search (not its page), or the reports of the basket,
as CSV, JSON, RIS or BibTeX, streamed and bounded.

A Selection is what is exported: how many reports (at most the bound) of how many in all, the words
that say what it is, and its ids in order, CHUNK at a time. `search_selection()` reads every parameter
the search page reads (q, the facets, from/to, expand, sort) and counts; the ids are asked of the index
a slice at a time and the reports read from the database for each slice while the response streams, so
a 10,000-report export starts at once and never holds 10,000 rows (reading 10,000 ids first took a
second before the first byte: the index reads each hit's stored fields). The bound is the setting EXPORT_MAX_REPORTS; a cut export says so in its first line
(a CSV row, JSON keys, an RIS header line, a BibTeX @comment) and in the headers X-Export-Total,
X-Export-Limit, X-Export-Count and X-Export-Truncated.

One home for each format: RIS and BibTeX are archive/citations.py's, record by record; CSV and JSON
rows are `export_row()`. All in the reader's display script (简/繁), as the citation downloads are:
CSV cells converted, JSON the archive's text with `<key>_display` beside (formats.with_display).
"""

import csv
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.http import HttpResponse, StreamingHttpResponse

from archive import params
from archive.citations import authors, bibtex, heading, ris
from archive.context_processors import display_script
from archive.formats import _default, _Echo, to_display, with_display
from archive.models import RegionMention, Report, ReportCategory
from archive.views.rows import url_of

from .query import SORTS, _base, clean_filters

EXPORT_FORMATS = ("csv", "json", "ris", "bibtex")
CHUNK = 500  # reports read from the database at a time while an export streams
DEFAULT_LIMIT = 10_000
COLUMNS = [
    "id",
    "title",
    "authors",
    "source",
    "published",
    "regions",
    "categories",
    "script",
    "url",
    "page_url",
]
_CONTENT = {
    "csv": ("text/csv", "csv"),
    "json": ("application/json", "json"),
    "ris": ("application/x-research-info-systems", "ris"),
    "bibtex": ("application/x-bibtex", "bib"),
}
_TEXT_FIELDS = ("raw_text", "clean_text", "normalized_text", "minhash", "curated_fields", "error")


def export_limit():
    """The most reports one export holds (settings.EXPORT_MAX_REPORTS)."""
    return int(getattr(settings, "EXPORT_MAX_REPORTS", DEFAULT_LIMIT))


@dataclass
class Selection:
    count: int  # how many reports are exported: all, or the bound
    total: int  # how many were asked for in all
    limit: int
    what: str  # what the selection is, in words (检索“光伏扶贫”, 选择夹)
    filename: str
    batches: Callable  # () -> the ids in order, a list of at most CHUNK at a time
    about: dict = field(default_factory=dict)  # the parameters that made it (JSON's head)

    @classmethod
    def of(cls, ids, limit, what, filename, about=None):
        """A selection of these ids (the basket's)."""
        ids = list(ids)[:limit]
        return cls(len(ids), len(ids), limit, what, filename, lambda: _slices(ids), about or {})

    @property
    def cut(self):
        return self.total > self.count

    def note(self):
        """The sentence a cut export starts with, or ""."""
        if not self.cut:
            return ""
        return f"{self.what}共 {self.total:,} 篇报道，导出上限为 {self.limit:,} 篇：只导出了前 {self.count:,} 篇。"


def search_selection(request):
    """Every hit of the search the request describes (the search page's own parameters), in its order,
    up to the bound: the index's ids only."""
    get = request.GET
    q, _note = params.query(get)
    filters = clean_filters(get)
    start, end, _date_note = params.date_range(get)
    sort = get.get("sort", "relevance")
    sort = sort if sort in SORTS else "relevance"
    expand = get.get("expand", "1") != "0"
    sqs = _base(q, filters, expand=expand, dates=(start, end))
    if SORTS[sort]:
        sqs = sqs.order_by(SORTS[sort])
    limit = export_limit()
    total = sqs.count()
    count = min(total, limit)

    def batches():
        for at in range(0, count, CHUNK):
            yield [int(pk) for pk in sqs.values_list("pk", flat=True)[at : min(at + CHUNK, count)]]

    about = {
        "query": q,
        "filters": filters,
        "date_from": start,
        "date_to": end,
        "sort": sort,
        "expand": expand,
    }
    return Selection(count, total, limit, f"检索“{q}”" if q else "全部报道", "search-export", batches, about)


def _slices(ids):
    return (ids[at : at + CHUNK] for at in range(0, len(ids), CHUNK))


def _reports(selection):
    """(report, its regions, its categories) of the selection, in its order, read CHUNK at a time (a
    report the index still names but the database no longer holds is left out)."""
    for chunk in selection.batches():
        found = Report.objects.select_related("source").defer(*_TEXT_FIELDS).in_bulk(chunk)
        regions, categories = {}, {}
        for report_id, name, level in (
            RegionMention.objects.filter(report_id__in=chunk)
            .order_by("-primary", "-count")
            .values_list("report_id", "region__name", "region__level")
        ):
            if level in ("prefecture", "county"):
                regions.setdefault(report_id, []).append(name)
        for report_id, category in ReportCategory.objects.filter(report_id__in=chunk).values_list(
            "report_id", "category"
        ):
            categories.setdefault(report_id, []).append(category)
        for pk in chunk:
            if pk in found:
                yield found[pk], regions.get(pk, []), categories.get(pk, [])


def _site(request):
    """The site's own address (scheme and host), worked out once a request: a row per report asked
    reverse() and build_absolute_uri() anew, a fifth of a 6,000-report export's time."""
    site = getattr(request, "_export_site", None)
    if site is None:
        site = request._export_site = request.build_absolute_uri("/").rstrip("/")
    return site


def export_row(request, report, regions, categories):
    """One report as a CSV and JSON row: its citation's facts, its places and categories, its links."""
    return {
        "id": report.pk,
        "title": heading(report.title),
        "authors": authors(report),
        "source": report.source.name if report.source_id and report.source else None,
        "published": report.published,
        "regions": regions,
        "categories": sorted(set(categories)),
        "script": report.script,
        "url": _site(request) + url_of("archive:report", report.pk),
        "page_url": report.url or None,
    }


def _csv_cell(value, script):
    if isinstance(value, list | tuple):
        return "；".join(to_display(str(v), script) for v in value)
    if value is None:
        return ""
    if isinstance(value, str):
        return to_display(value, script)
    return value.isoformat() if hasattr(value, "isoformat") else value


def _csv(request, selection, script):
    writer = csv.writer(_Echo())
    yield "\ufeff"  # so a spreadsheet opens UTF-8 Chinese correctly
    if selection.cut:
        yield writer.writerow([f"# {to_display(selection.note(), script)}"])
    yield writer.writerow(COLUMNS)
    for report, regions, categories in _reports(selection):
        row = export_row(request, report, regions, categories)
        yield writer.writerow([_csv_cell(row[c], script) for c in COLUMNS])


def _dumps(obj):
    return json.dumps(obj, ensure_ascii=False, default=_default)


def _json_row(row, script):
    """A row as JSON: each text beside its display form (formats.with_display), a list of names too."""
    out = with_display(row, script)
    for key in ("authors", "regions", "categories"):
        shown = [to_display(v, script) for v in row[key]]
        if shown != row[key]:
            out[f"{key}_display"] = shown
    return out


def _json(request, selection, script):
    head = with_display(
        {
            **selection.about,
            "what": selection.what,
            "total": selection.total,
            "limit": selection.limit,
            "exported": selection.count,
            "cut": selection.cut,
            "note": selection.note(),
        },
        script,
    )
    yield _dumps(head)[:-1] + ', "reports": ['
    first = True
    for report, regions, categories in _reports(selection):
        row = _json_row(export_row(request, report, regions, categories), script)
        yield ("" if first else ",\n") + _dumps(row)
        first = False
    yield "]}\n"


def _ris(request, selection, script):
    # lines before the first TY are a provider's header, which readers skip (rispy, Zotero)
    yield "Provider: 扶贫案例库\r\n"
    if selection.cut:
        yield f"Note: {to_display(selection.note(), script)}\r\n"
    yield "\r\n"
    for report, _regions, _categories in _reports(selection):
        yield ris(report, request) + "\r\n"


def _bibtex(request, selection, script):
    if selection.cut:
        yield "@comment{" + _no_braces(to_display(selection.note(), script)) + "}\n\n"
    for report, _regions, _categories in _reports(selection):
        yield bibtex(report, request) + "\n"


_BRACES = re.compile(r"[{}]")


def _no_braces(text):
    return _BRACES.sub("", text)


_WRITERS = {"csv": _csv, "json": _json, "ris": _ris, "bibtex": _bibtex}


def unknown_format(fmt):
    """The 400 for a format an export does not write, naming those it does."""
    return HttpResponse(
        f"没有“{fmt[:20]}”这种导出格式：可用 {'、'.join(EXPORT_FORMATS)}（如 ?format=csv）。",
        status=400,
        content_type="text/plain; charset=utf-8",
    )


def export_response(request, selection, fmt):
    """The selection streamed in one format, its bound and total in the headers."""
    if fmt not in _WRITERS:
        return unknown_format(fmt)
    content_type, ext = _CONTENT[fmt]
    response = StreamingHttpResponse(
        _WRITERS[fmt](request, selection, display_script(request)), content_type=f"{content_type}; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{selection.filename}.{ext}"'
    response["X-Export-Total"] = str(selection.total)
    response["X-Export-Limit"] = str(selection.limit)
    response["X-Export-Count"] = str(selection.count)
    response["X-Export-Truncated"] = "true" if selection.cut else "false"
    return response


def export_links(request, path):
    """{format: URL} of the export of what this request asks for (its parameters, not its page)."""
    get = request.GET.copy()
    get.pop("page", None)
    out = {}
    for fmt in EXPORT_FORMATS:
        get["format"] = fmt
        out[fmt] = f"{path}?{get.urlencode()}"
    return out


def search_export(request):
    """/search/export/?q=…&format=csv|json|ris|bibtex: every hit of that search, up to the bound."""
    fmt = request.GET.get("format", "csv")
    if fmt not in _WRITERS:
        return unknown_format(fmt)
    return export_response(request, search_selection(request), fmt)
