"""Initiatives (named programmes and local models) and the report's categories.

1. The programmes of the thesaurus (archive/programmes.py), by any of their names, in one
   Aho-Corasick pass (the longest name at each place; a `quoted` name only inside quotes, a `shared` one
   only with a cue word of its own sentence besides its own).
2. Local named models, where reports print them (initiative_patterns.py):
   a. a quoted name followed within a few characters by 模式/机制/改革/制/工程/行动… ("138"模式,
      “镇园产业联盟”模式), or ending in such a word itself (“集体经济破零行动”);
   b. a quoted name that a policy verb takes as its object (依靠“借芋还芋”, 推行“四社融合”), or that
      names a programme-like thing (“扶贫庭院”, “千企扶千村”);
   c. an unquoted name after a launching verb, ending in 工程/行动/计划 (启动实施医疗健康精准扶贫工程);
   d. the items of a list before 等办法/等模式 (推出社会化企业扶贫、光伏扶贫等办法);
   e. two to four characters right before 模式 (车河模式);
   f. a number model: two numerals each with its word (三联三帮, 六到户六落实, 一户一策), no idiom;
   g. a compound named for poverty alleviation ending in a kind of thing (脱贫致富电视夜校, 扶贫夜校,
      医疗健康精准扶贫试点工程), read back over the segmenter's nouns.
A name is kept only where the text is about poverty alleviation: a cue word (扶贫, 脱贫, 贫困 …) in
the name or within CUE_WINDOW characters of it; a thesaurus name holding a cue counts anywhere.
So 军令状 of a reform, 放管服改革 or 两国方案 are none.
Each is reported as printed (simplified), with the programme it names, if any, and a category from
its own words: the programme's; else the taxonomy keywords in its name (a thesaurus name inside it
counts with its programme's category). The report's categories follow from its programmes and from
the text's evidence about poverty alleviation: each category scores PROGRAMME_WEIGHT for a
programme of it and a point for each word of its evidence (archive/taxonomy.py) printed with a
cue word within CUE_WINDOW characters (anywhere, when the headline holds one); EVIDENCE_MIN points
put the report in it.
"""

import re
from functools import lru_cache

import ahocorasick

from archive.programmes import BY_KEY, NAMES, QUOTED_ONLY, SHARED, programme_of
from archive.taxonomy import CATEGORIES, CATEGORY_KEYWORDS
from archive.text import HAN as _CJK
from archive.text import Sentences, is_han, leftmost_longest

from .initiative_patterns import (
    BARE_COMMON_TAIL_FREQ,
    BARE_KIND_MAX,
    BARE_KIND_MIN,
    BARE_KIND_NOT_HEADS,
    BARE_KIND_VERBS,
    BARE_KINDS,
    BARE_MODEL_MAX,
    BARE_MODEL_MIN,
    BARE_MODEL_STOPWORDS,
    COLUMN_CLOSE,
    COLUMN_OPEN,
    COMPOUND_CUE_WORDS,
    COMPOUND_KINDS,
    COMPOUND_KINDS_NEED_HEAD,
    COMPOUND_MAX,
    COMPOUND_NOT_HEAD_END,
    COMPOUND_NOT_START,
    COMPOUND_PLACE_TAGS,
    COMPOUND_TAGS,
    COUNT_WORDS,
    CUE_WINDOW,
    EVIDENCE_MIN,
    EVIDENCE_SHORT,
    EVIDENCE_SHORT_WINDOW,
    GAP_NOT,
    GENERIC_HEADS,
    LAUNCH_VERBS,
    LAUNCHED_MAX,
    LAUNCHED_MIN,
    LAUNCHED_NOT_FIRST,
    LAUNCHED_WORDS,
    LIST_ENDS,
    LIST_HEADS,
    LIST_ITEM_MAX,
    LIST_ITEM_MIN,
    LOCAL_CUE_IN_SENTENCE,
    MODEL_GAP,
    MODEL_WORDS,
    MODEL_WORDS_APART,
    NEWSROOM_WORDS,
    NOT_A_NAME,
    NOT_PROGRAMMES,
    NUMBER_COMMON_FREQ,
    NUMBER_JOINERS,
    NUMBER_MODEL_MAX,
    NUMBER_MODEL_MIN,
    NUMBER_NOT_END,
    NUMBER_PART_MAX,
    NUMBER_PART_NOT,
    NUMBER_PLACE_NEXT,
    NUMERALS,
    OF_GAP,
    OFFICE_WORDS,
    PLAIN_GAP,
    PLAN_ENDS,
    PLAN_MAX,
    PLAN_MIN,
    POLICY_VERBS,
    POVERTY_CUES,
    PROGRAMME_WEIGHT,
    QUOTED_CUE_KINDS,
    QUOTED_CUE_MAX,
    QUOTED_MAX,
    QUOTED_NEAR_KINDS,
    QUOTED_NOT_MODELS,
    QUOTED_NUMBER_MAX,
    QUOTED_OBJECT_MAX,
    REPORT_CUE_DENSITY,
    REPORT_CUES_MIN,
)
from .lexicon import freq
from .tagger import tag

