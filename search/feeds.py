"""Every search as an Atom feed (`/search/feed/?q=…`): its newest reports, for a feed reader to follow.

The feed takes every parameter the search page takes (q, the facets, from/to, expand) and lists the
FEED_ITEMS newest matches (undated reports last, as the search sorts them), each with its heading,
its archive page, its date, who signed it (or its source), its categories and the opening of its
text; in the reader's display script (?display=hant, which the search page's feed link carries).
Written with Django's feedgenerator (RFC 4287): an entry's <updated> is when the archive last
changed it, its <published> the report's own date.
"""

import datetime
import html
import re

from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from archive import params
from archive.citations import authors, heading
from archive.context_processors import display_script
from archive.formats import to_display
from archive.models import Report

from .query import _base, clean_filters

FEED_ITEMS = 50
SUMMARY_CHARS = 200  # characters of a report's text in its entry
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # no XML 1.0 document may hold them


def _xml(text, script):
    return _CONTROL.sub("", to_display(text or "", script))


def feed_links(request):
    """The search's feed URL: its parameters (not its page or format), with the display script."""
    get = request.GET.copy()
    for name in ("page", "format", "sort"):
        get.pop(name, None)
    if display_script(request) == "hant":
        get["display"] = "hant"
    query = get.urlencode()
    return reverse("search:feed") + (f"?{query}" if query else "")


def newest(request):
    """The newest reports of the search the request describes."""
    get = request.GET
    q, _note = params.query(get)
    start, end, _date_note = params.date_range(get)
    sqs = _base(q, clean_filters(get), expand=get.get("expand", "1") != "0", dates=(start, end))
    ids = [int(pk) for pk in sqs.order_by("-published").values_list("pk", flat=True)[:FEED_ITEMS]]
    found = Report.objects.select_related("source").only(
        "id", "title", "byline", "published", "updated", "script", "source__name", "clean_text"
    )
    found = found.prefetch_related("category_links").in_bulk(ids)
    return q, [found[i] for i in ids if i in found]


def search_feed(request):
    script = display_script(request)
    q, reports = newest(request)
    get = request.GET.copy()
    for name in ("format", "page"):
        get.pop(name, None)
    page_url = request.build_absolute_uri(reverse("search:search") + ("?" + get.urlencode() if get else ""))
    feed = Atom1Feed(
        title=_xml(f"扶贫案例库 · 检索：{q}" if q else "扶贫案例库 · 最新报道", script),
        link=page_url,
        description=_xml(f"“{q}”的最新报道" if q else "扶贫案例库的最新报道", script),
        feed_url=request.build_absolute_uri(request.get_full_path()),
        language="zh-Hant" if script == "hant" else "zh-Hans",
        author_name="扶贫案例库",
    )
    for r in reports:
        link = request.build_absolute_uri(r.get_absolute_url())
        signed = authors(r)
        published = (
            timezone.make_aware(datetime.datetime.combine(r.published, datetime.time())) if r.published else None
        )
        text = r.clean_text[:SUMMARY_CHARS] + ("……" if len(r.clean_text) > SUMMARY_CHARS else "")
        feed.add_item(
            title=_xml(heading(r.title), script),
            link=link,
            description=html.escape(_xml(text, script)).replace(
                "\n", "<br>"
            ),  # summary type="html": text, shown as text
            unique_id=link,
            pubdate=published,
            updateddate=r.updated,
            author_name=_xml("、".join(signed) if signed else (r.source.name if r.source else "扶贫案例库"), script),
            categories=[_xml(c, script) for c in r.categories],
        )
    response = HttpResponse(content_type=feed.content_type)
    feed.write(response, "utf-8")
    return response
