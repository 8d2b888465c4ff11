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

import bisect
from collections import Counter
from dataclasses import dataclass

from .region_patterns import (
    INSTITUTION_AFTER,
    NOT_A_DIVISION_AFTER,
    PRIMARY_MIN_COUNT,
    PRIMARY_MIN_RATIO,
    PROVINCE_NEAR,
)


@dataclass
class RegionMention:
    code: str
    name: str
    level: str
    start: int
    end: int


def _plausible(text, start, end):
    after = text[end : end + 16]
    return not NOT_A_DIVISION_AFTER.match(after) and not INSTITUTION_AFTER.match(after)


def find_regions(text, gazetteer, hits=None):
    """All division mentions in text, in order, each resolved to one code (hits: gazetteer.scan(text))."""
    hits = [h for h in (gazetteer.scan(text) if hits is None else hits) if _plausible(text, h[0], h[1])]
    places = gazetteer.places
    # Context: what the report names unambiguously by a full name of 3+ characters, and provinces.
    context, province_at = set(), []  # province_at: (start, code), sorted
    for start, _e, key, entries in hits:
        if len(entries) == 1:
            code, kind = entries[0]
            p = places[code]
            if p.level == "province":
                context.add(p.code)
                province_at.append((start, p.code))
            elif kind == "full" and len(key) >= 3:
                context |= {p.code, p.province, p.prefecture}

    def weak(place, kind, key):
        return (kind == "short" or len(key) <= 2) and place.level != "province"

    def backed(place, start):
        if place.code in context or (place.level == "county" and place.prefecture in context):
            return True
        if place.level == "county" and place.parent_code == place.province and place.province in context:
            return True  # a county right under its province (重庆's 奉节): the province backs it
        if place.level == "prefecture" and place.province in context:
            return True
        i = bisect.bisect_left(province_at, (start - PROVINCE_NEAR, ""))
        return any(
            code == place.province for _s, code in province_at[i : bisect.bisect_right(province_at, (start, "~"))]
        )

    for _round in range(2):  # a weak name backed once (广西融水) backs its other mentions (融水县委书记)
        resolved = _resolve(hits, places, context, weak, backed)
        context |= {p.code for _s, _e, p in resolved}
        province_at = sorted(set(province_at) | {(s, p.code) for s, _e, p in resolved if p.level == "province"})
    return [RegionMention(p.code, p.name, p.level, s, e) for s, e, p in resolved]


def _resolve(hits, places, context, weak, backed):
    resolved = []
    for start, end, key, entries in hits:
        cands = [(places[c], k) for c, k in entries]
        if len(cands) > 1 or weak(*cands[0], key):
            ok = [(p, k) for p, k in cands if not weak(p, k, key) or backed(p, start)]
            if len(ok) > 1:
                ok = [(p, k) for p, k in ok if p.province in context or p.code in context] or ok
            if len(ok) > 1:  # a prefecture and its own county of the same stem: the prefecture
                parents = [(p, k) for p, k in ok if p.level != "county" and any(q.prefecture == p.code for q, _ in ok)]
                ok = parents or ok
            if len(ok) != 1:
                continue
            cands = ok
        resolved.append((start, end, cands[0][0]))
    return resolved


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
    return (
        a.code == b.code
        or a.prefecture == b.code
        or b.prefecture == a.code
        or a.province == b.code
        or b.province == a.code
    )
