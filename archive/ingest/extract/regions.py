"""Places: provinces, prefectures and counties named in a report.

Every gazetteer key is found in one pass of the Aho-Corasick automaton. Then:
- a hit followed by 镇/乡/村/社区... or inside a company or university name is
  dropped (老县镇, 紫云社区, 安康北医大平利天然药业, 西安交通大学);
- a key shared by several divisions (朝阳, 和田) keeps the candidates whose
  province or prefecture the report names; between a prefecture and its own
  county of the same stem (和田地区, 和田县) a bare short name means the
  prefecture;
- a short name, or a full name of two characters (洋县), counts only as a whole word: it starts
  and ends where the segmenter's words do (重大|理论 holds no 大理, 雄安|新区 no 安新, 天山南北
  and 澜沧江 are words of their own), and where the statistical tagger read the sentence, as a
  place it reads there (东北|振兴/vn, 迎着|朝阳/n: no place);
- then it needs backing: its province or prefecture named in the report, its own full name, or
  its province printed just before it (广西融水); a short name that is an ordinary word
  (COMMON_WORD_FREQ: 振兴, 大兴, 金山, 莲花) needs more than its province somewhere in the report
  (its prefecture, its full name, its province right before it); a name that is no ordinary word
  (洋县, 靖州, 江华) needs none once it is a whole word the report prints twice or in its title.
The primary regions are what the report is about: the most-mentioned county or prefecture (the
title counts double), with another as often mentioned and unrelated beside it, and a province
that clearly leads when no place of its own does (PRIMARY_* in region_patterns.py); a survey of
many places has none.
"""

import bisect
import re
from collections import Counter
from dataclasses import dataclass

from archive.text import is_han

from .lexicon import freq
from .region_patterns import (
    COMMON_WORD_FREQ,
    DIVISION_CHARS,
    FOREIGN,
    GOVERNMENT_AFTER,
    INSTITUTION_AFTER,
    MEDIA_AFTER,
    NOT_A_DIVISION_AFTER,
    NOT_A_PLACE_AFTER,
    NOT_A_PLACE_TAGS,
    ORDINARY_FULL_NAMES,
    PARENT_BEFORE,
    PRIMARY_HOME_SHARE,
    PRIMARY_MAX_PLACES,
    PRIMARY_MIN_COUNT,
    PRIMARY_MIN_RATIO,
    PRIMARY_PROVINCE_MIN,
    PRIMARY_PROVINCE_OVER,
    PRIMARY_SHARE,
    PRIMARY_SHORT_TEXT,
    PRIMARY_SURVEY_PROVINCES,
    PRIMARY_VILLAGE_MIN,
    PROVINCE_ADJACENT,
    PROVINCE_NEAR,
    RARE_WORD_FREQ,
    ROUNDUP_TITLE,
    VENUE_AFTER,
    VENUE_BEFORE,
    VILLAGE_STEM,
)
from .tagger import word_tag

_FOREIGN_BEFORE = re.compile(f"(?:{FOREIGN.pattern})$")


@dataclass
class RegionMention:
    code: str
    name: str
    level: str
    start: int
    end: int


def _plausible(text, hit, places):
    start, end, _key, entries = hit
    after = text[end : end + 16]
    if NOT_A_PLACE_AFTER.match(after) or _FOREIGN_BEFORE.search(text, max(0, start - 6), start):
        return False  # 北京时间; 韩国平昌: a place abroad
    if any(places[code].level == "province" for code, _k in entries):
        return not INSTITUTION_AFTER.match(after)  # (甘肃河西走廊: no province names a river)
    return not NOT_A_DIVISION_AFTER.match(after) and not INSTITUTION_AFTER.match(after)


