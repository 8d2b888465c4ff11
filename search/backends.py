"""haystack's Whoosh backend with the Chinese analyzer wired in, and three of its faults fixed.

Selected in settings: HAYSTACK_CONNECTIONS["default"]["ENGINE"] =
"search.backends.ChineseWhooshEngine". The analysis itself lives in
search/analysis.py. Fixes over haystack 3.4's WhooshSearchBackend:
- build_schema: free-text fields use ChineseAnalyzer (stock: StemmingAnalyzer,
  which makes one token of a whole Chinese clause); *_exact facet fields stay verbatim;
- update(): one writer and one searcher per batch (stock: update_document() per
  object, O(n^2) over segments: a 10k rebuild took 303-316 s instead of 76 s), and
  for big batches Whoosh's multi-process writer;
- search(): queries are evaluated with numpy a segment at a time (search/evaluate.py:
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
And for writing: InliningCodec (Whoosh's own inline-postings bug fixed, field
lengths read once per flush) and BulkWriter (a bulk ingest's one writer, fed the
postings its workers computed, committing without merging).
"""

import os
import re
import threading
import time

import numpy as np
from django.utils.encoding import force_str
from haystack.backends import log_query
from haystack.backends.whoosh_backend import WhooshEngine, WhooshSearchBackend, WhooshSearchQuery
from haystack.constants import DJANGO_ID, ID
from haystack.exceptions import SkipDocument
from whoosh import query as wq
from whoosh.codec.whoosh3 import W3Codec, W3FieldWriter, W3PostingsWriter
from whoosh.fields import KEYWORD, TEXT
from whoosh.formats import Positions
from whoosh.writing import AsyncWriter

from archive.ingest.normalize import t2s

from .analysis import ChineseAnalyzer
from .evaluate import evaluate, segment_cached, sort_keys, supported


class FacetKeyword(KEYWORD):
    """A facet field: values verbatim (stock: StemmingAnalyzer turns hans into han), counted by
    _count_facets from the field's postings. Pickled into the index schema: keep this path."""

    def __init__(self):
        super().__init__(stored=False, commas=True, lowercase=False, scorable=False)

    def index(self, value, **kwargs):
        return super().index(value if isinstance(value, (str, list, tuple)) else str(value), **kwargs)


class _InliningPostingsWriter(W3PostingsWriter):
    def finish_postings(self):
        # Whoosh 2.7.4 calls terminfo.set_inline(), a method that does not exist (it is set_inlined),
        # so its default codec never inlines (inlinelimit=1). Fixed here, for postings that carry
        # values (positions) only: an inlined list without values reads back as no postings at all
        # when segments are merged (ListMatcher.all_items zips ids with an empty tuple).
        terminfo = self._terminfo
        if not self.written() and len(self) < self._inlinelimit and len(self._values) == len(self._ids):
            terminfo.add_block(self)
            terminfo.set_inlined(self._ids, self._weights, self._values)
        else:  # as W3PostingsWriter writes a posting list of its own
            if self._ids:
                self._write_block(last=True)
            terminfo.set_extent(self._startoffset, self._postfile.tell() - self._startoffset)
        self._terminfo = None
        return terminfo


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


class _Lengths:
    """A segment's field lengths, each read once: the postings flush asks for the length of a
    posting's document for every posting (Whoosh re-reads it from the column every time)."""

    def __init__(self, reader):
        self._reader, self._seen = reader, {}

    def doc_field_length(self, docnum, fieldname, default=0):
        key = (docnum, fieldname)
        try:
            return self._seen[key]
        except KeyError:
            value = self._seen[key] = self._reader.doc_field_length(docnum, fieldname, default)
            return value


class _FieldWriter(W3FieldWriter):
    def add_postings(self, schema, lengths, items):
        return super().add_postings(schema, _Lengths(lengths) if lengths else lengths, items)


class InliningCodec(W3Codec):
    """Whoosh's codec with a rare term's postings kept in its term entry instead of a block of their own,
    and each document's field length read once while postings are written.

    Most terms of a Chinese index are rare (the two-character pieces): writing a pickled,
    compressed block for each was about a quarter of the cost of a commit. Segments it writes are read
    by the stock codec (inlined postings are part of Whoosh's format)."""

    def __init__(self):
        super().__init__(inlinelimit=INLINE_LIMIT)

    def field_writer(self, storage, segment):
        return _FieldWriter(self, storage, segment)

    def postings_writer(self, dbfile, byteids=False):
        return _InliningPostingsWriter(
            dbfile,
            blocklimit=self._blocklimit,
            byteids=byteids,
            compression=self._compression,
            inlinelimit=self._inlinelimit,
        )


