"""haystack's Whoosh backend with the Chinese analyzer wired in, and its faults fixed.

Selected in settings: HAYSTACK_CONNECTIONS["default"]["ENGINE"] =
"search.engine.backend.ChineseWhooshEngine". The analysis itself lives in
search/analysis.py, the writes in search/engine/writer.py. Fixes over haystack 3.4's
WhooshSearchBackend:
- build_schema: free-text fields use ChineseAnalyzer (stock: StemmingAnalyzer,
  which makes one token of a whole Chinese clause); *_exact facet fields stay verbatim;
- search(): queries are evaluated with numpy a segment at a time (search/engine/evaluate.py:
  Whoosh's hits, scores and order, one pass for count, ranking and facets; other query
  shapes take Whoosh's path); the spelling corrector runs only when a query finds nothing
  (stock: on every query, 64-85 % of query time, yet None for a zero-hit query);
- setup(): the index storage without mmap (Whoosh's mmap path copies every file of a
  compound segment into memory: 1 GB per process at the full corpus);
- search() during another process's commit: a segment file that vanished between
  reading the table of contents and opening it is retried, and the thread keeps its
  old searcher until a new one opens (stock: FileNotFoundError, a 500);
- _process_results(): highlight() with Whoosh's highlighter and this analyzer (stock hard-codes
  StemmingAnalyzer); the archive's pages mark snippets with search/highlight.py;
- haystack's own Whoosh suite is the contract (`make haystack-suite`, docs/DECISIONS.md): `*`
  matches every record, queries are logged under DEBUG, a field's own analyzer= is kept.

Private names of Whoosh used here (see search/engine/__init__.py): FileStorage.supports_mmap.
"""

import re
import threading
import time
from functools import reduce

import numpy as np
from django.conf import settings
from django.utils.encoding import force_str
from haystack import connections
from haystack.backends import log_query
from haystack.backends.whoosh_backend import WhooshEngine, WhooshHtmlFormatter, WhooshSearchBackend
from haystack.constants import DJANGO_CT, DJANGO_ID, ID
from haystack.models import SearchResult
from haystack.utils.app_loading import haystack_get_model
from whoosh import query as wq
from whoosh.fields import TEXT
from whoosh.highlight import ContextFragmenter
from whoosh.highlight import highlight as whoosh_highlight

from archive.ingest.normalize import t2s
from archive.text import is_han

from ..analysis import ChineseAnalyzer, query_terms
from ..spelling import plausible, same_sound
from .columns import sort_keys
from .evaluate import evaluate, intersect, supported
from .facet_counts import count_facets, count_pairs
from .fields import FacetKeyword, PresegmentedPositions
from .haystack_query import ChineseWhooshSearchQuery
from .postings import POSTINGS
from .writer import WritingBackend

VANISHED_RETRIES = 5  # opens of a searcher whose segment file a concurrent commit removed
VANISHED_WAIT = 0.02  # seconds, times the attempt


IDS_ONLY = {ID, DJANGO_CT, DJANGO_ID, "score", "pk"}  # what values_list("pk") asks (haystack's _internal_fields)