def find_regions(text, gazetteer, hits=None, tokens=None, nouns=None, title_end=0):
    """All division mentions in text, in order, each resolved to one code (hits: gazetteer.scan(text);
    tokens: the segmenter's (tagger.Tokens), nouns: the statistical tagger's (proper_nouns), for the
    whole-word rule; title_end: where the report's title ends in text)."""
    places = gazetteer.places
    hits = [h for h in (gazetteer.scan(text) if hits is None else hits) if _plausible(text, h, places)]
    if tokens is not None:  # a weak name only as a whole word; any name only where a word starts (万千|山区)
        spans = {(h[0], h[1]) for h in hits}
        province_ends = {h[1] for h in hits if any(places[c].level == "province" for c, _k in h[3])}
        parents_end = {}  # where a province or prefecture name ends: its codes (凉山州的|盐源苹果)
        for h in hits:
            parents_end.setdefault(h[1], set()).update(c for c, _k in h[3] if places[c].level != "county")
        hits = [
            h
            for h in hits
            if (
                _whole_word(h, tokens, nouns, spans, text, province_ends, _parent_before(h, parents_end, places))
                if _weak_key(h, places)
                else _starts_word(h, tokens, spans)
            )
        ]
    # Context: what the report names unambiguously by a full name of 3+ characters, and provinces.
    context, province_at, province_end = set(), [], {}  # province_at: (start, code), sorted
    for start, end, key, entries in hits:
        if len(entries) == 1:
            code, kind = entries[0]
            p = places[code]
            if p.level == "province":
                context.add(p.code)
                province_at.append((start, p.code))
                province_end[start] = end
            elif kind == "full" and len(key) >= 3 and key not in ORDINARY_FULL_NAMES:
                context |= {p.code, p.province, p.prefecture}
    printed = {}
    for _s, _e, key, _entries in hits:
        printed[key] = printed.get(key, 0) + 1
    in_title = {key for s, _e, key, _entries in hits if s < title_end}

    def weak(place, kind, key):
        return (kind == "short" or len(key) <= 2 or key in ORDINARY_FULL_NAMES) and place.level != "province"

    def backed(place, start, key):
        common = _common_word(key)
        i = bisect.bisect_left(province_at, (start - PROVINCE_NEAR, ""))
        near = [(s, code) for s, code in province_at[i : bisect.bisect_right(province_at, (start, "~"))]]
        if any(code == place.province and start - province_end.get(s, s) <= PROVINCE_ADJACENT for s, code in near):
            return True  # 广西融水: the province printed right before it
        office = GOVERNMENT_AFTER.match(text, start + len(key))
        if office and (key == place.name or office.group()[:1] in DIVISION_CHARS):
            return True  # 洋县扶贫办, 平利县委: the place's own government or office (not 会同|扶贫办)
        if freq(key) >= COMMON_WORD_FREQ and _read_as_place(nouns, start, start + len(key)) is False:
            return False  # 菏泽's 牡丹/n: the flower, though the report names 菏泽
        if place.code in context or (place.level == "county" and place.prefecture in context):
            return True
        if (
            place.level == "prefecture"
            and place.name.endswith("市")
            and word_tag(key) == "ns"
            and _read_as_place(nouns, start, start + len(key))
        ):
            return True  # 南京青奥村: a city the dictionary and the tagger both read as a place
        if common and not _read_as_place(nouns, start, start + len(key)):
            return False  # 东北振兴 in a report on 辽宁: an ordinary word needs more than its province
        if place.level == "county" and place.parent_code == place.province and place.province in context:
            return True  # a county right under its province (重庆's 奉节): the province backs it
        if place.level == "prefecture" and place.province in context:
            return True
        if any(code == place.province for _s, code in near):
            return True
        return freq(key) < RARE_WORD_FREQ and (
            printed.get(key, 0) >= 2 or key in in_title or MEDIA_AFTER.match(text, start + len(key))
        )  # 洋县, 靖州; 江华新闻网: the county's own news

    for _round in range(2):  # a weak name backed once (广西融水) backs its other mentions (融水县委书记)
        resolved = _resolve(hits, places, context, weak, backed)
        context |= {p.code for _s, _e, p in resolved}
        province_at = sorted(set(province_at) | {(s, p.code) for s, _e, p in resolved if p.level == "province"})
        province_end.update({s: e for s, e, p in resolved if p.level == "province"})
    return [RegionMention(p.code, p.name, p.level, s, e) for s, e, p in resolved]


def ambiguous_places(hits, places):
    """Where a short or two-character place name is printed (the statistical tagger reads those
    sentences, proper_nouns.tag_many's read_at, for the whole-word rule: 牡丹花茶, 贡觉曲珍)."""
    return [h[0] for h in hits if _weak_key(h, places)]


def _weak_key(hit, places):
    """A name that may be an ordinary word: short, or of two characters, and no province's."""
    _s, _e, key, entries = hit
    if any(places[code].level == "province" for code, _k in entries):
        return False
    return len(key) <= 2 or key in ORDINARY_FULL_NAMES or any(kind == "short" for _c, kind in entries)


def _common_word(key):
    """An ordinary word of the language, not known as a place by the segmenter's dictionary (振兴/v,
    大兴/b, 金山/nr, 莲花/n; 朝阳 and 太原 are ns), or a district's name that is a common noun (老城区)."""
    return key in ORDINARY_FULL_NAMES or (freq(key) >= COMMON_WORD_FREQ and word_tag(key) != "ns")


def _word_starts(start, tokens):
    return start == 0 or tokens.is_boundary(start) or tokens.index_at(start) is not None


def _parent_before(hit, parents_end, places):
    """Its own prefecture or province printed right before the name (凉山州的盐源苹果, 凉山盐源)."""
    start, _end, _key, entries = hit
    codes = set().union(*(parents_end.get(e, ()) for e in range(max(0, start - PARENT_BEFORE), start + 1)))
    return any(places[c].prefecture in codes or places[c].province in codes for c, _k in entries)


