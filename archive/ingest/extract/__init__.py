"""Stage 6: entity extraction over the normalised text (see docs/EXTRACTION.md).

Runs over the title, subtitle and body joined (normalised text, same offsets
as the original script), and fills doc.regions, doc.people, doc.initiatives,
doc.categories and doc.metrics. Touches no database: the gazetteer is built
from the cpca package once per process.
"""

import bisect
import re

from ..document import Document
from ..normalize import t2s
from . import proper_nouns
from .figure_context import Places
from .gazetteer_index import default_gazetteer
from .initiatives import find_categories, find_initiatives
from .metrics import find_metrics
from .people import find_people, merge_people
from .people_patterns import PLACE_VISIT_VERBS
from .regions import ambiguous_places, find_regions, summarize_regions
from .tagger import Tokens

PLACE_WINDOW = 20  # a place printed this close before a person's title (or name) in its clause ties them to it
CLAUSE_BREAK = re.compile("[，,。；;：:！!？?\n（(“”]")
VISIT = re.compile("|".join(PLACE_VISIT_VERBS))


def extract_entities(doc: Document, gazetteer=None) -> Document:
    return extract_entities_many([doc], gazetteer)[0]


def extract_entities_many(docs: list[Document], gazetteer=None) -> list[Document]:
    """extract_entities for many documents: the statistical tagger reads all their sentences in one
    batch (its cost is a matrix product a step, shared by every sentence of the batch)."""
    gz = gazetteer or default_gazetteer()
    read = [_read(doc, gz) for doc in docs]
    nouns = proper_nouns.tag_many([r[1] for r in read], [r[3] for r in read], [r[4] for r in read])
    for doc, r, n in zip(docs, read, nouns):
        _extract(doc, gz, *r, n)
    return docs


def _read(doc, gz):
    """(original, text, hits, tokens, places to read) of a document: its title, subtitle and body joined,
    simplified, with the gazetteer's hits and the segmenter's tagged words."""
    head = "\n".join(x for x in (doc.title, doc.subtitle) if x)
    original = (head + "\n" + doc.clean_text) if head else doc.clean_text
    text = t2s(original)
    hits = gz.scan(text)
    tokens = Tokens(text)  # tagged once: places, people and figures read the same tokens
    return original, text, hits, tokens, ambiguous_places(hits, gz.places)


def _extract(doc, gz, original, text, hits, tokens, _ambiguous, nouns):
    head = "\n".join(x for x in (doc.title, doc.subtitle) if x)
    title_end = len(head)
    mentions = find_regions(text, gz, hits, tokens, nouns, title_end)
    doc.regions = summarize_regions(mentions, gz, title_end)
    primary = [r["code"] for r in doc.regions if r["primary"]]
    primary_county = next((c for c in primary if gz.places[c].level == "county"), None)
    ends = [m.end for m in mentions]

    def place_before(offset):
        """The place printed last before offset in its clause, at most PLACE_WINDOW characters before
        it, with no visit between (青海省委书记, 巫山县竹贤乡下庄村党支部书记, 凉山州扶贫情况的林书成;
        not 在兰考县调研的X)."""
        i = bisect.bisect_right(ends, offset) - 1
        if i < 0 or offset - mentions[i].end > PLACE_WINDOW:
            return None
        between = text[mentions[i].end : offset]
        if CLAUSE_BREAK.search(between) or VISIT.search(between):
            return None
        return mentions[i].code

    # never a person: the places found, and full place names dropped as part of a company's (安康市博元实业)
    named = [(s, e) for s, e, key, entries in hits if len(key) >= 3 and any(k == "full" for _c, k in entries)]
    people = find_people(text, place_before, [(m.start, m.end) for m in mentions] + named, tokens, nouns)
    merged = merge_people(people, primary_county, text)
    names = {p["name"] for p in merged}
    for name, role in doc.byline + doc.credits:
        if name not in names:
            merged.append({"name": name, "title": role, "kind": "journalist", "region": None})
            names.add(name)
    if doc.editor and t2s(doc.editor) not in names:
        merged.append({"name": t2s(doc.editor), "title": "责任编辑", "kind": "journalist", "region": None})
    doc.people = merged
    doc.initiatives = find_initiatives(text)
    doc.categories = find_categories(text, doc.initiatives)
    offset = len(original) - len(doc.clean_text)
    places = Places(text, mentions, primary, gz.places)
    doc.metrics = find_metrics(text, original, None, tokens, doc.published, places, title_end)
    for f in doc.metrics:  # positions in the clean text (a figure in the title sits at 0)
        f.start = max(0, f.start - offset)