INLINE_LIMIT = 8  # postings per term kept inline
MP_MIN_DOCS = 1000  # batches this large are written by one sub-writer per core


VANISHED_RETRIES = 5  # opens of a searcher whose segment file a concurrent commit removed
VANISHED_WAIT = 0.02  # seconds, times the attempt


class ChineseWhooshSearchBackend(WhooshSearchBackend):
    analyzer = ChineseAnalyzer()

    def setup(self):
        super().setup()
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

    def update(self, index, iterable, commit=True):
        if not self.setup_complete:
            self.setup()
        docs = self._prepare(index, iterable)
        if not docs:
            return
        self.index = self.index.refresh()
        if len(docs) >= MP_MIN_DOCS and (os.cpu_count() or 1) > 1:
            self._update_parallel(docs)
            return
        writer = AsyncWriter(self.index, writerargs={"codec": InliningCodec()})
        if writer.writer is not None:
            with writer.writer.searcher() as searcher:
                for doc in docs:
                    docnum = searcher.document_number(**{ID: doc[ID]})
                    if docnum is not None:
                        writer.writer.delete_document(docnum)
        else:  # locked elsewhere: AsyncWriter replays these calls in order once it gets the lock
            for doc in docs:
                writer.delete_by_term(ID, doc[ID])
        for doc in docs:
            writer.add_document(**doc)
        writer.commit()
        if getattr(writer, "ident", None) is not None:
            writer.join()

    def _prepare(self, index, objs):
        docs = []
        for obj in objs:
            try:
                doc = index.full_prepare(obj)
            except SkipDocument:
                continue
            docs.append({k: self._from_python(v) for k, v in doc.items() if k != "boost"})
        return docs

    def bulk_writer(self, commit_every, procs=1):
        """One writer for a long ingest (see BulkWriter)."""
        if not self.setup_complete:
            self.setup()
        return BulkWriter(self, commit_every, procs)

    def _count_facets(self, searcher, hits, fields):
        """{field: [(value, count)]} over the matching reports (hits: each leaf searcher's matching
        document numbers, filters included).

        Stock Whoosh reads each hit's values through a per-document categorizer, in Python, on
        every query; here each immutable segment's postings of a facet field are cached once as
        numpy arrays, and a query's counts are one boolean mask and one bincount per field. (The index
        holds reports only, so haystack's model narrowing is not re-applied here.)
        """
        totals = {f: {} for f in fields}
        for (leaf, _offset), ids in zip(searcher.leaf_searchers(), hits):
            if not len(ids):
                continue
            mask = np.zeros(leaf.doc_count_all(), dtype=bool)
            mask[ids] = True
            reader = leaf.reader()
            for field in fields:
                values, docs, which = _segment_postings(reader, field)
                if not values:
                    continue
                counts = np.bincount(which[mask[docs]], minlength=len(values))  # one pass for every value
                for i in np.flatnonzero(counts):
                    totals[field][values[i]] = totals[field].get(values[i], 0) + int(counts[i])
        return {f: sorted(c.items(), key=lambda kv: (-kv[1], kv[0])) for f, c in totals.items()}

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
        **_ignored,
    ):
        """The search done by search.evaluate: one numpy pass per segment gives the hits that the
        count, the ranking and the facet counts share. None when the request needs Whoosh's own
        path (date or query facets, model narrowing, a sort it cannot read from a column, a query
        shape it does not evaluate)."""
        if date_facets or query_facets or models or highlight:
            return None
        parsed = self.parser.parse(force_str(query_string))
        if parsed is None:
            return {"results": [], "hits": 0}
        narrowing = [self.parser.parse(force_str(nq)) for nq in (narrow_queries or ())]
        q = wq.And([parsed, *[n for n in narrowing if n is not None]]) if narrowing else parsed
        if not supported(q, searcher.weighting):
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
        results = self._process_results(
            _Page(page, scores, total), result_class=result_class, query_string=query_string
        )
        results["_hits"] = [h.ids for h in per_leaf]
        return results

    def _update_parallel(self, docs):
        """A big batch (a rebuild, an ingest): the multi-process writer, one sub-writer per core (search.segment_writer),
        each analysing and writing its own share (its lock is taken like any writer's; a LockError
        goes back to search.indexing, which retries)."""
        from .segment_writer import BulkMpWriter

        writer = BulkMpWriter(
            self.index,
            procs=os.cpu_count(),
            multisegment=True,
            codec=InliningCodec(),
            subargs={"codec": InliningCodec()},
        )
        try:
            with writer.searcher() as searcher:
                for doc in docs:
                    docnum = searcher.document_number(**{ID: doc[ID]})
                    if docnum is not None:
                        writer.delete_document(docnum)
            for doc in docs:
                writer.add_document(**doc)
        except BaseException:
            writer.cancel()
            raise
        writer.commit()

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
            query_string = "*:*"  # Every(), which search.evaluate reads from the segments' live documents
        if not self.setup_complete:
            self.setup()
        include, self.include_spelling = self.include_spelling, False
        facets = kwargs.pop("facets", None)
        real_index = self.index
        searcher = self._shared_searcher()
        self.index = _SharedSearcherIndex(real_index, searcher)
        try:
            results = self._evaluated(searcher, query_string, facets=facets, **kwargs)
            if results is None:
                results = super().search(query_string, **kwargs)
            hits = results.pop("_hits", None)
            if facets and results.get("hits"):
                if hits is None:
                    parsed = self.parser.parse(force_str(query_string))
                    hits = [
                        np.fromiter(leaf.docs_for_query(parsed), dtype=np.int64)
                        for leaf, _ in searcher.leaf_searchers()
                    ]
                results["facets"] = {"fields": self._count_facets(searcher, hits, facets), "dates": {}, "queries": {}}
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

    def create_spelling_suggestion(self, query_string):
        """A correction for the words the index does not know, or None.

        A word the index has is kept as it is (扶贫 电商 finds nothing together, but neither word
        is misspelt). A typed word jieba splits into pieces (脱贪 -> 脱 + 贪) is corrected whole.
        Edit distance 1 with the first character kept for Chinese (2 matches nearly every term);
        the first character is kept for Latin words too, which bounds the scan.
        """
        from .analysis import query_terms

        if not self.setup_complete:
            self.setup()
        cleaned = t2s(query_string or "")
        for token in self.RESERVED_WORDS + self.RESERVED_CHARACTERS:
            cleaned = cleaned.replace(token, " ")
        reader = self._shared_searcher().reader()  # this thread's, kept open
        corrector = reader.corrector(self.content_field_name)
        out = []
        for typed in cleaned.split():
            words = query_terms(typed)
            if len(words) > 1 and _cjk(typed) and len(typed) <= 6:
                words = [typed]
            for word in words:
                if reader.doc_frequency(self.content_field_name, word):
                    out.append(word)
                    continue
                found = corrector.suggest(word, limit=1, maxdist=1 if _cjk(word) else 2, prefix=1)
                out.append(found[0] if found else word)
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

    def _process_results(self, raw_page, highlight=False, query_string="", **kwargs):
        # stock highlighting hard-codes StemmingAnalyzer, which reads a Chinese clause as one word
        results = super()._process_results(raw_page, highlight=False, query_string=query_string, **kwargs)
        if highlight:
            self._highlight(results["results"], query_string)
        return results

    def _document_text(self, result, field):
        from haystack import connections

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
        from haystack.backends.whoosh_backend import WhooshHtmlFormatter
        from whoosh.highlight import ContextFragmenter
        from whoosh.highlight import highlight as whoosh_highlight

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