_MODEL_WORD = "|".join(sorted(MODEL_WORDS, key=len, reverse=True))
_QUOTED = re.compile(rf"[“\"「](?P<name>[^”\"」\n]{{1,{QUOTED_MAX}}})[”\"」]")
_GAP_MODEL = re.compile(rf"(?P<gap>[{_CJK}]{{0,{MODEL_GAP}}}?)(?P<word>{_MODEL_WORD})")
_ENDS_MODEL = re.compile(rf"(?:{_MODEL_WORD})$")
_VERB_BEFORE = re.compile(rf"(?:{'|'.join(sorted(POLICY_VERBS, key=len, reverse=True))})(?:了|出|起)?$")
_LAUNCHED = re.compile(
    rf"(?:{'|'.join(sorted(LAUNCH_VERBS, key=len, reverse=True))})(?:了)?(?:(?:19|20)\d{{2}}年)?"
    rf"(?P<name>[{_CJK}]{{{LAUNCHED_MIN - 2},{LAUNCHED_MAX - 2}}}?(?:{'|'.join(LAUNCHED_WORDS)}))"
)
_LIST = re.compile(
    rf"(?:{'|'.join(LIST_HEADS)})(?:了|出)?(?P<items>[{_CJK}、“”]{{{LIST_ITEM_MIN},80}}?)(?:{'|'.join(LIST_ENDS)})"
)
_WORD_END = re.compile(rf"(?:{'|'.join(sorted(LAUNCHED_WORDS, key=len, reverse=True))})$")
_BARE_KIND_END = re.compile(rf"(?:{'|'.join(BARE_KINDS)})$")
_BARE = re.compile(rf"(?<![{_CJK}])(?P<name>[{_CJK}]{{{BARE_MODEL_MIN},{BARE_MODEL_MAX}}})模式")
_CUE = re.compile("|".join(POVERTY_CUES))
_BARE_KIND = re.compile(
    rf"(?:{'|'.join(sorted(set(BARE_KIND_VERBS), key=len, reverse=True))})(?:了|出)?"
    rf"(?P<name>[{_CJK}]{{{BARE_KIND_MIN},{BARE_KIND_MAX}}}?(?:{'|'.join(BARE_KINDS)}))"
)
_NOT_PROGRAMME = re.compile("|".join(map(re.escape, sorted(NOT_PROGRAMMES, key=len, reverse=True))))
_COMPOUND_STOPS = tuple({*COMPOUND_NOT_START, *LAUNCH_VERBS, *POLICY_VERBS})  # a word ending in one: 大力开展
_NUMBER_NAME = re.compile(rf"[{NUMERALS}][^{NUMERALS}]{{1,{QUOTED_NUMBER_MAX - 3}}}[{NUMERALS}].*")
_PLAN = re.compile(rf"《(?P<name>[^《》\n]{{{PLAN_MIN},{PLAN_MAX}}}?)(?:[（(][^）)]*[）)])?》")
_PLAN_END = re.compile(rf"(?:{'|'.join(PLAN_ENDS)})$")
_COMPOUND_KIND = re.compile("|".join(sorted(COMPOUND_KINDS, key=len, reverse=True)))
_NOT_CJK_TAIL = re.compile(rf"[^{_CJK}]+(?=[{_CJK}]*$)")
_NUMERAL_PARTS = re.compile(rf"([{NUMERALS}])([^{NUMERALS}]*)")
_COLUMN = re.compile(rf"{COLUMN_OPEN}[^{COLUMN_CLOSE}\n]*{COLUMN_CLOSE}")
_NUMBER_START = re.compile(
    rf"(?<![{NUMERALS}\d])[{NUMERALS}](?P<w>(?:(?![{NUMERALS}])[{_CJK}]){{1,{NUMBER_PART_MAX}}})(?=[{NUMERALS}])"
)


