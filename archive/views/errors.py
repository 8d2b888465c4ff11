"""The archive's own pages for a missing page (404) and a failure (500): in Chinese, in the site's frame
with its search box, in the reader's display script. Django's own (English, bare) are shown only with
DEBUG on, where its debug pages stand in for both."""

import logging

from django.http import HttpResponseNotFound, HttpResponseServerError
from django.template.loader import render_to_string

from ..context_processors import display_script
from ..formats import to_display
from ..text import HAN_CHAR

log = logging.getLogger(__name__)

PLAIN_500 = (
    "<!doctype html><html lang='zh-Hans'><meta charset='utf-8'><title>出错了 · 扶贫案例库</title>"
    "<h1>出错了</h1><p>服务器处理这个请求时出了错，请稍后再试。<a href='/'>回到首页</a></p></html>"
)


def not_found(request, exception=None):
    """A 404: what was asked for, why it is not here when the archive said so in words (没有这个项目), and
    the search box to look for it."""
    said = str(exception.args[0]) if exception is not None and exception.args else ""
    context = {"title": "找不到这个页面", "reason": said if HAN_CHAR.search(said) else "", "path": request.path}
    html = render_to_string("404.html", context, request)
    return HttpResponseNotFound(to_display(html, display_script(request)))


def server_error(request):
    """A 500 in the archive's frame; if even that cannot be drawn (the failure may be in what it uses), a
    plain page in the same words."""
    try:
        html = to_display(render_to_string("500.html", {"title": "出错了"}, request), display_script(request))
    except Exception:  # noqa: BLE001 (the page about a failure must not fail)
        log.exception("the 500 page could not be rendered")
        html = PLAIN_500
    return HttpResponseServerError(html)