def _whole_word(hit, tokens, nouns=None, spans=(), text="", province_ends=(), parent_before=False):
    """The segmenter cuts words at both ends of the name, or reads it inside one word made of places
    (山西太原, 福建厦门: every part of it a place found); and where the name is an ordinary word too
    (朝阳, 振兴) and the statistical tagger read the sentence, the tagger reads a place there (迎着朝阳/n:
    none; 广西融水/LOC, 平利县城/LOC: the name)."""
    start, end, key, _entries = hit
    if not (_word_starts(start, tokens) and tokens.is_boundary(end)):
        i = _token_holding(tokens, start)
        if i is None or tokens.ends[i] < end or not _made_of_places(tokens.starts[i], tokens.ends[i], spans, text):
            return False  # 万千|山区, 雄安|新区, 重大|理论; 天山南北, 澜沧江: a word of their own
    word = nouns.word_at(start) if nouns is not None else None
    if word is None:
        return True
    w_start, w_end, tag = word
    if tag == "LOC" or _made_of_places(w_start, w_end, spans, text) or start in province_ends:
        return True  # 广西融水/LOC; 山西平陆, 新疆尼勒克, 广西|融水/v (whatever the tag): places one after another
    if GOVERNMENT_AFTER.match(text, end) or MEDIA_AFTER.match(text, end):
        return True  # 中共平利县委/ORG, 江华新闻网/nz: the place's own government or news
    if tag == "ORG" and w_end - w_start <= end - start + 1:
        return True  # (柳州螺蛳粉集团/ORG: a company)
    if w_end < end:
        return False  # 开/v 江/n 以来: the tagger cuts the name in two
    if w_start < start:
        return False  # 胡仁怀/PER, 云赏牡丹, 大凉山, 以西|安: a word that starts before the name holds it
    if w_end > end + 1:
        if parent_before and tag != "PER" and freq(key) < RARE_WORD_FREQ:
            return True  # 凉山州的盐源苹果/nz: a product of the place its prefecture names (not 牡丹花茶, 贡觉曲珍/PER)
        return False  # 惠农贷款, 牡丹花茶, 贡觉曲珍/PER, 华龙一号: a word of its own (平利县城: the place)
    return not (w_end == end and tag in NOT_A_PLACE_TAGS)  # 开江/v 以来: the river opening, no county


def _read_as_place(nouns, start, end):
    """The statistical tagger read a place there (its LOC word holds the name and ends with it, or
    one division character after: 广西融水, 平利县城); None where it did not read the sentence."""
    if nouns is None or not nouns.tagged(start):
        return None
    word = nouns.word_at(start)
    return word is not None and word[2] == "LOC" and word[0] <= start and end <= word[1] <= end + 1


def _starts_word(hit, tokens, spans):
    """A full name starts where a word does, or inside one word made of places (西藏|阿里地区)."""
    if _word_starts(hit[0], tokens):
        return True
    i = _token_holding(tokens, hit[0])
    return i is not None and _made_of_places(tokens.starts[i], tokens.ends[i], spans)


def _made_of_places(a, b, spans, text=None):
    """text[a:b] is places found, one after another (山西|太原), and no word of the dictionary (安居|乐业:
    the idiom, not 安居区 and 乐业县)."""
    if text and freq(text[a:b]) >= RARE_WORD_FREQ and word_tag(text[a:b]) != "ns":
        return False
    ends_at = {s: e for s, e in spans}
    while a < b and a in ends_at:
        a = ends_at[a]
    return a == b


def _token_holding(tokens, pos):
    """The index of the token holding pos."""
    i = bisect.bisect_right(tokens.starts, pos) - 1
    return i if i >= 0 and tokens.ends[i] > pos else None


def _resolve(hits, places, context, weak, backed):
    resolved = []
    for start, end, key, entries in hits:
        cands = [(places[c], k) for c, k in entries]
        if len(cands) > 1 or weak(*cands[0], key):
            ok = [(p, k) for p, k in cands if not weak(p, k, key) or backed(p, start, key)]
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


