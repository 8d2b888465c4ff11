"""haystack's Whoosh backend with the Chinese analyzer wired in, and three of its faults fixed.

Selected in settings: HAYSTACK_CONNECTIONS["default"]["ENGINE"] =
"search.backends.ChineseWhooshEngine". The analysis itself lives in
search/analysis.py. Fixes over haystack 3.4's WhooshSearchBackend:
- build_schema: free-text fields use ChineseAnalyzer (stock: StemmingAnalyzer,
  which makes one token of a whole Chinese clause); *_exact facet fields stay verbatim;
- update(): one writer and one searcher per batch (stock: update_document() per
  object, O(n^2) over segments: a 10k rebuild took 303-316 s instead of 76 s);
- search(): the spelling corrector runs only when a query finds nothing (stock:
  on every query, 64-85 % of query time, yet None for a zero-hit query);
- _process_results(): no stock highlighting (it hard-codes StemmingAnalyzer);
  snippets are marked by search/highlight.py with the same analyzer.
"""

from haystack.backends.whoosh_backend import WhooshEngine, WhooshSearchBackend, WhooshSearchQuery
from haystack.constants import DJANGO_CT, ID
from haystack.exceptions import SkipDocument
from whoosh.fields import ID as IDField
from whoosh.fields import TEXT
from whoosh.writing import AsyncWriter

from archive.ingest.normalize import t2s

from .analysis import ChineseAnalyzer


class ChineseWhooshSearchBackend(WhooshSearchBackend):
    analyzer = ChineseAnalyzer()

    def build_schema(self, fields):
        content_field_name, schema = super().build_schema(fields)
        for field_class in fields.values():
            name = field_class.index_fieldname
            if isinstance(schema[name], TEXT) and getattr(field_class, "facet_for", None):
                schema.remove(name)  # facet values verbatim (stock: StemmingAnalyzer turns hans into han)
                schema.add(name, IDField(stored=True))
            elif isinstance(schema[name], TEXT):
                schema.remove(name)
                schema.add(name, TEXT(stored=field_class.stored, analyzer=self.analyzer, phrase=True,
                                      field_boost=field_class.boost, spelling=bool(field_class.document)))
        return content_field_name, schema

    def update(self, index, iterable, commit=True):
        if not self.setup_complete:
            self.setup()
        docs = []
        for obj in iterable:
            try:
                doc = index.full_prepare(obj)
            except SkipDocument:
                continue
            docs.append({k: self._from_python(v) for k, v in doc.items() if k != "boost"})
        if not docs:
            return
        self.index = self.index.refresh()
        writer = AsyncWriter(self.index)
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

    def search(self, query_string, **kwargs):
        if query_string.strip() in ("*", "*:*", ""):  # browse everything: Whoosh's parser finds nothing for *
            query_string = f"{DJANGO_CT}:archive.report"
        include, self.include_spelling = self.include_spelling, False
        try:
            results = super().search(query_string, **kwargs)
        finally:
            self.include_spelling = include
        if include and not results.get("hits"):
            results["spelling_suggestion"] = self.create_spelling_suggestion(
                kwargs.get("spelling_query") or query_string)
        return results

    def create_spelling_suggestion(self, query_string):
        """Edit distance 1 with a one-character prefix for Chinese words (2 matches nearly every term)."""
        if not self.setup_complete:
            self.setup()
        cleaned = t2s(query_string or "")
        for token in self.RESERVED_WORDS + self.RESERVED_CHARACTERS:
            cleaned = cleaned.replace(token, " ")
        suggestions = []
        from .analysis import query_terms

        words = query_terms(cleaned)
        if 1 < len(words) and all(_cjk(w) for w in words) and len("".join(words)) <= 6:
            words = ["".join(words)]  # 脱贪 is one mistyped word, not 脱 + 贪
        with self.index.reader() as reader:
            corrector = reader.corrector(self.content_field_name)
            for word in words:
                cjk = any("\u3400" <= ch <= "\u9fff" for ch in word)
                found = corrector.suggest(word, limit=1, maxdist=1 if cjk else 2, prefix=1 if cjk else 0)
                suggestions.append(found[0] if found else word)
        suggestion = "".join(suggestions) if suggestions and all(
            any("\u3400" <= ch <= "\u9fff" for ch in s) for s in suggestions) else " ".join(suggestions)
        return suggestion if suggestion != cleaned.replace(" ", "") else None

    def _process_results(self, raw_page, highlight=False, **kwargs):
        return super()._process_results(raw_page, highlight=False, **kwargs)


def _cjk(word):
    return any("\u3400" <= ch <= "\u9fff" for ch in word)


class ChineseWhooshSearchQuery(WhooshSearchQuery):
    def clean(self, query_fragment):
        """t2s-normalise query words before haystack escapes them."""
        return super().clean(t2s(query_fragment))


class ChineseWhooshEngine(WhooshEngine):
    backend = ChineseWhooshSearchBackend
    query = ChineseWhooshSearchQuery
