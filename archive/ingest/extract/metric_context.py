"""When and where a figure stands: its year and its scope, read from the words around it.

The year: the times printed in the text (2015年, 今年, 去年底, 目前, 2013年以来, 近五年) are found
in one scan and resolved against the report's publication year (今年 of a 2017 report is 2017,
去年底 2016; a span that runs to now, 2013年以来 or 近年来, ends in the publication year, and a
total over it is that year's, and so is a total over a span that starts, 2013年起…累计); 去年同期, 比2015年 and
比“十三五”末 are a comparison's basis, no time; a plan's year later than the report (到2020年实现…) dates nothing. A figure takes the time
printed last before it in its sentence, else the first after it in its sentence,
else the last one earlier in its paragraph, else the headline's when the report is dated that year,
else, when nothing in its sentence puts it in the past or the future (过去, 原来, 将, 计划) and it is no
change's first end, the report's present: its publication year (共设13个赛段, 全县现有贫困户1596户).
A figure inside a long quotation takes only the times printed inside it (the 2014 plan a 2017
report quotes dates what it says, not the report's figures, and the other way round).

The scope and the region: the evidence printed last before the figure in its sentence, else in the
sentence before it within the same roundup item (a body line short and without a sentence end opens an
item: 国内联播快讯). A level's own word (全国, 我国, 全省, 全市, 全县, 县里) makes it that level's figure: a
national figure has no place, a provincial one the province the report names (or the province of its
place), never the county the report is about; a national body (国家统计局, 农业农村部, 中央), every province
at once (31个省（自治区、直辖市）, 省区市) or 14亿中国人 is national too. A place gives its code, unless it is
one of a list or a route of places (福州、北京两地; 成都至西宁; 西起吉林市，东至珲春市) or the evidence is a place
abroad (美国, 海外) or a region of several provinces (京津冀, 中西部, 各地): then no place; a place printed inside
a scope (31个省（区、市）和新疆生产建设兵团, 成渝地区双城经济圈) is none, and an area outside the gazetteer
(雄安新区) gives the division it lies in. 当地 and 该县 point back at the place named last in the item (or at
a region of several provinces or abroad printed after it). A count of more people than any place of its
level holds (7000万人口 in a 宁德 story) is not that place's (metrics.py asks holds()). With no evidence, the report's primary place, when the report names
it more often than it speaks of the country or abroad and the figure's item names it (or is the
whole report). The words are data: scope_patterns.py, metric_patterns.py (SCOPE_WORDS), FOREIGN in
region_patterns.py.
"""

import bisect
import re

from archive.text import alternation

from .foreign_patterns import FOREIGN
from .metric_patterns import (
    CHINA_SCOPE,
    COMPARED_WITH,
    FIVE_YEAR_PLANS,
    NOT_PRESENT,
    NOT_SCOPE_AFTER,
    NOT_SCOPE_BEFORE,
    NOT_TIME,
    OPEN_QUOTES,
    PLAN_START,
    PRESENT_SPAN,
    PRESENT_WORDS,
    RELATIVE_YEARS,
    SCOPE_WORDS,
    SPAN_BEFORE,
    SPAN_START,
    SPAN_TOTAL,
    TARGET_BEFORE,
    YEARS_AGO,
)
from .scope_patterns import (
    ALL_PROVINCES,
    AREAS,
    HEADLINE_ENDS,
    HEADLINE_MAX,
    LEVEL_MAX_PEOPLE,
    LEVEL_MAX_POOR,
    LEVEL_WORDS,
    LIST_AFTER,
    LIST_ITEM_TAIL,
    LIST_JOINERS,
    LOCAL_TAKES,
    LOCAL_WORDS,
    MULTI_PROVINCE,
    NATIONAL_BODIES,
    NATIONAL_COUNT,
    NOT_SCOPE_AFTER_MORE,
    PEOPLE_PER_HOUSEHOLD,
    PLACE_SETS,
    POOR_WORDS,
    ROUTE_FROM,
    ROUTE_TO,
)

