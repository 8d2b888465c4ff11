"""Every page is one dict, rendered three ways: HTML, JSON and CSV (Datasette's one data path).

A view builds a Page: its template, the dict (`data`, JSON-safe: no model objects), which list
of the dict CSV writes, and the page's title. respond() picks the format from ?format=:
- json: the dict as it is, with each text that reads differently in the chosen display script
  beside it as `<key>_display` (the original is what the archive holds);
- csv: the rows of data[table] (or of a view's all-rows iterator over the same row builder), UTF-8
  with a BOM so a spreadsheet opens the Chinese correctly;
- html: the template rendered from the dict, then the whole page converted to the display script
  in one step (简: t2s; 繁: s2t), so titles, quotes, snippets, facets, citations and the page's
  own words can never mix scripts.
Anything else is a 400 that names the formats; a report page adds its citation formats.
"""

import csv
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache

from django.http import HttpResponse, JsonResponse, StreamingHttpResponse
from django.template.loader import render_to_string
from django.utils.encoding import iri_to_uri

from .context_processors import display_script
from .ingest.normalize import convert, s2t
from .text import COMPATIBILITY_HAN, HAN

FORMATS = ("html", "json", "csv")
_CJK = re.compile(f"[{HAN}{COMPATIBILITY_HAN}]")
MAX_LINK = 2000  # characters of a URL put in a Link header (a long query made it 64 KB)


@dataclass
class Page:
    template: str
    data: dict
    title: str = ""
    table: str | None = None  # the key of the list of row dicts that CSV writes
    columns: list | None = None  # its columns (default: the first row's keys)
    filename: str = "export"
    all_rows: object = None  # a callable giving every row dict (CSV of a paged list), the same row builder
    formats: dict = field(default_factory=dict)  # more formats of this page: name -> callable(request) -> response
    context: dict = field(default_factory=dict)  # what the template needs beside the data (the admin's frame)
    display: bool = True  # convert to the display script (not the admin, which is in simplified Chinese)


def url_with_format(request, fmt):
    params = request.GET.copy()
    params["format"] = fmt
    if fmt == "csv":
        params.pop("page", None)
    return f"{request.path}?{params.urlencode()}"


class _Echo:
    def write(self, value):
        return value


def _default(o):
    if isinstance(o, date | datetime):
        return o.isoformat()
    if isinstance(o, Decimal):  # an exact figure stays a JSON number: an integer when it is one
        return int(o) if o == o.to_integral_value() else float(o)
    raise TypeError(type(o))


def to_display(text, script):
    """Text in the display script: 简 (hans) or 繁 (hant)."""
    if not text or not _CJK.search(text):
        return text
    if len(text) <= SHORT:
        return _short_display(text, script)
    return _display(text, script)


def _display(text, script):
    # OpenCC's script conversion only: the archive's t2s also folds variants and full-width digits for
    # matching, which a reader's text need not have done to it (and which costs a big page time)
    simplified = convert(text, "t2s")
    return s2t(simplified) if script == "hant" else simplified


SHORT = 40  # characters: names and labels, which pages repeat by the thousand (a search's every county)


@lru_cache(maxsize=50000)
def _short_display(text, script):
    """A short text's display form, converted once: OpenCC's call costs more than the lookup, and a
    search page's JSON names every county, prefecture and source of its facets."""
    return _display(text, script)


def with_display(obj, script):
    """The JSON form: every text beside its display form where the two differ."""
    if isinstance(obj, dict):
        out = {}
        for key, value in obj.items():
            out[key] = with_display(value, script)
            if isinstance(value, str) and not key.endswith(("url", "_display")) and _CJK.search(value):
                shown = to_display(value, script)
                if shown != value:
                    out[f"{key}_display"] = shown
        return out
    if isinstance(obj, list | tuple):
        return [with_display(v, script) for v in obj]
    return obj


def _cell(value):
    if isinstance(value, list | tuple):
        return "；".join(str(_cell(v)) for v in value)
    if isinstance(value, dict):
        return value.get("name") or value.get("title") or value.get("code") or ""
    if isinstance(value, bool):
        return "是" if value else ""
    return "" if value is None else value


def csv_response(page, rows):
    writer = csv.writer(_Echo())
    rows = iter(rows)
    first = next(rows, None)
    columns = page.columns or (list(first) if first else [])

    def lines():
        yield "\ufeff"  # so a spreadsheet opens UTF-8 Chinese correctly
        yield writer.writerow(columns)
        for row in [first] if first is not None else []:
            yield writer.writerow([_cell(row.get(c)) for c in columns])
        for row in rows:
            yield writer.writerow([_cell(row.get(c)) for c in columns])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{page.filename}.csv"'
    return response


def respond(request, page: Page):
    fmt = request.GET.get("format", "html")
    script = display_script(request)
    if fmt in page.formats:
        return page.formats[fmt](request)
    if fmt == "json":
        return JsonResponse(
            with_display(page.data, script) if page.display else page.data,
            json_dumps_params={"ensure_ascii": False, "default": _default},
            safe=False,
        )
    if fmt == "csv":
        rows = page.all_rows() if page.all_rows else page.data.get(page.table) or []
        return csv_response(page, rows)
    if fmt != "html":
        known = "、".join([*FORMATS, *page.formats])
        return HttpResponse(
            f"没有“{fmt[:20]}”这种格式：可用 {known}。", status=400, content_type="text/plain; charset=utf-8"
        )
    json_url, csv_url = url_with_format(request, "json"), url_with_format(request, "csv")
    context = {
        **page.context,
        "page": page.data,
        "title": page.title,
        "json_url": json_url,
        "csv_url": csv_url if page.table else None,
        "more_formats": list(page.formats),
    }
    html = render_to_string(page.template, context, request)
    response = HttpResponse(to_display(html, script) if page.display and _CJK.search(html) else html)
    # RFC 8288: the targets as URIs, percent-encoded (a Chinese path set as it is went out as an
    # RFC 2047 encoded-word, =?utf-8?b?…?=, which no client reads as a link)
    links = [f'<{iri_to_uri(json_url)}>; rel="alternate"; type="application/json"']
    if page.table:
        links.append(f'<{iri_to_uri(csv_url)}>; rel="alternate"; type="text/csv"')
    if all(len(u) <= MAX_LINK for u in (json_url, csv_url)):
        response["Link"] = ", ".join(links)
    chosen = request.GET.get("display")
    if chosen in ("hans", "hant"):
        response.set_cookie("display", chosen, max_age=365 * 24 * 3600, samesite="Lax")
    return response
