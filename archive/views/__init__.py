"""The archive's pages, one module a page family: each view builds one dict (JSON-safe) and hands it to
formats.respond(), which renders it as HTML, JSON and CSV, so the three cannot drift apart; the display
script (简/繁) is applied there in one step. Numbers from the URL are bounded (params.py); nothing a URL
says can make a 500.

rows.py       the rows every page shares (a report, region, person, programme, figure) and their links
cache.py      summary(): a page's data kept until the index next commits
svg.py        the charts and the map, drawn as SVG on the server (no data access)
home.py       /                                    regions.py    /region/<code>/
reports.py    /report/<id>/ and its citations      downloads.py  /report/<id>/original, stored files
people.py     /person/<id>/                        programmes.py /programme/, /initiative/, /category/
metrics.py    /figures/, the figures explorer       errors.py     the 404 and 500 pages (DEBUG off)
basket.py     /basket/, the selection basket and its exports (search/export.py)
"""