_CN_SMALL = {c: i for i, c in enumerate("零一二三四五六七八九十")} | {"两": 2}
_TIME = re.compile(
    "|".join(
        [
            r"(?P<year>(?<![0-9])(?:19|20)[0-9]{2})\s*年(?:[^，。；！？,;\n0-9]{0,12}?(?P<since>以来|至今(?!年))|(?P<start>"
            + SPAN_START
            + "))?",
            "(?P<not>" + "|".join(NOT_TIME) + ")",
            "(?P<plan>" + "|".join(FIVE_YEAR_PLANS) + ')[”"」]?(?P<part>' + "|".join(PLAN_START) + "|以来)?",
            "(?P<rel>" + "|".join(RELATIVE_YEARS) + ")",
            YEARS_AGO,
            "(?P<now>(?:" + "|".join(sorted(PRESENT_WORDS, key=len, reverse=True)) + "|" + PRESENT_SPAN + ")(?!年))",
        ]
    )
)
_NOT_PRESENT = re.compile(NOT_PRESENT)
_TARGET = re.compile(f"(?:{alternation(TARGET_BEFORE)})$")
_CLAUSE_END = re.compile("[，。；！？,;：:\n]")
_SPAN_TOTAL = re.compile("|".join(SPAN_TOTAL))
_LONG_QUOTE = re.compile(r"“[^”\n]{13,}”|\"[^\"\n]{13,}\"")
_BOOK = re.compile(r"《[^》\n]*》")
_SCOPE = re.compile(
    f"(?<![{NOT_SCOPE_BEFORE}])(?P<word>"
    + "|".join(sorted({**SCOPE_WORDS, **LEVEL_WORDS}, key=len, reverse=True))
    + "|"
    + CHINA_SCOPE
    + ")"
    "(?!" + "|".join(NOT_SCOPE_AFTER + NOT_SCOPE_AFTER_MORE) + ")"
)
_SENTENCE_END = re.compile("[。！？；!?;\n]")
_LOCAL = re.compile("|".join(LOCAL_WORDS))
_MULTI = re.compile(f"{MULTI_PROVINCE}|{PLACE_SETS}")
_NATIONAL_COUNT = re.compile(NATIONAL_COUNT)
_JOINED = re.compile(f"[^，,。；;：:！？\\n]{{0,{LIST_ITEM_TAIL}}}?(?:{'|'.join(map(re.escape, LIST_JOINERS))})")
_LISTED_AFTER = re.compile(f"[^，,。；;：:！？\\n]{{0,{LIST_ITEM_TAIL}}}?(?:{'|'.join(LIST_AFTER)})")
_NATIONAL = re.compile(f"(?:{NATIONAL_BODIES}|{ALL_PROVINCES})")
_AREA = re.compile(alternation(AREAS))
_ROUTE_FROM = re.compile(f"(?:{'|'.join(ROUTE_FROM)})$")
_ROUTE_TO = re.compile(f"(?:{alternation(ROUTE_TO)})$")
_HEADLINE = re.compile(f"(?m)^[^\n]{{1,{HEADLINE_MAX}}}(?<![{re.escape(HEADLINE_ENDS)}\\s])$")


def _small_number(raw):
    if raw.isdigit():
        return int(raw)
    if len(raw) == 1:
        return _CN_SMALL.get(raw)
    if raw[0] == "十":
        return 10 + _CN_SMALL.get(raw[1], 0)
    return _CN_SMALL.get(raw[0], 0) * 10 + (_CN_SMALL.get(raw[1], 0) if raw[1] != "十" else 0)


