"""The index's own field types, pickled into every Whoosh index's schema by their import path.

An index written before search/engine/ existed names them search.backends.FacetKeyword and
search.backends.PresegmentedPositions: search/backends.py keeps those names importable.
"""

from whoosh.fields import KEYWORD
from whoosh.formats import Positions


class FacetKeyword(KEYWORD):
    """A facet field: values verbatim (stock: StemmingAnalyzer turns hans into han), counted by
    _count_facets from the field's postings. Pickled into the index schema: keep this path."""

    def __init__(self):
        super().__init__(stored=False, commas=True, lowercase=False, scorable=False)

    def index(self, value, **kwargs):
        return super().index(value if isinstance(value, (str, list, tuple)) else str(value), **kwargs)


class PresegmentedPositions(Positions):
    """Whoosh's Positions format, taking the postings a worker computed when the text brings them
    (search.analysis.Presegmented). Pickled into the index schema: keep this path."""

    def word_values(self, value, analyzer, **kwargs):
        postings = getattr(value, "postings", None)
        if postings is None:
            yield from super().word_values(value, analyzer, **kwargs)
            return
        boost = self.field_boost
        for word, freq, weight, encoded in postings:
            yield word, freq, weight * boost, encoded