@lru_cache(maxsize=1)
def _automaton():
    auto = ahocorasick.Automaton()
    for name in NAMES:
        auto.add_word(name, name)
    auto.make_automaton()
    return auto


def categorize(phrase, context=""):
    for text in (phrase, context):
        for cat in CATEGORIES:
            if any(k in text for k in CATEGORY_KEYWORDS[cat]):
                return cat
    return ""


def _own_category(name):
    """A local model's category from its own words: the taxonomy's keywords in its name, else the category
    of a programme of the thesaurus it holds (医疗健康精准扶贫工程 holds 精准扶贫, of no category, and 医疗)."""
    if cat := categorize(name):
        return cat
    return next((BY_KEY[NAMES[n]].category for _s, _e, n in _programme_hits(name) if BY_KEY[NAMES[n]].category), "")


def _about_poverty(text, name, start, end, sentences=None):
    """A cue word (POVERTY_CUES) in the name or within CUE_WINDOW characters of it; with sentences (a report
    not about poverty alleviation, LOCAL_CUE_IN_SENTENCE), in the name's own sentence."""
    if _CUE.search(name):
        return True
    if sentences is not None:
        lo, hi = sentences.bounds(start)
        return bool(_CUE.search(text, lo, max(hi, end)))
    return bool(_CUE.search(text, max(0, start - CUE_WINDOW), end + CUE_WINDOW))


def _cue_beside(text, start, end, sentences):
    """A cue word in the sentence of text[start:end] outside it (移民搬迁 has its own 搬迁, no evidence)."""
    lo, hi = sentences.bounds(start)
    return any(m.start() >= end or m.end() <= start for m in _CUE.finditer(text, lo, max(hi, end)))


def _whole_words(text, start, end):
    """Whether text[start:end] begins and ends where the segmenter's words do, read in its clause
    (一思想一鼓作 of 统一思想、一鼓作气 does neither)."""
    lo, hi = max(0, start - 12), min(len(text), end + 12)
    tokens = tag(text[lo:hi])
    bounds = {0, *(t.end for t in tokens)}
    return start - lo in bounds and end - lo in bounds


def _word_start(text, start, end):
    """Where a launched name begins: at the segmenter's first word boundary from start, past a one-character
    word of degree or aspect (实施好|国有企业改革三年行动, 2022年度|智能制造…行动)."""
    lo = max(0, start - 6)
    tokens = [t for t in tag(text[lo:end]) if lo + t.start >= start]
    if tokens:
        start = lo + tokens[0].start
        if len(tokens[0].word) == 1 and tokens[0].tag in LAUNCHED_NOT_FIRST:
            start += 1
    return start


def _common_part(numeral, part):
    """A number model's part that is a common word with its numeral (一起, 十分, 一步, 一系列)."""
    return max(freq(numeral + part[:1]), freq(numeral + part[:2])) >= NUMBER_COMMON_FREQ


def _prose_part(numeral, part):
    """A number model's part that is prose: a common word with its numeral or a particle."""
    return any(ch in NUMBER_PART_NOT for ch in part) or _common_part(numeral, part)


def _quoted_saying(name):
    """A quoted run of numerals that is a saying, not a model: a part with its numeral is a common word
    (“两场硬仗一起打”, “一步跨千年”, “八山一水一分田”); “五通八有”, “百企联百村” are none."""
    return any(_common_part(n, p) for n, p in _NUMERAL_PARTS.findall(name) if p)


