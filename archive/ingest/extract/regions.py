"""Places: provinces, prefectures and counties named in a report.

Every gazetteer key is found in one pass of the Aho-Corasick automaton. Then:
- a hit followed by 镇/乡/村/社区... or inside a company or university name is
  dropped (老县镇, 紫云社区, 安康北医大平利天然药业, 西安交通大学);
- a key shared by several divisions (朝阳, 和田) keeps the candidates whose
  province or prefecture the report names; between a prefecture and its own
  county of the same stem (和田地区, 和田县) a bare short name means the
  prefecture;
- a county named only by a short name needs its province or prefecture named
  in the report too, unless the short name is rare as a word.
The primary regions are the most-mentioned county or prefecture when it clearly
leads (PRIMARY_* in region_patterns.py); a survey of many places has none.
"""

from collections import Counter
from dataclasses import dataclass

import jieba

from .region_patterns import (INSTITUTION_AFTER, NOT_A_DIVISION_AFTER, PRIMARY_MIN_COUNT, PRIMARY_MIN_RATIO,
                              RARE_SHORT_NAME_FREQ)


@dataclass
class RegionMention:
    code: str
    name: str
    level: str
    start: int
    end: int


def _plausible(text, start, end):
    after = text[end:end + 16]
    return not NOT_A_DIVISION_AFTER.match(after) and not INSTITUTION_AFTER.match(after)


def find_regions(text, gazetteer):
    """All division mentions in text, in order, each resolved to one code."""
    hits = [h for h in gazetteer.scan(text) if _plausible(text, h[0], h[1])]
    places = gazetteer.places
    # Context: what the report names unambiguously by full name, or provinces by any name.
    context = set()
    for _s, _e, _key, entries in hits:
        if len(entries) == 1:
            code, kind = entries[0]
            p = places[code]
            if kind == "full" or p.level == "province":
                context |= {p.code, p.province, p.prefecture}
    freq = jieba.dt.FREQ
    mentions = []
    for start, end, key, entries in hits:
        cands = [places[c] for c, _k in entries]
        kinds = {c: k for c, k in entries}
        if len(cands) > 1:
            backed = [p for p in cands if p.province in context or (p.prefecture and p.prefecture in context)
                      or p.code in context]
            if len(backed) > 1:  # a prefecture and its own county: the prefecture
                parents = [p for p in backed if p.level != "county" and any(q.prefecture == p.code for q in backed)]
                backed = parents or backed
            if len(backed) != 1:
                continue
            cands = backed
        place = cands[0]
        if kinds[place.code] == "short" and place.level == "county":
            backed = place.province in context or place.prefecture in context
            if not backed and freq.get(key, 0) >= RARE_SHORT_NAME_FREQ:
                continue
        if kinds[place.code] == "short" and place.level == "prefecture":
            if place.province not in context and freq.get(key, 0) >= RARE_SHORT_NAME_FREQ * 20:
                continue
        mentions.append(RegionMention(place.code, place.name, place.level, start, end))
    return mentions


def summarize_regions(mentions, gazetteer):
    """[{code, name, level, count, primary}] with provinces of named counties implied only when named."""
    counts = Counter(m.code for m in mentions)
    places = gazetteer.places
    ranked = [(n, c) for c, n in counts.most_common() if places[c].level != "province"]
    primary = set()
    if ranked and ranked[0][0] >= PRIMARY_MIN_COUNT:
        top_n, top = ranked[0]
        rivals = [n for n, c in ranked[1:] if not _related(places[c], places[top])]
        if not rivals or top_n >= PRIMARY_MIN_RATIO * rivals[0]:
            primary.add(top)
    return [
        {"code": c, "name": places[c].name, "level": places[c].level, "count": n, "primary": c in primary}
        for c, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]


def _related(a, b):
    return a.code == b.code or a.prefecture == b.code or b.prefecture == a.code or a.province == b.code or b.province == a.code