class ChineseWhooshSearchBackend(WritingBackend, WhooshSearchBackend):
    analyzer = ChineseAnalyzer()

    def setup(self):
        super().setup()
        POSTINGS.limit = int(getattr(settings, "SEARCH_POSTINGS_CACHE_MB", 64)) * 2**20
        # Whoosh opens each file inside a compound segment (.seg) from an mmap as BufferFile,
        # which copies it whole into a BytesIO: opening a searcher over the 73,000-report index
        # took 1.4 s and 1 GB of memory (and a GB of page cache) in every process that searched
        # or wrote. Without mmap, those files are read through file handles (SubFile), as
        # Whoosh does when mmap fails; nothing is copied.
        if getattr(self.storage, "supports_mmap", False):
            self.storage.supports_mmap = False

    def build_schema(self, fields):
        content_field_name, schema = super().build_schema(fields)
        for field_class in fields.values():
            name = field_class.index_fieldname
            if getattr(field_class, "facet_for", None):
                schema.remove(name)  # facet values verbatim, counted from a list column
                schema.add(name, FacetKeyword())
            elif isinstance(schema[name], TEXT) and not getattr(field_class, "analyzer", None):
                # (a field given its own analyzer= keeps it, as in haystack's schema)
                schema.remove(name)
                # spelling=False: Whoosh's spelling graph re-runs the analyzer on every document;
                # the corrector reads the field's own terms instead (create_spelling_suggestion).
                text = TEXT(
                    stored=field_class.stored,
                    analyzer=self.analyzer,
                    phrase=True,
                    field_boost=field_class.boost,
                    spelling=False,
                )
                text.format = PresegmentedPositions(field_boost=field_class.boost)
                schema.add(name, text)
        return content_field_name, schema

    def _count_facets(self, searcher, hits, fields):
        """{field: [(value, count)]} over the matching reports (hits: each leaf searcher's matching
        document numbers, filters included): search/engine/facet_counts.py. Stock Whoosh read each
        hit's values through a per-document categorizer, in Python, on every query. (The index
        holds reports only, so haystack's model narrowing is not re-applied here.)"""
        return count_facets(searcher, hits, fields)

    def _evaluated(
        self,
        searcher,
        query_string,
        sort_by=None,
        start_offset=0,
        end_offset=None,
        facets=None,
        narrow_queries=None,
        result_class=None,
        date_facets=None,
        query_facets=None,
        models=None,
        highlight=False,
        facet_filters=None,
        **_ignored,
    ):
        """The search done by search.engine.evaluate: one numpy pass per segment gives the hits that the
        count, the ranking and the facet counts share. None when the request needs Whoosh's own
        path (date or query facets, model narrowing, a sort it cannot read from a column, a query
        shape it does not evaluate)."""
        if date_facets or query_facets or models or highlight:
            return None
        parsed = self.parser.parse(force_str(query_string))
        if parsed is None:
            return {"results": [], "hits": 0}
        own = facet_filters or {}
        narrowing = [self.parser.parse(force_str(nq)) for nq in (narrow_queries or ()) if nq not in own.values()]
        q = wq.And([parsed, *[n for n in narrowing if n is not None]]) if narrowing else parsed
        by_facet = {field: self.parser.parse(force_str(nq)) for field, nq in own.items()}
        if not all(supported(x, searcher.weighting, searcher.schema) for x in (q, *by_facet.values())):
            return None
        leaves = searcher.leaf_searchers()
        sort_field, reverse = None, False
        if sort_by:
            if len(sort_by) != 1:
                return None
            reverse, sort_field = sort_by[0].startswith("-"), sort_by[0].lstrip("-")
            if any(sort_keys(leaf.reader(), sort_field) is None for leaf, _ in leaves if leaf.doc_count_all()):
                return None
        per_leaf = [evaluate(q, leaf, searcher) for leaf, _ in leaves]
        facet_hits = {}
        if by_facet:  # the query evaluated once; each facet filter a mask, each facet's counts without its own
            masks = {field: [evaluate(f, leaf, searcher) for leaf, _ in leaves] for field, f in by_facet.items()}
            for field in by_facet:
                facet_hits[field] = [
                    reduce(intersect, [m[i] for other, m in masks.items() if other != field], h).ids
                    for i, h in enumerate(per_leaf)
                ]
            per_leaf = [reduce(intersect, [m[i] for m in masks.values()], h) for i, h in enumerate(per_leaf)]
        total = sum(len(h.ids) for h in per_leaf)
        start = start_offset or 0
        if end_offset is not None and end_offset <= 0:
            end_offset = 1  # as haystack's Whoosh backend (calculate_page): a page of one
        end = total if end_offset is None else min(end_offset, total)
        page, scores = [], []
        if end > start:
            gids = np.concatenate([h.ids + offset for h, (_, offset) in zip(per_leaf, leaves)])
            got = np.concatenate([h.scores for h in per_leaf])
            if sort_field:
                keys = np.concatenate(
                    [sort_keys(leaf.reader(), sort_field)[h.ids] for h, (leaf, _) in zip(per_leaf, leaves)]
                )
                missing = getattr(searcher.schema[sort_field], "default", None)  # what the column holds for none
                if isinstance(missing, int | float) and missing == missing:
                    # a report without the value (no date) last either way, as Elasticsearch and Solr sort
                    # (Whoosh's column default is the largest number: "newest" listed the undated first)
                    keys = np.where(keys == float(missing), -np.inf if reverse else np.inf, keys)
                order = np.lexsort((-gids, -keys) if reverse else (gids, keys))  # ties as Whoosh orders them
            else:
                order = np.lexsort((gids, -got))  # best first, then index order, as Whoosh ranks
            chosen = order[start:end]
            page = [searcher.stored_fields(int(g)) for g in gids[chosen]]
            scores = [float(x) for x in got[chosen]]
        if set(_ignored.get("fields") or ("all",)) <= IDS_ONLY:
            results = self._id_results(page, scores, total, result_class)
        else:
            results = self._process_results(
                _Page(page, scores, total), result_class=result_class, query_string=query_string
            )
        results["_hits"] = [h.ids for h in per_leaf]
        results["_facet_hits"] = facet_hits
        return results

    def _shared_searcher(self):
        """This thread's searcher, reopened only when the index changed (stock: a new searcher,
        every segment file opened again, on every query). A commit elsewhere may remove a
        segment between reading the index's table of contents and opening its files: the open
        is retried, and meanwhile the old searcher (its files open) serves the query."""
        searcher = getattr(_local, "searcher", None)
        if searcher is not None and getattr(_local, "storage", None) is not self.storage:
            searcher = None
        for attempt in range(VANISHED_RETRIES):
            try:
                if searcher is None:
                    searcher = self.index.refresh().searcher()
                elif not searcher.up_to_date():
                    searcher = searcher.refresh()
                break
            except FileNotFoundError:
                if searcher is not None:
                    break  # the old reader until the new one opens
                if attempt == VANISHED_RETRIES - 1:
                    raise
                time.sleep(VANISHED_WAIT * (attempt + 1))
        _local.searcher, _local.storage = searcher, self.storage
        return searcher

    @log_query  # haystack's: under DEBUG each query is kept in connections[alias].queries (the debug toolbar's panel)
    def search(self, query_string, **kwargs):
        for attempt in range(VANISHED_RETRIES):
            try:
                return self._search(query_string, **kwargs)
            except FileNotFoundError:  # a file of this thread's searcher went with a commit: open anew
                if attempt == VANISHED_RETRIES - 1:
                    raise
                _local.searcher = None
                time.sleep(VANISHED_WAIT * (attempt + 1))

    def indexed_ids(self):
        """The ids of the reports in the index (its live documents; deleted ones left out)."""
        if not self.setup_complete:
            self.setup()
        self.index = self.index.refresh()
        with self.index.searcher() as searcher:
            return {int(fields[DJANGO_ID]) for _docnum, fields in searcher.reader().iter_docs()}

    def _search(self, query_string, **kwargs):
        stripped = query_string.strip()
        if not stripped or len(stripped) == 1 and stripped != "*" and not _cjk(stripped):
            # haystack's contract: no query, or one Latin letter or digit, no results (one Chinese
            # character is a word, and is searched)
            return {"results": [], "hits": 0}
        if query_string.strip() in ("*", "*:*"):  # everything (SearchQuerySet().all()), for any model:
            query_string = "*:*"  # Every(), which search.engine.evaluate reads from the segments' live documents
        if not self.setup_complete:
            self.setup()
        include, self.include_spelling = self.include_spelling, False
        facets = kwargs.pop("facets", None)
        real_index = self.index
        searcher = self._shared_searcher()
        self.index = _SharedSearcherIndex(real_index, searcher)
        try:
            own = kwargs.pop("facet_filters", None) or {}
            results = self._evaluated(searcher, query_string, facets=facets, facet_filters=own, **kwargs)
            if results is None:
                results = super().search(query_string, **kwargs)
            hits = results.pop("_hits", None)
            facet_hits = results.pop("_facet_hits", None)
            if facets and (results.get("hits") or own):
                if hits is None:  # Whoosh's own path: the documents of the query and its narrowing, per segment
                    hits = self._docs(searcher, query_string, kwargs.get("narrow_queries") or ())
                    facet_hits = {
                        field: self._docs(searcher, query_string, set(kwargs.get("narrow_queries") or ()) - {nq})
                        for field, nq in own.items()
                    }
                fields = self._count_facets(searcher, hits, [f for f in facets if f not in facet_hits])
                for field, ids in facet_hits.items():
                    if field in facets:
                        fields.update(self._count_facets(searcher, ids, [field]))
                results["facets"] = {"fields": fields, "dates": {}, "queries": {}}
            elif facets:
                results["facets"] = {"fields": {f: [] for f in facets}, "dates": {}, "queries": {}}
        finally:
            self.include_spelling = include
            self.index = real_index
        if include and kwargs.get("spelling_query"):
            # only when a caller asks (spelling_suggestion(), get_spelling_suggestion(): stock Whoosh ran
            # the corrector on every query, 64-85 % of query time); search/query.py asks on zero hits
            results["spelling_suggestion"] = self.create_spelling_suggestion(kwargs["spelling_query"])
        return results

    def _docs(self, searcher, query_string, narrow_queries):
        """Each segment's documents matching the query and the narrow queries, through Whoosh."""
        parts = [self.parser.parse(force_str(x)) for x in (query_string, *narrow_queries)]
        q = wq.And([p for p in parts if p is not None])
        return [np.fromiter(leaf.docs_for_query(q), dtype=np.int64) for leaf, _ in searcher.leaf_searchers()]

    def facet_pairs(self, query_string, first, second):
        """{(value, value): reports} of two facet fields over a query's matches (haystack's query
        string, filters and dates included): search/aggregate.py's cross-tables (a trend by province).
        The query evaluated as search() evaluates it (search/engine/evaluate.py), Whoosh's own
        path for a shape it does not read."""
        if not self.setup_complete:
            self.setup()
        stripped = force_str(query_string).strip()
        if stripped in ("", "*", "*:*"):
            stripped = "*:*"
        searcher = self._shared_searcher()
        q = self.parser.parse(stripped)
        if q is None:
            return {}
        leaves = searcher.leaf_searchers()
        if supported(q, searcher.weighting, searcher.schema):
            hits = [evaluate(q, leaf, searcher).ids for leaf, _ in leaves]
        else:
            hits = self._docs(searcher, stripped, ())
        return count_pairs(searcher, hits, first, second)

    def create_spelling_suggestion(self, query_string):
        """A correction for the words the index does not know, or None.

        A word the index has is kept as it is (扶贫 电商 finds nothing together, but neither word
        is misspelt). A Chinese word jieba splits into pieces (易地般迁 -> 易地 + 般 + 迁) is first
        corrected by sound (search/spelling.py: one character changed for a homophone, into a word
        the archive holds), else whole by edit distance 1 with the first character kept (2 matches
        nearly every term), and only into a plausible word (not one character, not a doubled one);
        the first character is kept for Latin words too, which bounds the scan.
        """
        if not self.setup_complete:
            self.setup()
        cleaned = t2s(query_string or "")
        for token in self.RESERVED_WORDS + self.RESERVED_CHARACTERS:
            cleaned = cleaned.replace(token, " ")
        reader = self._shared_searcher().reader()  # this thread's, kept open
        field = self.content_field_name
        corrector = reader.corrector(field)

        def frequency(term):
            return reader.doc_frequency(field, term)

        out = []
        for typed in cleaned.split():
            words = query_terms(typed)
            if len(words) > 1 and _cjk(typed) and len(typed) <= 6:
                sounds = same_sound(typed, frequency)
                if sounds:
                    out.append(sounds[0])
                    continue
                words = [typed]
            for word in words:
                if frequency(word):
                    out.append(word)
                    continue
                found = corrector.suggest(word, limit=1, maxdist=1 if _cjk(word) else 2, prefix=1)
                out.append(found[0] if found and (not _cjk(word) or plausible(word, found[0])) else word)
        suggestion = " ".join(out)
        return suggestion if suggestion.replace(" ", "") != cleaned.replace(" ", "") else None

    def common_words(self, words, share, at_least=100):
        """The words in more than `share` of the documents (and in more than at_least of them, so a
        small archive keeps every word), estimated from the largest segment: one term lookup a word,
        where the exact count reads every segment's term table."""
        if not self.setup_complete:
            self.setup()
        leaves = [leaf for leaf, _offset in self._shared_searcher().leaf_searchers()]
        if not leaves:
            return set()
        big = max(leaves, key=lambda leaf: leaf.doc_count_all())
        reader, n = big.reader(), big.doc_count_all()
        limit = max(share * n, at_least * n / max(self._shared_searcher().doc_count_all(), 1))
        return {w for w in words if reader.doc_frequency(self.content_field_name, w) > limit}

    def _id_results(self, stored, scores, total, result_class=None):
        """The hits as results that carry their ids and scores only, for what asks no more
        (values_list("pk"): the concordance, exports, feeds): haystack's _process_results converts
        every stored field of every hit, which cost the concordance two thirds of its 1,000 ids."""
        result_class = result_class or SearchResult
        indexed = set(connections[self.connection_alias].get_unified_index().get_indexed_models())
        models, out = {}, []
        for fields, score in zip(stored, scores):
            ct = fields[DJANGO_CT]
            if ct not in models:
                models[ct] = haystack_get_model(*ct.split("."))
            if models[ct] in indexed:
                out.append(result_class(*ct.split("."), fields[DJANGO_ID], score, **{ID: fields[ID]}))
        return {"results": out, "hits": total, "facets": {}, "spelling_suggestion": None}

    def _process_results(self, raw_page, highlight=False, query_string="", **kwargs):
        # stock highlighting hard-codes StemmingAnalyzer, which reads a Chinese clause as one word
        results = super()._process_results(raw_page, highlight=False, query_string=query_string, **kwargs)
        if highlight:
            self._highlight(results["results"], query_string)
        return results

    def _document_text(self, result, field):
        obj = result.object
        if obj is None:
            return None
        index = connections[self.connection_alias].get_unified_index().get_index(type(obj))
        prepare = getattr(index, f"prepare_{field}", None)
        return prepare(obj) if prepare else index.fields[field].prepare(obj)

    def _highlight(self, results, query_string):
        """haystack's highlighting (Whoosh's highlighter and `<em>`, result.highlighted[field] a list
        of one fragment string) with this archive's analyzer: the query's words as the index holds
        them, a word ending in * standing for the indexed words it starts. The archive's own pages
        mark snippets with search/highlight.py instead (the index stores no text)."""
        field = self.content_field_name
        operators = "|".join(self.RESERVED_WORDS)  # haystack's own list: AND, NOT, OR, TO
        words = re.sub(rf"\b(?:{operators})\b|\w+:", " ", force_str(query_string))
        reader = self._shared_searcher().reader()
        terms = set()
        for word in re.findall(r"\w+\*?", words):
            if word.endswith("*"):
                prefix = t2s(word[:-1]).lower()
                terms.update(
                    t.decode("utf-8") if isinstance(t, bytes) else t for t in reader.expand_prefix(field, prefix)
                )
            else:
                terms.update(token.text for token in self.analyzer(word, mode="query"))
        for result in results:
            text = getattr(result, field, None)
            if text is None:  # not stored (this archive's index keeps no text): the record's own, as indexed
                text = self._document_text(result, field)
            fragment = (
                whoosh_highlight(text, terms, self.analyzer, ContextFragmenter(), WhooshHtmlFormatter("em"))
                if isinstance(text, str) and terms
                else ""
            )
            result.highlighted = {field: [fragment]}


