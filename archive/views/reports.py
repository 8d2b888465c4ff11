"""A report: its text with places, people, programmes and figures marked and linked, and its citations
(RIS, BibTeX, CSL-JSON as downloads; GB/T 7714 on the page)."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse

from search.query import more_like_this

from ..citations import bibtex, coins, csl_json, gbt7714, heading, highwire, ris
from ..entities import KINDS
from ..formats import Page, respond
from ..marking import runs
from ..models import Report, Upload
from .cache import summary
from .rows import METRIC_COLUMNS, report_row


def report(request, pk):
    r = get_object_or_404(Report.objects.select_related("source"), pk=pk)
    records = {kind.key: kind.records(r) for kind in KINDS}
    try:  # a search of the report's key words (a costly query, docs/BENCHMARKS.md): kept until the index commits
        similar = summary(f"similar:{r.pk}", lambda: [report_row(s) for s in more_like_this(r)])
    except Exception:  # noqa: BLE001 (the index may be rebuilding; the page stands without it)
        similar = []
    copies = Upload.objects.filter(report=r, status=Upload.DUPLICATE).order_by("created")[:20]
    text = [
        {"text": chunk, **({"kind": m.kind, "ref": m.ref, "title": m.title, "url": m.url} if m else {})}
        for chunk, m in runs(r, **records)
    ]
    cite_urls = {fmt: f"{r.get_absolute_url()}?format={fmt}" for fmt in ("ris", "bibtex", "csl")}
    data = {
        **report_row(r),
        "heading": heading(r.title),
        "page_url": r.url or None,
        "subtitle": r.subtitle,
        "byline": r.byline,
        "editor": r.editor,
        "title_is_fallback": r.title_is_fallback,
        "warnings": r.error,
        "review": r.get_review_display(),
        "text": text,
        "original_url": reverse("archive:original", args=[r.pk]) if r.original else None,
        **{kind.page_key: kind.part("page_rows")(records[kind.key]) for kind in KINDS},
        "copies": [{"name": u.original_name, "note": u.error} for u in copies],
        "similar": similar,
        "citation": {"gbt7714": gbt7714(r, request), **cite_urls},
    }
    formats = {
        "ris": lambda req: _citation(ris(r, req), "application/x-research-info-systems", f"report-{pk}.ris"),
        "bibtex": lambda req: _citation(bibtex(r, req), "application/x-bibtex", f"report-{pk}.bib"),
        "csl": lambda req: _citation(csl_json(r, req), "application/vnd.citationstyles.csl+json", f"report-{pk}.json"),
    }
    return respond(
        request,
        Page(
            "archive/report.html",
            data,
            data["heading"],
            table="figures",
            filename=f"report-{pk}-figures",
            columns=METRIC_COLUMNS,
            formats=formats,
            context={"citation_meta": highwire(r, request), "coins": coins(r, request)},  # for citation managers
        ),
    )


def _citation(text, content_type, filename):
    response = HttpResponse(text, content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
