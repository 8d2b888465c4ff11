from urllib.parse import urlencode

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from archive.models import format_number

register = template.Library()


@register.simple_tag(takes_context=True)
def toggle(context, name, value):
    """This page's URL with one facet value added or removed (chips and facet links). A search page
    has a link like this for every facet value it lists: the request's parameters are read once
    and each link is encoded from them, not from a copy of the whole QueryDict."""
    request = context["request"]
    lists = getattr(request, "_toggle_lists", None)
    if lists is None:
        lists = request._toggle_lists = [(k, vs) for k, vs in request.GET.lists() if k != "page"]
    pairs, found = [], False
    for key, values in lists:
        if key == name:
            found = True
            values = [v for v in values if v != value] if value in values else [*values, value]
        pairs.extend((key, v) for v in values)
    if not found:
        pairs.append((name, value))
    return "?" + urlencode(pairs)


@register.simple_tag(takes_context=True)
def with_param(context, name, value):
    params = context["request"].GET.copy()
    params[name] = value
    if name != "page":
        params.pop("page", None)
    return "?" + params.urlencode()


@register.filter
def figure(value):
    """A figure as a reader writes it: 1,800,000 and 0.74 (models.format_number), never 1.8e+06."""
    return format_number(value)


@register.filter
def linebreaks_between(value):
    """Plain text inside an open <p>: escaped, each line break closing one paragraph and opening the next."""
    return mark_safe("</p><p>".join(escape(part) for part in str(value).split("\n")))


@register.simple_tag(takes_context=True)
def sort_url(context, column, default="-report"):
    """This page sorted by column, or by column reversed when it already is (a table header's link)."""
    params = context["request"].GET.copy()
    current = params.get("sort", default)
    params["sort"] = f"-{column}" if current == column else column
    params.pop("page", None)
    return "?" + params.urlencode()


@register.simple_tag(takes_context=True)
def sort_mark(context, column, default="-report"):
    current = context["request"].GET.get("sort", default)
    return "▲" if current == column else "▼" if current == f"-{column}" else ""
