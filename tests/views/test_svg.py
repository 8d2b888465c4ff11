"""The server-drawn pictures: what a URL or a report puts into them is escaped."""

from archive.views.svg import dots_svg, scatter


def test_the_scatter_escapes_the_label_it_is_named_by():
    svg = scatter([(2018, 1.0), (2019, 2.0)], '率"><script>x</script>')["svg"]
    assert "<script>" not in svg and 'aria-label="率&quot;&gt;&lt;script&gt;' in svg


def test_the_map_escapes_a_county_name_and_link():
    dot = {
        "url": '/r/"x',
        "name": "<b>县",
        "poverty_county": False,
        "exit_year": None,
        "x": 1,
        "y": 2,
        "r": 3,
        "reports": 4,
    }
    svg = dots_svg([dot])
    assert "<b>" not in svg and "&lt;b&gt;县" in svg and 'href="/r/&quot;x"' in svg