class BulkWriter:
    """The index writer of a bulk ingest: reports are added as each stored batch commits, with the
    postings the ingest's workers computed (search.analysis.Presegmented), to Whoosh's
    multi-process writer (one sub-writer per core writes the postings), and written out every
    commit_every reports as segments of their own (commit without merging: the segments of a
    large ingest are not read and rewritten again and again). Holds the index lock between
    commits; other writers queue their updates meanwhile (AsyncWriter)."""

    def __init__(self, backend, commit_every, procs=1):
        self.backend, self.commit_every, self.procs = backend, commit_every, procs
        self.writer, self.added = None, 0
        self._indexed = set()  # ids in the index when the current writer opened
        self.resegmented = 0  # reports whose text came without postings (segmented by the writer)
        self._short = {}  # the postings of short text fields (source, script), by value

    def _short_postings(self, value):
        """A short text field's value (a source's name, a script) that came without postings:
        segmented here once each, so the sub-writers never load jieba (53 MB and a second each)."""
        from .analysis import Presegmented, index_postings, segment

        found = self._short.get(value)
        if found is None:
            if len(self._short) >= 10000:
                self._short.clear()
            found = self._short[value] = Presegmented(value, index_postings(segment(value)))
        return found

    def add(self, index, objs, segments):
        from .analysis import Presegmented

        docs = self.backend._prepare(index, objs)
        if not docs:
            return
        field = self.backend.content_field_name
        short = [
            name
            for name, f in self.backend.schema.items()
            if isinstance(f.format, PresegmentedPositions) and name != field
        ]
        for doc in docs:
            postings = segments.get(doc[field])
            if postings is None:
                self.resegmented += 1
            else:
                doc[field] = Presegmented(doc[field], postings)
            for name in short:
                value = doc.get(name)
                if isinstance(value, str):
                    postings = segments.get(value)
                    doc[name] = self._short_postings(value) if postings is None else Presegmented(value, postings)
        if self.writer is None:
            from .segment_writer import BulkMpWriter, BulkSegmentWriter

            ix = self.backend.index.refresh()
            self.writer = (
                BulkMpWriter(
                    ix, procs=self.procs, multisegment=True, codec=InliningCodec(), subargs={"codec": InliningCodec()}
                )
                if self.procs > 1
                else BulkSegmentWriter(ix, codec=InliningCodec())
            )
            with self.writer.searcher() as searcher:  # what the committed index holds, read once a commit
                self._indexed = {term.decode("utf-8") for term in searcher.reader().lexicon(ID)}
        again = [doc for doc in docs if doc[ID] in self._indexed]
        if again:  # re-adding a report replaces it (probing every segment for each new report cost more)
            with self.writer.searcher() as searcher:
                for doc in again:
                    docnum = searcher.document_number(**{ID: doc[ID]})
                    if docnum is not None:
                        self.writer.delete_document(docnum)
        for doc in docs:
            self.writer.add_document(**doc)
            self.added += 1
        if self.added >= self.commit_every:
            self.commit()

    def commit(self):
        if self.writer is not None:
            self.writer.commit(merge=False)
            self.writer, self.added = None, 0

    def cancel(self):
        if self.writer is not None:
            self.writer.cancel()
            self.writer = None


