"""The pages' pictures, drawn on the server as SVG (no script, no data access here): the map's county
dots, a region's small series charts and the figures explorer's scatter of values by year. Each takes
plain values and returns markup; every text written into it is escaped or a number."""

import html
import math
from collections import defaultdict

from django.utils.safestring import mark_safe

from ..models import exact_number, format_number

MAP_W, MAP_H = 760, 560
LON0, LON1, LAT0, LAT1 = 73.0, 135.5, 17.5, 54.0  # the map's frame: China's longitudes and latitudes


def map_xy(lon, lat):
    """A county's place on the map (plain longitude and latitude, no projection: the dots only need to look right)."""
    return (round((lon - LON0) / (LON1 - LON0) * MAP_W, 1), round((LAT1 - lat) / (LAT1 - LAT0) * MAP_H, 1))


def fitted_frame(lonlats, size=560, pad=18, min_span=0.5, label_room=56):
    """(width, height, xy) for a map of these points alone (a province's or prefecture's counties): the
    frame fitted to them, its longer side `size`, longitude shrunk by the cosine of the mid latitude so
    the shape reads right, with room on the right for the names written beside the dots."""
    lons, lats = [p[0] for p in lonlats], [p[1] for p in lonlats]
    lon_c, lat_c = (max(lons) + min(lons)) / 2, (max(lats) + min(lats)) / 2
    squeeze = math.cos(math.radians(lat_c))
    lon_span = max(max(lons) - min(lons), min_span) * squeeze
    lat_span = max(max(lats) - min(lats), min_span)
    scale = (size - 2 * pad) / max(lon_span, lat_span)
    width, height = round(lon_span * scale + 2 * pad + label_room), round(lat_span * scale + 2 * pad)

    def xy(lon, lat):
        x = (width - label_room) / 2 + (lon - lon_c) * squeeze * scale
        return (round(x, 1), round(height / 2 + (lat_c - lat) * scale, 1))

    return width, height, xy


def dots_svg(dots):
    """The map's county dots as SVG markup, written here: ~1,500 linked dots through the template
    engine were most of the home page's time (docs/BENCHMARKS.md; the data stays in the page's dict)."""
    out = []
    for d in dots:
        poor, kind = d["poverty_county"], "hit" if d["reports"] else "quiet"
        note = ""
        if poor:
            note = f"（国家级贫困县，{d['exit_year']} 年摘帽）" if d["exit_year"] else "（国家级贫困县）"
        out.append(
            f'<a href="{html.escape(d["url"])}"><circle class="{kind}{" poor" if poor else ""}" cx="{d["x"]}" '
            f'cy="{d["y"]}" r="{d["r"]}"><title>{html.escape(d["name"])}：{d["reports"]} 篇{note}</title></circle>'
            + (
                f'<text x="{d["x"] + d["r"] + 2}" y="{d["y"] + 4}">{html.escape(d["label"])}</text>'
                if d.get("label")
                else ""
            )
            + "</a>"
        )
    return mark_safe("".join(out))  # noqa: S308 (every value above is escaped or a number)


def series_svg(points, w=260, h=110, pad=24):
    """A small line chart of a series over years (server-side, no script)."""
    years = [p["year"] for p in points]
    values = [p["value"] for p in points]
    lo, hi = min(values), max(values)
    y0, y1 = min(years), max(years)
    span, vspan = max(1, y1 - y0), (hi - lo) or 1

    def xy(p):
        return (pad + (p["year"] - y0) / span * (w - 2 * pad), h - pad - (p["value"] - lo) / vspan * (h - 2 * pad))

    coords = [xy(p) for p in points]
    line = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
    dots = "".join(
        f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3"><title>{p["year"]}：{p["value_text"]}</title></circle>'
        for (x, y), p in zip(coords, points)
    )
    labels = (
        f'<text x="{pad}" y="{h - 6}">{y0}</text><text x="{w - pad}" y="{h - 6}" text-anchor="end">{y1}</text>'
        f'<text x="4" y="{pad - 8}">{format_number(hi)}</text><text x="4" y="{h - pad + 4}">{format_number(lo)}</text>'
    )
    return (
        f'<svg class="series" viewBox="0 0 {w} {h}" role="img" width="{w}" height="{h}">'
        f'<polyline points="{line}" fill="none"/>{dots}{labels}</svg>'
    )


def scatter(points, label, w=640, h=200, pad=34):
    """The filtered values by year: a dot per figure (up to CHART_POINTS), the median per year joined."""
    if not points:
        return None
    years = [y for y, _v in points]
    values = sorted(v for _y, v in points)
    lo, hi = values[0], values[min(len(values) - 1, int(len(values) * 0.98))]  # the top 2 % off the scale
    y0, y1 = min(years), max(years)
    span, vspan = max(1, y1 - y0), (hi - lo) or 1

    def xy(year, value):
        return (pad + (year - y0) / span * (w - 2 * pad), h - pad - (min(value, hi) - lo) / vspan * (h - 2 * pad))

    dots = "".join(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2"/>' for x, y in (xy(a, b) for a, b in points))
    by_year = defaultdict(list)
    for year, value in points:
        by_year[year].append(value)
    medians = [(year, sorted(v)[len(v) // 2]) for year, v in sorted(by_year.items())]
    line = " ".join(f"{x:.1f},{y:.1f}" for x, y in (xy(a, b) for a, b in medians))
    ticks = "".join(
        f'<text x="{xy(year, lo)[0]:.1f}" y="{h - 10}" text-anchor="middle">{year}</text>'
        for year in sorted({y0, y1, *[y for y, _m in medians[:: max(1, len(medians) // 6)]]})
    )
    svg = (
        f'<svg class="scatter" viewBox="0 0 {w} {h}" role="img" aria-label="{html.escape(label)}">{dots}'
        f'<polyline points="{line}" fill="none"/>{ticks}'
        f'<text x="4" y="14">{format_number(hi)}</text><text x="4" y="{h - pad + 4}">{format_number(lo)}</text></svg>'
    )
    return {
        "svg": svg,
        "points": len(points),
        "years": [y0, y1],
        "medians": [{"year": y, "value": exact_number(v)} for y, v in medians],
    }
