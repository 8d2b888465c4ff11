"""haystack's Whoosh query class for this engine: query words t2s-folded, spelling for the query's
own words, and facet filters counted without their own filter (add_facet_filter)."""

from haystack.backends.whoosh_backend import WhooshSearchQuery

from archive.ingest.normalize import t2s


class ChineseWhooshSearchQuery(WhooshSearchQuery):
    """haystack's Whoosh query, with facet filters whose counts ignore their own filter
    (multi-select facets, as Solr's tagged filters and Elasticsearch's post_filter): see
    add_facet_filter()."""

    supports_facet_filters = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.facet_filters = {}  # index field -> its narrow query (also in narrow_queries)

    def add_facet_filter(self, field, values):
        """Narrow to documents holding one of values in the facet field (an index field such as
        province_exact); that field's own counts are taken without this narrowing, in the same pass."""
        fragment = self.build_query_fragment(field, "in", list(values))
        self.add_narrow_query(fragment)
        self.facet_filters[field] = fragment

    def build_params(self, spelling_query=None):
        kwargs = super().build_params(spelling_query)
        if self.facet_filters:
            kwargs["facet_filters"] = dict(self.facet_filters)
        return kwargs

    def _clone(self, klass=None, using=None):
        clone = super()._clone(klass, using)
        clone.facet_filters = dict(getattr(self, "facet_filters", {}))
        return clone

    def get_spelling_suggestion(self, preferred_query=None):
        """Without words of its own, the suggestion is for the query's words (as haystack's backend
        does); the backend computes one only when it is asked, never on an ordinary search."""
        if preferred_query is None:
            preferred_query = self.build_query()
        return super().get_spelling_suggestion(preferred_query)

    def clean(self, query_fragment):
        """t2s-normalise query words before haystack escapes them."""
        return super().clean(t2s(query_fragment))
