"""Names kept at their old path: the engine itself lives in search/engine/.

Every Whoosh index written before search/engine/ existed pickles search.backends.FacetKeyword and
search.backends.PresegmentedPositions into its schema and search.backends.InliningCodec into its
table of segments, and a deployment's settings may still name search.backends.ChineseWhooshEngine:
all keep working through this module. New code imports from
search.engine.
"""

from .engine.backend import ChineseWhooshEngine, ChineseWhooshSearchBackend, ChineseWhooshSearchQuery
from .engine.codec import InliningCodec
from .engine.fields import FacetKeyword, PresegmentedPositions

__all__ = [
    "ChineseWhooshEngine",
    "ChineseWhooshSearchBackend",
    "ChineseWhooshSearchQuery",
    "FacetKeyword",
    "InliningCodec",
    "PresegmentedPositions",
]
