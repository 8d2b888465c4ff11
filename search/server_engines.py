"""haystack's Elasticsearch 7 and Solr backends with the archive's Chinese text handling
(SEARCH_ENGINE=elasticsearch7 | solr; docs/DEPLOY.md).

Everything else is haystack's own backend: the same ReportIndex, SearchQuerySet, facets and pages.
What this adds, so every engine sees the same text:
- the text the engine analyses is folded in Python before it is sent (archive.ingest.normalize.t2s:
  traditional to simplified and the variant folding the Whoosh analyzer does), and so is every query
  word; facet values (`*_exact`) stay verbatim, as on Whoosh (`fold_document`);
- Elasticsearch's analysis: `fupin_chinese` (smartcn's tokenizer by default, SEARCH_ES_TOKENIZER=ik_max_word
  for IK; both are Elasticsearch plugins) for words, and a `bigram` subfield (the built-in cjk_bigram
  filter, no plugin) that finds a word printed inside a longer one, as the Whoosh analyzer's sub-word
  and junction tokens do; a query string searches both;
- Solr's analysis lives in its schema (docs/DEPLOY.md gives the field type).
"""

import copy

from django.conf import settings
from haystack.backends.elasticsearch7_backend import (
    Elasticsearch7SearchBackend,
    Elasticsearch7SearchEngine,
    Elasticsearch7SearchQuery,
)
from haystack.backends.solr_backend import SolrEngine, SolrSearchBackend, SolrSearchQuery

from archive.ingest.normalize import t2s

CHINESE, BIGRAM = "fupin_chinese", "fupin_bigram"


def folded_fields(index):
    """The fields an engine analyses as text: text fields that are not verbatim facet copies."""
    return [
        f.index_fieldname
        for f in index.fields.values()
        if f.field_type in ("string", None) and f.indexed and not hasattr(f, "facet_for")
    ]


def fold_document(index, data):
    """A prepared document with its analysed text folded as the Whoosh analyzer folds it."""
    for name in folded_fields(index):
        if isinstance(data.get(name), str):
            data[name] = t2s(data[name])
    return data


class _FoldingIndex:
    """The SearchIndex as a backend's update() sees it: full_prepare() folds the analysed text."""

    def __init__(self, index):
        self._index = index

    def full_prepare(self, obj):
        return fold_document(self._index, self._index.full_prepare(obj))

    def __getattr__(self, name):
        return getattr(self._index, name)


def analyzers(tokenizer):
    """The index's Chinese analyzers: words (the given tokenizer) and bigrams (built in)."""
    return {
        CHINESE: {"type": "custom", "tokenizer": tokenizer, "filter": ["cjk_width", "lowercase"]},
        BIGRAM: {"type": "custom", "tokenizer": "standard", "filter": ["cjk_width", "lowercase", "cjk_bigram"]},
    }


class ChineseElasticsearch7SearchBackend(Elasticsearch7SearchBackend):
    DEFAULT_FIELD_MAPPING = {
        "type": "text",
        "analyzer": CHINESE,
        "fields": {"bigram": {"type": "text", "analyzer": BIGRAM}},
    }

    def __init__(self, connection_alias, **connection_options):
        super().__init__(connection_alias, **connection_options)
        self.DEFAULT_SETTINGS = copy.deepcopy(Elasticsearch7SearchBackend.DEFAULT_SETTINGS)
        tokenizer = connection_options.get("TOKENIZER") or getattr(settings, "SEARCH_ES_TOKENIZER", "smartcn_tokenizer")
        self.DEFAULT_SETTINGS["settings"]["analysis"]["analyzer"].update(analyzers(tokenizer))

    def build_schema(self, fields):
        content_field_name, mapping = super().build_schema(fields)
        for field_mapping in mapping.values():
            if field_mapping.get("type") == "keyword":  # facet values, verbatim: no analysed subfield
                field_mapping.pop("fields", None)
        return content_field_name, mapping

    def _prepare_object(self, index, obj):
        return fold_document(index, super()._prepare_object(index, obj))

    def build_search_kwargs(self, query_string, **kwargs):
        out = super().build_search_kwargs(query_string, **kwargs)
        query = out.get("query", {})
        query = query.get("bool", {}).get("must", query)  # a filtered query is wrapped in a bool
        inner = query.get("query_string") if isinstance(query, dict) else None
        if inner and "default_field" in inner:  # words, and words printed inside longer ones
            field = inner.pop("default_field")
            inner["fields"] = [field, f"{field}.bigram"]
        return out


class ChineseElasticsearch7SearchQuery(Elasticsearch7SearchQuery):
    def clean(self, query_fragment):
        """t2s-normalise query words before haystack escapes them (as on Whoosh)."""
        return super().clean(t2s(query_fragment))


class ChineseElasticsearch7SearchEngine(Elasticsearch7SearchEngine):
    backend = ChineseElasticsearch7SearchBackend
    query = ChineseElasticsearch7SearchQuery


class ChineseSolrSearchBackend(SolrSearchBackend):
    def update(self, index, iterable, commit=True):
        return super().update(_FoldingIndex(index), iterable, commit=commit)


class ChineseSolrSearchQuery(SolrSearchQuery):
    def clean(self, query_fragment):
        return super().clean(t2s(query_fragment))


class ChineseSolrEngine(SolrEngine):
    backend = ChineseSolrSearchBackend
    query = ChineseSolrSearchQuery