_local = threading.local()


def _segment_postings(reader, field):
    """A segment's postings of a facet field as three arrays: its values, and for every
    (value, document) pair the document and the value's index, so a query's counts for all
    values are one bincount (a loop over the values made a numpy call per value: thousands a
    segment for the county field, on every query). Kept in search.evaluate's per-segment cache."""

    def make():
        values, docs, which = [], [], []
        if field in reader.indexed_field_names():
            for btext in reader.lexicon(field):
                ids = np.fromiter(reader.postings(field, btext).all_ids(), dtype=np.int64)
                docs.append(ids)
                which.append(np.full(len(ids), len(values), dtype=np.int64))
                values.append(btext.decode("utf-8"))
        return (
            values,
            np.concatenate(docs) if docs else np.zeros(0, dtype=np.int64),
            np.concatenate(which) if which else np.zeros(0, dtype=np.int64),
        )

    return segment_cached(reader, ("facet", field), make)


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
    return any("\u3400" <= ch <= "\u9fff" for ch in word)


class ChineseWhooshSearchQuery(WhooshSearchQuery):
    def get_spelling_suggestion(self, preferred_query=None):
        """Without words of its own, the suggestion is for the query's words (as haystack's backend
        does); the backend computes one only when it is asked, never on an ordinary search."""
        if preferred_query is None:
            preferred_query = self.build_query()
        return super().get_spelling_suggestion(preferred_query)

    def clean(self, query_fragment):
        """t2s-normalise query words before haystack escapes them."""
        return super().clean(t2s(query_fragment))


class ChineseWhooshEngine(WhooshEngine):
    backend = ChineseWhooshSearchBackend
    query = ChineseWhooshSearchQuery