def _number_models(text):
    """(start, name) of the number models (三联三帮, 六到户六落实, 一村一品一户一业): each part as long as the first."""
    last = 0
    for m in _NUMBER_START.finditer(text):
        if m.start() < last:
            continue
        k, pos, parts = len(m["w"]), m.end(), [m["w"]]
        while pos < len(text) and text[pos] in NUMERALS and len(parts) < 4:
            word = text[pos + 1 : pos + 1 + k]
            if len(word) < k or not all(is_han(ch) and ch not in NUMERALS for ch in word):
                break
            parts.append(word)
            pos += 1 + k
        name = text[m.start() : pos]
        numerals = [name[i * (k + 1)] for i in range(len(parts))]
        if (
            len(parts) < 2
            or not NUMBER_MODEL_MIN <= len(name) <= NUMBER_MODEL_MAX
            or all(p[0] in COUNT_WORDS for p in parts)  # 一亩地一次: counts
            or len({p[0] for p in parts}) < len(parts)  # 一代接着一代, 一年比一年: one thing counted again
            or any(p in NUMBER_JOINERS for p in parts)  # 三到五个, 一对一的
            or name[-1] in NUMBER_NOT_END
            or freq(name)
            or freq(name[: k + 2])  # an idiom the dictionary knows: 三心二意, 千家万户; 一对一
            or name in QUOTED_NOT_MODELS
            or any(_prose_part(n, p) for n, p in zip(numerals, parts))  # 一家围坐一起, 十年来一直
            or not _whole_words(text, m.start(), pos)  # 一思想一鼓作 of 一鼓作气
            or text[pos : pos + 1] in NUMBER_PLACE_NEXT  # 百色百坭|村: a place's name
        ):
            continue
        last = pos
        yield m.start(), name


def _compounds(text):
    """(start, name) of compounds named for poverty alleviation ending in a kind (脱贫致富电视夜校)."""
    for m in _COMPOUND_KIND.finditer(text):
        start = max(0, m.start() - COMPOUND_MAX)
        window = _NOT_CJK_TAIL.search(text, start, m.start())
        start = window.end() if window else start
        if not _CUE.search(text, start, m.start()):
            continue
        tokens = tag(text[start : m.start()])
        i = len(tokens)
        while i and (
            (tokens[i - 1].tag in COMPOUND_TAGS and not tokens[i - 1].word.endswith(_COMPOUND_STOPS))
            or tokens[i - 1].word in COMPOUND_CUE_WORDS
        ):
            i -= 1
        while i < len(tokens) and (
            tokens[i].tag in COMPOUND_PLACE_TAGS or tokens[i].tag == "vn" or len(tokens[i].word) == 1
        ):
            i += 1  # the place before it (乌兰察布市兴和县), a verb that takes it (落实|健康扶贫工程), a cut word
        head = "".join(t.word for t in tokens[i:])
        if not any(w in head for w in COMPOUND_CUE_WORDS) or head.endswith(COMPOUND_NOT_HEAD_END):
            continue  # 广西扶贫办|计划选派: an office that plans
        if m.group() in COMPOUND_KINDS_NEED_HEAD and (head in NAMES or head in COMPOUND_CUE_WORDS):
            continue  # 生态扶贫工程, 精准扶贫工程: a programme's name and an ordinary word, no name of their own
        yield m.start() - len(head), head + m.group()


def _bare_kinds(text, sentences):
    """(start, name) of short unquoted names of a kind after a verb that makes them (推出阳光存折), a cue word
    in their sentence."""
    for m in _BARE_KIND.finditer(text):
        name, start = m.group("name"), m.start("name")
        head = _BARE_KIND_END.sub("", name)
        if any(w in head for w in BARE_KIND_NOT_HEADS) or freq(name) or not _whole_words(text, start, m.end("name")):
            continue
        sentences = sentences or Sentences(text)
        lo, hi = sentences.bounds(start)
        if _CUE.search(text, lo, hi):
            yield start, name


