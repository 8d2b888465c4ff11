"""The research tools' pictures, drawn on the server as SVG (no script): several series over years with
every point a link, and small maps of where a programme was reported by a year. Plain values in,
markup out; every text written into it is escaped or a number (as archive/views/svg.py)."""

import html

from django.utils.safestring import mark_safe

from ..models import format_number
from .svg import MAP_H, MAP_W

SERIES_CLASSES = ("s0", "s1", "s2", "s3")  # archive.css colours a series by its class


def _ticks(hi):
    """Round values for the y axis up to hi: 0, the middle and the top."""
    if hi <= 0:
        return [0]
    step = 10 ** max(0, len(str(int(hi))) - 1)
    top = -(-hi // step) * step if hi >= 1 else hi
    return [0, top / 2, top]


def lines_svg(series, years, label, value="value", w=720, h=260, pad=40):
    """Several series over the same years as lines, each point a link (its `url`) with a tooltip.

    series: [{"name", "points": [{"year", value, "url"}]}]; years: the x axis (every year drawn)."""
    if not years or not series:
        return ""
    y0, y1 = min(years), max(years)
    span = max(1, y1 - y0)
    hi = max([p[value] or 0 for s in series for p in s["points"]] + [0])
    ticks = _ticks(hi)
    top = ticks[-1] or 1

    def xy(year, v):
        return (pad + (year - y0) / span * (w - 2 * pad), h - pad - (v or 0) / top * (h - 2 * pad))

    out = [
        f'<svg class="lines" viewBox="0 0 {w} {h}" role="img" aria-label="{html.escape(label)}">'
        f"<title>{html.escape(label)}</title>"
    ]
    for t in ticks:
        _x, y = xy(y0, t)
        out.append(
            f'<line class="grid" x1="{pad}" x2="{w - pad}" y1="{y:.1f}" y2="{y:.1f}"/>'
            f'<text x="{pad - 6}" y="{y + 4:.1f}" text-anchor="end">{format_number(t)}</text>'
        )
    step = max(1, len(years) // 8)
    for year in years[::step] + ([y1] if years[::step][-1] != y1 else []):
        x, _y = xy(year, 0)
        out.append(f'<text x="{x:.1f}" y="{h - pad + 18}" text-anchor="middle">{year}</text>')
    for i, s in enumerate(series):
        kind = SERIES_CLASSES[i % len(SERIES_CLASSES)]
        points = sorted(s["points"], key=lambda p: p["year"])
        line = " ".join("{:.1f},{:.1f}".format(*xy(p["year"], p[value])) for p in points)
        out.append(f'<g class="{kind}"><polyline points="{line}" fill="none"/>')
        for p in points:
            x, y = xy(p["year"], p[value])
            tip = f"{s['name']} · {p['year']}：{format_number(p[value] or 0)}"
            out.append(
                f'<a href="{html.escape(p["url"])}"><circle cx="{x:.1f}" cy="{y:.1f}" r="4">'
                f"<title>{html.escape(tip)}</title></circle></a>"
            )
        out.append("</g>")
    out.append("</svg>")
    return mark_safe("".join(out))  # noqa: S308 (every value above is escaped or a number)


def spread_defs(background, poverty_background, by_year):
    """What the small maps share, written once: every county (the map's background) and, a path a
    year, the counties first reported that year (by_year: {year: [(x, y)]}). A map of year Y then
    uses the background, the paths of the years before it and its own year's: the page grows with
    the counties, not with counties times years (1,500 linked dots a map, twelve maps, was 2 MB)."""
    paths = "".join(
        f'<path id="spread-{year}" d="{" ".join(f"M{x} {y}h0" for x, y in points)}"/>'
        for year, points in sorted(by_year.items())
    )
    return mark_safe(  # noqa: S308 (paths of numbers)
        f'<svg class="defs" width="0" height="0" aria-hidden="true"><defs>'
        f'<g id="counties" fill="none" stroke-width="6" stroke-linecap="round">'
        f'<path stroke="#c3c9d0" d="{background}"/><path stroke="#ecdccf" d="{poverty_background}"/>'
        f"</g>{paths}</defs></svg>"
    )


def spread_map_svg(year, years, label):
    """One small map: the counties reported with the programme before this year, and this year's new ones
    marked (years: the years with new counties, drawn from spread_defs' paths)."""
    before = "".join(f'<use class="old" href="#spread-{y}"/>' for y in years if y < year)
    new = f'<use class="new" href="#spread-{year}"/>' if year in years else ""
    return mark_safe(  # noqa: S308 (numbers and an escaped label)
        f'<svg class="dots small" viewBox="0 0 {MAP_W} {MAP_H}" role="img" aria-label="{html.escape(label)}">'
        f'<title>{html.escape(label)}</title><use href="#counties"/>{before}{new}</svg>'
    )
