"""The selection basket: reports ticked on any list (search results, a region's, a person's, a
programme's), kept in the session, listed at /basket/ with remove and clear, and exported the ways a
search is (search/export.py: CSV, JSON, RIS, BibTeX).

Every list's rows carry a checkbox in a plain form that POSTs to /basket/add/ with its CSRF token, so
it works without script; the reader comes back to the list with a message saying what was added. An
id that names no report is said and left out; the basket holds BASKET_MAX reports at most.
"""

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from search.export import EXPORT_FORMATS, Selection, export_links, export_response, unknown_format

from ..formats import Page, respond
from ..models import Report
from .rows import report_row, reports_in_order

SESSION_KEY = "basket"
BASKET_MAX = 1000  # reports a basket holds (its exports are never cut)


def basket_ids(request):
    """The basket's report ids, in the order they were added."""
    ids = request.session.get(SESSION_KEY) or []
    return [i for i in ids if isinstance(i, int)]


def _asked_ids(request):
    """(ids, words that could not be read) of the POST's `report` values."""
    ids, bad = [], []
    for raw in request.POST.getlist("report")[: BASKET_MAX + 1]:
        raw = raw.strip()
        if raw.isascii() and raw.isdigit() and len(raw) <= 12:
            ids.append(int(raw))
        elif raw:
            bad.append(raw[:20])
    return ids, bad


def _back(request, default=None):
    target = request.POST.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return HttpResponseRedirect(target)
    return HttpResponseRedirect(default or reverse("archive:basket"))


def basket_add(request):
    """Add the ticked reports; say how many, and which ids name no report. A GET (the form's address
    opened by hand) shows the basket."""
    if request.method != "POST":
        return HttpResponseRedirect(reverse("archive:basket"))
    asked, bad = _asked_ids(request)
    have = basket_ids(request)
    existing = set(Report.objects.filter(pk__in=asked).values_list("pk", flat=True))
    missing = [i for i in dict.fromkeys(asked) if i not in existing]
    added, full = 0, False
    for pk in dict.fromkeys(asked):
        if pk in existing and pk not in have:
            if len(have) >= BASKET_MAX:
                full = True
                break
            have.append(pk)
            added += 1
    request.session[SESSION_KEY] = have
    if not asked and not bad:
        messages.warning(request, "没有选中报道：请先勾选要加入选择夹的报道。")
    if added:
        messages.success(request, f"已加入选择夹 {added} 篇，共 {len(have)} 篇。")
    elif asked and not missing and not full:
        messages.info(request, f"选中的报道已在选择夹中（共 {len(have)} 篇）。")
    if missing or bad:
        shown = "、".join([str(i) for i in missing] + bad)
        messages.error(request, f"没有编号为 {shown} 的报道，未加入。")
    if full:
        messages.error(request, f"选择夹最多放 {BASKET_MAX} 篇报道，其余未加入。")
    return _back(request)


def basket_remove(request):
    if request.method != "POST":
        return HttpResponseRedirect(reverse("archive:basket"))
    asked, _bad = _asked_ids(request)
    drop = set(asked)
    have = basket_ids(request)
    kept = [i for i in have if i not in drop]
    request.session[SESSION_KEY] = kept
    if len(kept) < len(have):
        messages.success(request, f"已从选择夹移除 {len(have) - len(kept)} 篇，还有 {len(kept)} 篇。")
    return _back(request)


def basket_clear(request):
    if request.method != "POST":
        return HttpResponseRedirect(reverse("archive:basket"))
    request.session[SESSION_KEY] = []
    messages.success(request, "选择夹已清空。")
    return _back(request)


def _selection(request):
    return Selection.of(basket_ids(request), BASKET_MAX, "选择夹", "basket", {"basket": True})


def basket(request):
    """The basket's reports (a report deleted since it was added is left out), with its exports."""
    ids = basket_ids(request)
    reports = reports_in_order(ids)
    data = {
        "total": len(reports),
        "limit": BASKET_MAX,
        "reports": [report_row(r) for r in reports],
        "export": export_links(request, reverse("archive:basket_export")) if reports else {},
    }
    return respond(request, Page("archive/basket.html", data, "选择夹", table="reports", filename="basket"))


def basket_export(request):
    """/basket/export/?format=csv|json|ris|bibtex: the basket's reports, in the order they were added."""
    fmt = request.GET.get("format", "csv")
    if fmt not in EXPORT_FORMATS:
        return unknown_format(fmt)
    return export_response(request, _selection(request), fmt)