def _programme_hits(text):
    """(start, end, name) of the thesaurus's names, the longest at each place."""

    def keep(hit):
        start, end, name = hit
        if text.startswith(OFFICE_WORDS, end):
            return False  # 国家乡村振兴局: an office named for the programme
        return name not in QUOTED_ONLY or (text[start - 1 : start] in '“"「' and text[end : end + 1] in '”"」')

    return leftmost_longest(((end - len(name) + 1, end + 1, name) for end, name in _automaton().iter(text)), keep)


def _clean(name):
    return name.strip(' “”"「」、')


def _about_poverty_report(text):
    """At least REPORT_CUES_MIN cue words, REPORT_CUE_DENSITY of them a thousand characters."""
    cues = sum(1 for _ in _CUE.finditer(text))
    return cues >= REPORT_CUES_MIN and cues * 1000 >= REPORT_CUE_DENSITY * len(text)


def find_initiatives(text):
    """[{name, programme, category}] in order of first appearance, one per name as printed."""
    found = {}
    poverty_report = _about_poverty_report(text)
    sentences = Sentences(text) if LOCAL_CUE_IN_SENTENCE and not poverty_report else None
    headline_cue = bool(_CUE.search(text.partition("\n")[0]))  # 扶贫治沙: the whole report is about it
    excluded = [(m.start(), m.end()) for m in _NOT_PROGRAMME.finditer(text)]  # 一降一补 of 三去一降一补 is none
    excluded += [(m.start(), m.end()) for m in _COLUMN.finditer(text)]  # 【脱贫攻坚在行动】: a programme's title

    def add(name, pos, programme=None):
        name = _clean(name)
        if len(name) < 2 or name in found or any(ch in NOT_A_NAME for ch in name) or name in NOT_PROGRAMMES:
            return
        if any(s <= pos and pos + len(name) <= e for s, e in excluded):
            return
        near = sentences if programme is None else None  # a thesaurus name keeps CUE_WINDOW
        if (
            not (programme and poverty_report)
            and not (headline_cue and poverty_report)
            and not _about_poverty(text, name, pos, pos + len(name), near)
        ):
            return  # 军令状 of a reform, 放管服改革, 两国方案: no word about poverty alleviation near it
        programme = programme or programme_of(name)
        found[name] = {
            "name": name,
            "programme": programme,
            "category": BY_KEY[programme].category if programme else _own_category(name),
        }

    for start, end, name in _programme_hits(text):
        if name not in SHARED or _cue_beside(text, start, end, sentences or Sentences(text)):
            add(name, start, NAMES[name])
    for m in _QUOTED.finditer(text):
        name = m.group("name")
        after = _GAP_MODEL.match(text, m.end())
        gap = after.group("gap") if after else ""
        if name in QUOTED_NOT_MODELS:
            continue
        if any(w in name + text[m.end() : m.end() + MODEL_GAP] for w in NEWSROOM_WORDS):
            excluded.append((m.start(), m.end()))  # “走向我们的小康生活”大型采访活动: a newsroom's campaign,
            continue  # nor is a number model inside it one (“百城千县万村调研活动”)
        of_kind = gap.startswith("的") and len(gap) <= OF_GAP + 1  # “一水两用、一地双收”的种养模式
        if (
            after
            and not any(w in gap for w in GAP_NOT)
            and (not gap.startswith(("的", "等")) or gap == "等" or of_kind)
            and (of_kind or len(gap) <= PLAIN_GAP)
        ):
            word = after.group("word")  # “三北”工程, “三变”改革, “总队长”制: the word is part of the name
            if word in MODEL_WORDS_APART and "的" in name:
                continue  # “中俄在对方最有影响的十部文学作品”评选: a description, no model's name
            add(
                name + (word if gap == "" and not name.endswith(word) and word not in MODEL_WORDS_APART else ""),
                m.start(),
            )
        elif _ENDS_MODEL.search(name) and len(name) >= 4:
            add(name, m.start())
        elif (
            len(name) <= QUOTED_NUMBER_MAX
            and _NUMBER_NAME.fullmatch(name)
            and "、" not in name
            and not set(name) <= COUNT_WORDS | set(NUMERALS)  # “两州一县”: places counted
            and not _quoted_saying(name)
        ):
            add(name, m.start())  # “百企联百村”, “五通八有”
        elif (
            len(name) <= QUOTED_CUE_MAX
            and any(w in name for w in COMPOUND_CUE_WORDS)
            and name.endswith(QUOTED_CUE_KINDS)
        ):
            add(name, m.start())  # “扶贫园”
        elif len(name) <= QUOTED_CUE_MAX and name.endswith(QUOTED_NEAR_KINDS) and "的" not in name:
            lo, hi = (sentences or Sentences(text)).bounds(m.start())
            if _CUE.search(text, lo, hi):
                add(name, m.start())  # 开办“农民夜校”，助力脱贫攻坚
        elif len(name) <= QUOTED_OBJECT_MAX and _VERB_BEFORE.search(text, max(0, m.start() - 6), m.start()):
            add(name, m.start())
    for m in _LAUNCHED.finditer(text):
        start = _word_start(text, m.end("name") - len(m.group("name").rpartition("的")[2]), m.end("name"))
        name = text[start : m.end("name")]
        head = _WORD_END.sub("", name)
        if "等" not in name and len(head) >= 2 and not head.startswith(GENERIC_HEADS) and head not in NAMES:
            add(name, start)
    for m in _LIST.finditer(text):
        for item in m.group("items").split("、"):
            item = _clean(item)
            own = _CUE.search(item) or (
                _ENDS_MODEL.search(item) and not _ENDS_MODEL.sub("", item).startswith(BARE_MODEL_STOPWORDS)
            )
            if LIST_ITEM_MIN <= len(item) <= LIST_ITEM_MAX and own:
                add(item, m.start("items"))  # 科学治理、节水增效、创新模式等措施: measures, no names
    for m in _BARE.finditer(text):
        name = m.group("name")
        if (
            not name.startswith(BARE_MODEL_STOPWORDS)
            and not name.endswith(BARE_MODEL_STOPWORDS)
            and freq(name[-2:]) < BARE_COMMON_TAIL_FREQ
        ):
            add(name + "模式", m.start())
    for m in _PLAN.finditer(text):
        name = re.sub('[“”"「」]', "", m.group("name"))  # 《“十三五”脱贫攻坚规划》: 十三五脱贫攻坚规划
        if _PLAN_END.search(name) and _CUE.search(name) and not name.startswith("关于"):
            add(name, m.start())
    for start, name in _number_models(text):
        add(name, start)
    for start, name in _compounds(text):
        add(name, start)
    for start, name in _bare_kinds(text, sentences):
        add(name, start)
    return _distinct(list(found.values()))