_local = threading.local()


class _Page:
    """What haystack's _process_results reads of a Whoosh ResultsPage: the page's stored
    fields in order, their scores, and the total number of hits."""

    def __init__(self, stored, scores, total):
        self._stored, self._scores, self.total = stored, scores, total

    def __len__(self):
        return self.total

    def __iter__(self):
        return iter(self._stored)

    def score(self, i):
        return self._scores[i]


class _KeptSearcher:
    """A searcher haystack may 'close' after each query without closing it."""

    def __init__(self, searcher):
        self._searcher = searcher

    def close(self):
        pass

    def __getattr__(self, name):
        return getattr(self._searcher, name)


class _SharedSearcherIndex:
    """The Whoosh index as haystack's search code sees it: searcher() hands out the shared one."""

    def __init__(self, index, searcher):
        self._index, self._searcher = index, searcher

    def refresh(self):
        return self

    def doc_count(self):
        return self._searcher.doc_count()

    def searcher(self, **kwargs):
        return _KeptSearcher(self._searcher)

    def __getattr__(self, name):
        return getattr(self._index, name)


def _cjk(word):
    return any(is_han(ch) for ch in word)


class ChineseWhooshEngine(WhooshEngine):
    backend = ChineseWhooshSearchBackend
    query = ChineseWhooshSearchQuery