class Times:
    """The times printed in a text, each (start, end, year or None), found once."""

    def __init__(self, text, published=None, title_end=0):
        self.text = text
        self.this_year = this_year = published.year if published else None
        books = [(m.start(), m.end()) for m in _BOOK.finditer(text)]
        book_starts = [a for a, _b in books]
        self.quotes = [(m.start(), m.end()) for m in _LONG_QUOTE.finditer(text)]
        self.quote_starts = [a for a, _b in self.quotes]
        self.starts, self.ends, self.years = [], [], []
        self.targets, self.span_starts = [], set()  # where a plan's year is printed; the times that open a span
        for m in _TIME.finditer(text):
            k = bisect.bisect_right(book_starts, m.start()) - 1
            if k >= 0 and books[k][1] > m.start():
                continue  # 《中国农村扶贫开发纲要（2011-2020年）》: a title's year
            before = text[max(0, m.start() - 2) : m.start()].rstrip(OPEN_QUOTES)
            if m.group("not") or (before and before[-1] in COMPARED_WITH):
                continue  # 比2015年增加了4.6万所, 比“十三五”末: the basis of a comparison is not the figure's time
            if m.group("year"):
                year = this_year if m.group("since") else int(m.group("year"))  # 2013年以来: to now
                if m.group("start"):
                    self.span_starts.add(len(self.years))
                elif this_year and year > this_year and self._target(m.start()):
                    self.targets.append(m.start())
                    year = None  # 到2020年实现…: a plan's year
            elif m.group("plan"):  # 十三五期间: 2020; 十三五初期: 2016; 十三五以来: to now
                end = FIVE_YEAR_PLANS[m.group("plan")]
                part = m.group("part")
                year = this_year if part == "以来" else end - 4 if part else end
            elif m.group("rel"):
                year = this_year + RELATIVE_YEARS[m.group("rel")] if this_year else None
            elif m.group("ago"):
                year = this_year - _small_number(m.group("ago")) if this_year else None
            else:
                year = this_year
            self.starts.append(m.start())
            self.ends.append(m.end())
            self.years.append(year)
        self.paragraph_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.headline = None
        if this_year and title_end:
            i = bisect.bisect_left(self.starts, title_end)
            said = {y for y in self.years[:i] if y}
            if said == {this_year}:
                self.headline = this_year  # the headline's year, when the report is dated that year

    def _target(self, pos):
        """The year at pos is a plan's (到2020年, 力争2025年), not a span's end (2013年至2020年, 从2013年到2020年)."""
        if not _TARGET.search(self.text, max(0, pos - 3), pos):
            return False
        clause = pos
        while clause and not _CLAUSE_END.match(self.text, clause - 1):
            clause -= 1
        opened = any(c in SPAN_BEFORE for c in self.text[clause:pos])
        return not opened and not (self.ends and self.ends[-1] > clause)

    def _quote(self, pos):
        k = bisect.bisect_right(self.quote_starts, pos) - 1
        return self.quotes[k] if k >= 0 and self.quotes[k][1] > pos else None

    def _last(self, a, b):
        """The index of the time printed last in text[a:b], or None."""
        i = bisect.bisect_right(self.ends, b) - 1
        return i if i >= 0 and self.starts[i] >= a else None

    def year(self, pos, sentence_start, sentence_end):
        """The year of a figure at pos in the sentence [sentence_start, sentence_end)."""
        a, b = sentence_start, sentence_end
        quote = self._quote(pos)
        if quote:
            a, b = max(a, quote[0]), min(b, quote[1])
        i = self._last(a, pos)
        if i is None:  # the sentence's first time, after the figure
            j = bisect.bisect_left(self.starts, a)
            i = j if j < len(self.starts) and self.ends[j] <= b else None
        if i is not None:
            if i in self.span_starts and _SPAN_TOTAL.search(self.text, self.ends[i], pos):
                return self.this_year  # 从2016年开始…累计: a total to now
            return self.years[i]
        if quote:
            return None  # a quotation is dated by what it prints
        p = self.paragraph_starts[bisect.bisect_right(self.paragraph_starts, pos) - 1]
        i = self._last(p, a)
        if i is not None and not self._quote(self.starts[i]):
            return self.years[i]
        return self.headline

    def present(self, pos, sentence_start, plan_start=None):
        """The report's year for a figure with no time of its own, when its sentence does not put it in the
        past or the future (过去, 原来, 将, 计划) and it is no quotation's, nor after a plan's year from plan_start
        (its sentence's start: 到2030年…增长2.8%…1.7%); else None."""
        if not self.this_year or self._quote(pos) or _NOT_PRESENT.search(self.text, sentence_start, pos):
            return None
        if any((sentence_start if plan_start is None else plan_start) <= t < pos for t in self.targets):
            return None  # 到2020年实现4335万贫困人口全部脱贫: of the report's time or the plan's
        return self.this_year


