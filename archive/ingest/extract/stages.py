"""One extractor per entity kind (archive/entities.py names them), each reading one Reading.

A Reading is a document's text as extraction reads it (title, subtitle and body joined, simplified)
with what every kind shares: the gazetteer's hits, the segmenter's tokens, the statistical tagger's
proper nouns, and the places found so far, which tie a person or a figure to a place. extract/
__init__.py runs the extractors in the registry's order, each filling its Document field.
"""

import bisect
import re
from dataclasses import dataclass, field

from ..document import Document
from ..normalize import t2s
from .initiatives import find_categories, find_initiatives
from .metric_context import Places
from .metrics import find_metrics
from .people import find_people
from .people_merge import merge_people
from .people_patterns import COUNTY_TITLES, LOCAL_KINDS, PLACE_VISIT_VERBS, SENTENCE_PLACE_WINDOW
from .region_patterns import CENTRAL_BODIES, NATIONAL_POSTS
from .regions import find_regions, summarize_regions
from .tagger import Tokens

PLACE_WINDOW = 20  # a place printed this close before a person's title (or name) in its clause ties them to it
CLAUSE_BREAK = re.compile("[，,。；;：:！!？?\n（(“”]")
VISIT = re.compile("|".join(PLACE_VISIT_VERBS))
SENTENCE_BREAK = re.compile("[。！!？?；;\n]")


@dataclass
class Reading:
    doc: Document
    gz: object  # gazetteer_index.Gazetteer
    original: str  # title, subtitle and body joined, in the original script
    text: str  # the same, simplified (same offsets)
    hits: list  # the gazetteer's hits in text
    tokens: Tokens
    title_end: int  # where the title and subtitle end in text
    nouns: object = None  # proper_nouns' reading of text
    mentions: list = field(default_factory=list)  # the places found, in text order (regions fills it)
    starts: list = field(default_factory=list)  # where each of them starts

    def place_before(self, offset):
        """The place printed last before offset in its clause, at most PLACE_WINDOW characters before
        it, with no visit between (青海省委书记, 巫山县竹贤乡下庄村党支部书记, 凉山州扶贫情况的林书成;
        not 在兰考县调研的X)."""
        i = bisect.bisect_left(self.starts, offset) - 1  # 上海市委书记: 上海市 shares its 市 with the title
        if i < 0 or offset - self.mentions[i].end > PLACE_WINDOW:
            return None
        between = self.text[min(self.mentions[i].end, offset) : offset]
        if CLAUSE_BREAK.search(between) or VISIT.search(between):
            return None
        return self.mentions[i].code

    def place_of_sentence(self, offset):
        """The place printed last before offset in its sentence, at most SENTENCE_PLACE_WINDOW characters
        before it, visits and clauses between allowed (在泾源县大湾乡杨岭村，他察看村容村貌，到回族贫困户马科
        家中: the place the sentence is in); a RegionMention or None."""
        i = bisect.bisect_left(self.starts, offset) - 1
        if i < 0 or offset - self.mentions[i].end > SENTENCE_PLACE_WINDOW:
            return None
        return None if SENTENCE_BREAK.search(self.text, self.mentions[i].end, offset) else self.mentions[i]

    def primary(self):
        return [r["code"] for r in self.doc.regions if r["primary"]]


def regions(r: Reading):
    r.mentions = find_regions(r.text, r.gz, r.hits, r.tokens, r.nouns, r.title_end)
    r.starts = [m.start for m in r.mentions]
    return summarize_regions(r.mentions, r.gz, r.title_end, r.text)


def people(r: Reading):
    """The people the text names, then the report's own journalists (byline, credits, editor)."""
    doc, gz = r.doc, r.gz
    primary_county = next((c for c in r.primary() if gz.places[c].level == "county"), None)
    # never a person: the places found, and full place names dropped as part of a company's (安康市博元实业)
    named = [(s, e) for s, e, key, entries in r.hits if len(key) >= 3 and any(k == "full" for _c, k in entries)]
    found = find_people(r.text, r.place_before, [(m.start, m.end) for m in r.mentions] + named, r.tokens, r.nouns)
    for pm in found:  # a resident, a village's cadre or a county's officer: of the place their sentence is in
        county_post = (pm.title_printed or "").startswith(COUNTY_TITLES)
        if pm.region is None and (pm.kind in LOCAL_KINDS or county_post):
            m = r.place_of_sentence(pm.start)
            if m and (pm.kind in LOCAL_KINDS or m.level == "county"):
                pm.region = m.code
    merged = merge_people(found, primary_county, r.text)
    for p in merged:
        if p["region"] and (NATIONAL_POSTS.search(p["title"] or "") or CENTRAL_BODIES.match(p["title"] or "")):
            p["region"] = (
                None  # 云南全省牢记习近平总书记, …、国务院扶贫办主任刘永富: a post of the centre is no place's
            )
    names = {p["name"] for p in merged}
    for name, role in doc.byline + doc.credits:
        if name not in names:
            merged.append({"name": name, "title": role, "kind": "journalist", "region": None})
            names.add(name)
    if doc.editor and t2s(doc.editor) not in names:
        merged.append({"name": t2s(doc.editor), "title": "责任编辑", "kind": "journalist", "region": None})
    return merged


def initiatives(r: Reading):
    return find_initiatives(r.text)


def categories(r: Reading):
    return find_categories(r.text, r.doc.initiatives)


def metrics(r: Reading):
    """The figures, each tied to its place and time by metric_context.py; their positions in the clean
    text (a figure in the title sits at 0)."""
    places = Places(r.text, r.mentions, r.primary(), r.gz.places, r.title_end)
    offset = len(r.original) - len(r.doc.clean_text)
    found = find_metrics(r.text, r.original, None, r.tokens, r.doc.published, places, r.title_end)
    for f in found:
        f.start = max(0, f.start - offset)
    return found
