from django import template

from archive.ingest.normalize import s2t, t2s

register = template.Library()


@register.filter
def script(value, chosen):
    """Render text in the chosen display script (简 hans / 繁 hant)."""
    if not value:
        return value
    return s2t(t2s(str(value))) if chosen == "hant" else t2s(str(value))


@register.simple_tag(takes_context=True)
def toggle(context, name, value):
    """This page's URL with one facet value added or removed (chips and facet links)."""
    request = context["request"]
    params = request.GET.copy()
    values = params.getlist(name)
    if value in values:
        values.remove(value)
    else:
        values.append(value)
    params.setlist(name, values)
    params.pop("page", None)
    return "?" + params.urlencode()


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
    from archive.models import format_number

    return format_number(value)