class Places:
    """Where a figure is: the places found (mentions with start, end, code), the report's primary
    place, and the gazetteer's places (code -> place with .level and .name); title_end: where the
    headline ends in text (the body's headlines after it open a roundup's items)."""

    def __init__(self, text, mentions, primary, places, title_end=0):
        self.text = text
        self.mentions = sorted(mentions, key=lambda m: m.end)
        self.ends = [m.end for m in self.mentions]
        self.primary = primary
        self.places = places
        scopes = [(m.start(), m.end(), _scope_level(m.group("word"))) for m in _SCOPE.finditer(text)]
        scopes += [(m.start(), m.end(), "national") for m in _NATIONAL.finditer(text)]
        after_place = set(self.ends)  # 策勒县巴西玉吉买村, 通江县川陕…: a name of the place printed before it
        scopes += [(m.start(), m.end(), "foreign") for m in FOREIGN.finditer(text) if m.start() not in after_place]
        scopes += [(m.start(), m.end(), "local") for m in _LOCAL.finditer(text)]
        areas = list(_AREA.finditer(text))
        self.areas = {m.start(): AREAS[m.group()] for m in areas}
        scopes += [(m.start(), m.end(), "area") for m in areas]
        scopes += [(m.start(), m.end(), "multi") for m in _MULTI.finditer(text) if m.start() not in after_place]
        self.scopes = sorted(scopes, key=lambda s: s[1])
        self.scope_ends = [e for _s, e, _l in self.scopes]
        self.sentence_ends = [m.start() for m in _SENTENCE_END.finditer(text)]
        self.segments = [0] + [
            m.start() for m in _HEADLINE.finditer(text, title_end) if m.start() > title_end
        ]  # where each item of a roundup starts (one item: the whole report)
        self.listed = self._listed()
        self.national = None  # the report speaks of the country (or abroad) more than of its primary place

    def _listed(self):
        """The indexes of mentions that are part of a list of places (福州、北京两地; 河北、山西…新疆) or a
        route (四川成都至青海西宁): places printed one right after another (四川成都) are one item of it."""
        items = []  # [first, last] mention index of each item
        for i, m in enumerate(self.mentions):
            if items and self.mentions[i - 1].end == m.start:
                items[-1][1] = i
            else:
                items.append([i, i])
        out = set()
        for k, (a, b) in enumerate(items):
            if k and _JOINED.fullmatch(self.text, self.mentions[items[k - 1][1]].end, self.mentions[a].start):
                out |= set(range(items[k - 1][0], b + 1))
            if _LISTED_AFTER.match(self.text, self.mentions[b].end):
                out |= set(range(a, b + 1))
        return out | self._routes(items)

    def _routes(self, items):
        """The mentions of routes printed across a comma: an item right after 从 or 起 (西起吉林市) and a later item of
        its sentence right after 至, 到 (东至延边朝鲜族自治州珲春市)."""
        out, start = set(), None  # start: the item a route may start from, in the sentence being read
        for a, b in items:
            m = self.mentions[a]
            if start is not None and self._sentence_start(m.start) > self.mentions[start[0]].start:
                start = None
            if start is not None and _ROUTE_TO.search(self.text, max(0, m.start - 2), m.start):
                out |= set(range(start[0], start[1] + 1)) | set(range(a, b + 1))
            elif _ROUTE_FROM.search(self.text, max(0, m.start - 1), m.start):
                start = (a, b)
        return out

    def _sentence_start(self, pos, back=0):
        i = bisect.bisect_left(self.sentence_ends, pos) - 1 - back
        return self.sentence_ends[i] + 1 if i >= 0 else 0

    def _segment(self, pos):
        """(start, end) of the roundup item holding pos."""
        k = bisect.bisect_right(self.segments, pos) - 1
        return self.segments[k], self.segments[k + 1] if k + 1 < len(self.segments) else len(self.text)

    def _nearest(self, pos, start):
        """The evidence printed last in text[start:pos]: ("place", mention index) or ("scope", scope index),
        or None."""
        i = bisect.bisect_right(self.ends, pos) - 1
        place = i if i >= 0 and self.mentions[i].start >= start else None
        k = bisect.bisect_right(self.scope_ends, pos) - 1
        scope = k if k >= 0 and self.scopes[k][0] >= start else None
        if scope is not None and (place is None or self._holds(self.scopes[scope], self.mentions[place])):
            return "scope", scope
        return ("place", place) if place is not None else None

    @staticmethod
    def _holds(scope, mention):
        """The scope is the nearer evidence: the place is printed before it (陕西全省) or inside it (31个省（区、市）和
        新疆生产建设兵团, 成渝地区双城经济圈)."""
        return mention.end <= scope[0] or scope[0] <= mention.start and mention.end <= scope[1]

    def at(self, pos):
        """(region code or None, scope): scope is "national", "province", "prefecture", "county" when the
        text says 全国, 全省 … before the figure in its sentence (nearer than any place), else ""."""
        return self.located(pos)[:2]

    def located(self, pos):
        """(region code or None, scope, why): why names the evidence ("scope", "sentence", "before",
        "list", "foreign", "primary", ""). The evidence printed last before the figure in its sentence, else in
        the sentence before it (in the same roundup item): a level's word (全国, 全省; a national body; every
        province), a place, a list of places or a place abroad; else the report's primary place, when the
        figure's item is about it."""
        if _NATIONAL_COUNT.match(self.text, pos):
            return None, "national", "scope"  # 14亿中国人
        if _MULTI.match(self.text, pos):
            return None, "", "multi"  # 来自50多个国家: a count of the countries themselves
        seg_start, seg_end = self._segment(pos)
        start = self._sentence_start(pos)
        found, why = self._nearest(pos, start), "sentence"
        if found is None:
            before = self._sentence_start(pos, back=1)
            if before >= seg_start:
                found, why = self._nearest(pos, before), "before"
        if found is not None:
            kind, i = found
            if kind == "scope":
                s, _e, level = self.scopes[i]
                if level == "local":  # 当地: the place named last before it in its item
                    return self._local(s, seg_start)
                if level == "national":
                    return None, level, "scope"
                if level in ("foreign", "multi"):  # abroad; 京津冀, 中西部: several provinces
                    return None, "", level
                if level == "area":  # 雄安新区: the division it lies in
                    return self.areas[s], "", level
                code = self._own(s, level) or self._lifted(s, level)
                if level == "district":
                    level = "county" if code and self.places[code].level == "county" else "province"
                return code, level, "scope"
            if i in self.listed:
                return None, "", "list"
            return self.mentions[i].code, "", why
        if self.primary and self._about_primary(seg_start, seg_end):
            return self.primary[0], "", "primary"
        return None, "", ""

    def _local(self, pos, seg_start):
        i = bisect.bisect_right(self.ends, pos) - 1
        k = bisect.bisect_right(self.scope_ends, pos) - 1
        while k >= 0 and self.scopes[k][0] >= seg_start and self.scopes[k][2] not in LOCAL_TAKES:
            k -= 1
        if k >= 0 and self.scopes[k][0] >= seg_start and (i < 0 or self.mentions[i].end <= self.scopes[k][0]):
            return None, "", self.scopes[k][2]  # “三区三州”地区…当地, 美国…当地时间: that region, abroad
        if i >= 0 and self.mentions[i].start >= seg_start:
            return (None, "", "list") if i in self.listed else (self.mentions[i].code, "", "local")
        if self.primary and self._about_primary(seg_start, self._segment(pos)[1]):
            return self.primary[0], "", "primary"
        return None, "", ""

    def holds(self, code, value, unit, label=""):
        """Whether a division could hold the figure: no count of people (or households) larger than any division
        of its level holds, nor of the poor larger than any counted (7000万人口脱贫 in a 宁德 story, 9899万农村贫困人口
        in a 贵州 one are the country's)."""
        place = self.places.get(code)
        poor = any(w in label for w in POOR_WORDS)
        most = (LEVEL_MAX_POOR if poor else LEVEL_MAX_PEOPLE).get(place.level) if place else None
        if not most or value is None or unit not in ("人", "户"):
            return True
        return value * (PEOPLE_PER_HOUSEHOLD if unit == "户" else 1) <= most

    def _about_primary(self, seg_start, seg_end):
        """The figure's item is about the report's primary place: the report names the place (or places
        within it) more often than it speaks of the country or abroad (全国, 我国, 国务院, 美国: a national
        report that names a county in passing is not about it), and is one item, or its item names the
        primary place or a place within it."""
        if self.national is None:
            own = sum(1 for m in self.mentions if any(self._within(m.code, p) for p in self.primary))
            self.national = own <= sum(1 for _s, _e, level in self.scopes if level in ("national", "foreign"))
        if self.national:
            return False
        if len(self.segments) == 1:
            return True
        i = bisect.bisect_left(self.ends, seg_start)
        codes = {m.code for m in self.mentions[i:] if m.start < seg_end}
        return any(self._within(c, p) for c in codes for p in self.primary)

    def _within(self, code, primary):
        place = self.places.get(primary)
        if place is None:
            return code == primary
        stem = primary[:2] if place.level == "province" else primary[:4] if place.level == "prefecture" else primary
        return code.startswith(stem)

    def _own(self, pos, level):
        """The place a level word is the own word of: printed right before it (陕西全省, 诸暨全市), or for
        全市 a county-level city named before it in its sentence (舞钢市把全市190个行政村: not 平顶山市);
        else None."""
        i = bisect.bisect_right(self.ends, pos) - 1
        if i < 0:
            return None
        m = self.mentions[i]
        place = self.places.get(m.code)
        if place is None:
            return None
        if m.end != pos:
            city = level == "prefecture" and place.level == "county" and place.name.endswith("市")
            return place.code if city and m.start >= self._sentence_start(pos) else None
        own = {"county": "县旗", "prefecture": "市州盟", "province": "省", "district": "区"}.get(level, "")
        return place.code if place.name[-1:] in own else None

    def _lifted(self, pos, level):
        """The region of that level the text is about at pos: the last place named before pos at or below
        the level (or the report's primary place), raised to the level; None when there is none."""
        i = bisect.bisect_right(self.ends, pos) - 1
        candidates = [self.mentions[j].code for j in range(i, max(-1, i - 40), -1)] + list(self.primary)
        for code in candidates:
            lifted = self._raise(code, level)
            if lifted:
                return lifted
        return None

    def _raise(self, code, level):
        place = self.places.get(code)
        if place is None:
            return None
        if level == "county":
            return code if place.level == "county" else None
        if level == "district":  # 全区: the district named, else the autonomous region
            if place.level == "county":
                return code if place.name.endswith("区") else None
            province = self.places.get(code[:2] + "0000")
            return province.code if province and province.name.endswith("自治区") else None
        if level == "prefecture":
            if place.level == "province":  # 全市 of 重庆: the municipality
                return code if place.name.endswith("市") else None
            up = code[:4] + "00"
            return up if up in self.places else code[:2] + "0000"
        return code[:2] + "0000" if code[:2] + "0000" in self.places else None


def _scope_level(word):
    return SCOPE_WORDS.get(word) or LEVEL_WORDS.get(word, "national")