def summarize_regions(mentions, gazetteer, title_end=0, text=None):
    """[{code, name, level, count, primary}], most mentioned first (see the module's docstring for
    the primary regions; a mention in the title, before title_end, counts twice for them; with the
    text, a meeting's venue counts for none and a roundup's title leaves no primary)."""
    counts = Counter(m.code for m in mentions)
    weight = Counter()
    for m in mentions:
        if text is None or not _venue(text, m):
            weight[m.code] += 2 if m.start < title_end else 1
    places = gazetteer.places
    roundup = text is not None and ROUNDUP_TITLE.search(text, 0, title_end)
    counties = {m.code for m in mentions if places[m.code].level == "county"}
    if text is not None and len(counties) == 1:  # 新化县 once, its 油溪桥村 twelve times: the village's county
        weight[next(iter(counties))] += _village_mentions(text)
    examples = set()
    if text is not None and len(text) > PRIMARY_SHORT_TEXT:  # twice in a long report's body: an example
        titled = {m.code for m in mentions if m.start < title_end}
        examples = {c for c, w in weight.items() if w <= PRIMARY_MIN_COUNT and c not in titled}
    primary = set() if roundup else _primary(weight, places, examples)
    return [
        {"code": c, "name": places[c].name, "level": places[c].level, "count": n, "primary": c in primary}
        for c, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]


def _primary(weight, places, examples=()):
    """The primary places by weight; examples (places named as an example) may rival a subject but lead none."""
    local = sorted(((w, c) for c, w in weight.items() if places[c].level != "province"), reverse=True)
    eligible = [(w, c) for w, c in local if c not in examples]
    chosen = set()
    if eligible and eligible[0][0] >= PRIMARY_MIN_COUNT:
        top = eligible[0][0]
        leading = [c for w, c in eligible if w >= max(PRIMARY_MIN_COUNT, PRIMARY_SHARE * top)]
        # the most specific of related leaders (兴和县 over 乌兰察布市)
        leading = [
            c for c in leading if not any(o != c and places[o].code.startswith(_stem(places[c])) for o in leading)
        ]
        unrelated = [c for c in leading if not any(_related(places[c], places[o]) for o in chosen)]
        rivals = [w for w, c in local if c not in leading and not any(_related(places[c], places[o]) for o in leading)]
        if len(unrelated) <= PRIMARY_MAX_PLACES and (not rivals or top >= PRIMARY_MIN_RATIO * rivals[0]):
            chosen = set(unrelated)
    provinces = sorted(((w, c) for c, w in weight.items() if places[c].level == "province"), reverse=True)
    if chosen and provinces and provinces[0][0] >= PRIMARY_PROVINCE_OVER * max(weight[c] for c in chosen):
        if all(places[c].province == provinces[0][1] for c in chosen):
            chosen = set()  # 贵州 twelve times, its 毕节 three: a report about the province
    if provinces and provinces[0][0] >= PRIMARY_PROVINCE_MIN:
        w, code = provinces[0]
        others = [v for v, c in provinces[1:]]
        own = not chosen or all(places[c].province == code for c in chosen)
        if (
            own
            and not any(places[c].province == code for c in chosen)
            and (not others or w >= PRIMARY_MIN_RATIO * others[0])
        ):
            chosen.add(code)  # a report about a province: 福建 nine times, no county of it that leads
    home = sum(w for c, w in weight.items() if any(places[c].province == places[o].province for o in chosen))
    provinces_named = {places[c].province for c in weight}
    if chosen and len(provinces_named) >= PRIMARY_SURVEY_PROVINCES and home < PRIMARY_HOME_SHARE * sum(weight.values()):
        return set()  # a survey of many provinces that names one of their counties twice
    return chosen


def _village_mentions(text):
    """How many times the report prints a village it names at least PRIMARY_VILLAGE_MIN times (油溪桥村,
    晨光村; the longest name before each 村 printed that often, no word of the dictionary, and not ending in
    a common word: 边境村, 示范村 are no village's name)."""
    seen, n = {}, 0
    for m in re.finditer("村", text):
        for k in range(VILLAGE_STEM[1], VILLAGE_STEM[0] - 1, -1):
            name = text[max(0, m.start() - k) : m.end()]
            if len(name) != k + 1 or not all(is_han(ch) for ch in name):
                continue
            if name not in seen:
                seen[name] = (
                    text.count(name) >= PRIMARY_VILLAGE_MIN
                    and freq(name) < RARE_WORD_FREQ
                    and freq(name[-3:-1]) < COMMON_WORD_FREQ  # (628个边境村, 这两个村: a common word before 村)
                )
            if seen[name]:
                n += 1
                break
    return n


def _venue(text, m):
    """The place is where a meeting was held (在贵州遵义召开, 在武汉召开座谈会)."""
    return bool(VENUE_BEFORE.search(text, max(0, m.start - 8), m.start) and VENUE_AFTER.match(text, m.end))


def _stem(place):
    """The code prefix a division's own places share (4100 for a prefecture, 41 for a province)."""
    return (
        place.code[:2] if place.level == "province" else place.code[:4] if place.level == "prefecture" else place.code
    )


def _related(a, b):
    return (
        a.code == b.code
        or a.prefecture == b.code
        or b.prefecture == a.code
        or a.province == b.code
        or b.province == a.code
    )