def _distinct(initiatives):
    """One name per programme where one printed name holds another (精准扶贫方略 holds 精准扶贫)."""
    return [
        i
        for i in initiatives
        if not any(
            j is not i and i["name"] in j["name"] and (j["programme"] == i["programme"] or i["programme"] is None)
            for j in initiatives
        )
    ]


_EVIDENCE = {
    cat: re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))
    for cat, words in CATEGORY_KEYWORDS.items()
}


def find_categories(text, initiatives=()):
    """The report's categories: its programmes' and its text's evidence about poverty alleviation (see the
    module's docstring): a word of evidence counts where a cue word is near it (_about_poverty), or
    anywhere in a report whose headline holds one."""
    score = dict.fromkeys(CATEGORIES, 0)
    headline = text.partition("\n")[0]
    about = bool(_CUE.search(headline))  # 红军村脱贫记: the whole report is about poverty alleviation (its
    # compound evidence counts anywhere in it; a one-word piece only near a cue word all the same)
    for cat in CATEGORIES:
        for m in _EVIDENCE[cat].finditer(text):
            word = m.group()
            window = EVIDENCE_SHORT_WINDOW if len(word) <= EVIDENCE_SHORT else CUE_WINDOW
            if (
                (about and len(word) > EVIDENCE_SHORT)
                or _CUE.search(word)
                or _CUE.search(text, max(0, m.start() - window), m.end() + window)
            ):
                score[cat] += 1
    for programme in {i["programme"] for i in initiatives if i.get("programme")}:
        cat = BY_KEY[programme].category
        if cat:
            score[cat] += PROGRAMME_WEIGHT
    return [cat for cat in CATEGORIES if score[cat] >= EVIDENCE_MIN]
