"""Every page is also JSON and CSV, through one path: compute the data once, render per format.

A view returns a Page (template, context, json data, csv rows); respond()
picks the format from ?format= and adds Link rel=alternate headers.
"""

import csv
from dataclasses import dataclass, field
from datetime import date, datetime

from django.http import HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import render


def url_with_format(request, fmt):
    params = request.GET.copy()
    params["format"] = fmt
    params.pop("page", None) if fmt == "csv" else None
    return f"{request.path}?{params.urlencode()}"


@dataclass
class Page:
    template: str
    context: dict
    data: dict
    csv_header: list = field(default_factory=list)
    csv_rows: object = ()
    filename: str = "export"


class _Echo:
    def write(self, value):
        return value


def _default(o):
    if isinstance(o, (date, datetime)):
        return o.isoformat()
    raise TypeError(type(o))


def respond(request, page: Page):
    fmt = request.GET.get("format", "html")
    if fmt == "json":
        return JsonResponse(page.data, json_dumps_params={"ensure_ascii": False, "default": _default}, safe=False)
    if fmt == "csv":
        writer = csv.writer(_Echo())

        def rows():
            yield "\ufeff"  # so Excel opens UTF-8 Chinese correctly
            yield writer.writerow(page.csv_header)
            for row in page.csv_rows:
                yield writer.writerow(row)

        response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{page.filename}.csv"'
        return response
    if fmt != "html":
        return HttpResponse(f"Unknown format “{fmt}”: use html, json or csv.", status=400, content_type="text/plain; charset=utf-8")
    context = dict(page.context, json_url=url_with_format(request, "json"), csv_url=url_with_format(request, "csv"))
    response = render(request, page.template, context)
    response["Link"] = f'<{context["json_url"]}>; rel="alternate"; type="application/json", ' \
                       f'<{context["csv_url"]}>; rel="alternate"; type="text/csv"'
    chosen = request.GET.get("display")
    if chosen in ("hans", "hant"):
        response.set_cookie("display", chosen, max_age=365 * 24 * 3600, samesite="Lax")
    return response
