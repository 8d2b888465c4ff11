"""Initiatives (named programmes and local models) and the report's categories.

1. The programmes of the thesaurus (archive/programmes.py), by any of their names, in one
   Aho-Corasick pass (the longest name at each place; a `quoted` name only inside quotes).
2. Local named models, where reports print them (initiative_patterns.py):
   a. a quoted name followed within a few characters by 模式/机制/改革/制/工程/行动… ("138"模式,
      “镇园产业联盟”模式), or ending in such a word itself (“集体经济破零行动”);
   b. a quoted name that a policy verb takes as its object (依靠“借芋还芋”, 推行“四社融合”), or that
      names a programme-like thing (“扶贫庭院”, “千企扶千村”);
   c. an unquoted name after a launching verb, ending in 工程/行动/计划 (启动实施医疗健康精准扶贫工程);
   d. the items of a list before 等办法/等模式 (推出社会化企业扶贫、光伏扶贫等办法);
   e. two to four characters right before 模式 (车河模式).
Each is reported as printed (simplified), with the programme it names, if any, and a category:
the programme's; else the taxonomy keywords in its name, else in its sentence. The report's
categories follow from its programmes and from the text's evidence: each category scores
PROGRAMME_WEIGHT for a programme of it and a point for each word of its evidence
(archive/taxonomy.py) printed; EVIDENCE_MIN points put the report in it.
"""

import re
from functools import lru_cache

import ahocorasick

from archive.programmes import BY_KEY, NAMES, QUOTED_ONLY, programme_of
from archive.taxonomy import CATEGORIES, CATEGORY_KEYWORDS
from archive.text import HAN as _CJK
from archive.text import Sentences as _Sentences
from archive.text import leftmost_longest

from .initiative_patterns import (
    BARE_COMMON_TAIL_FREQ,
    BARE_MODEL_MAX,
    BARE_MODEL_MIN,
    BARE_MODEL_STOPWORDS,
    EVIDENCE_MIN,
    GAP_NOT,
    GENERIC_HEADS,
    LAUNCH_VERBS,
    LAUNCHED_MAX,
    LAUNCHED_MIN,
    LAUNCHED_WORDS,
    LIST_ENDS,
    LIST_HEADS,
    LIST_ITEM_MAX,
    LIST_ITEM_MIN,
    MODEL_GAP,
    MODEL_WORDS,
    NOT_A_NAME,
    POLICY_VERBS,
    PROGRAMME_WEIGHT,
    QUOTED_MAX,
    QUOTED_NOT_MODELS,
    QUOTED_OBJECT_MAX,
)
from .lexicon import freq

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
_BARE = re.compile(rf"(?<![{_CJK}])(?P<name>[{_CJK}]{{{BARE_MODEL_MIN},{BARE_MODEL_MAX}}})模式")


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


def _programme_hits(text):
    """(start, end, name) of the thesaurus's names, the longest at each place."""

    def keep(hit):
        start, end, name = hit
        return name not in QUOTED_ONLY or (text[start - 1 : start] in '“"「' and text[end : end + 1] in '”"」')

    return leftmost_longest(((end - len(name) + 1, end + 1, name) for end, name in _automaton().iter(text)), keep)


def _clean(name):
    return name.strip(' “”"「」、')


def find_initiatives(text):
    """[{name, programme, category}] in order of first appearance, one per name as printed."""
    found = {}
    sentences = _Sentences(text)

    def add(name, pos, programme=None):
        name = _clean(name)
        if len(name) < 2 or name in found or any(ch in NOT_A_NAME for ch in name):
            return
        programme = programme or programme_of(name)
        category = BY_KEY[programme].category if programme else ""
        found[name] = {
            "name": name,
            "programme": programme,
            "category": category or categorize(name, sentences.at(pos)),
        }

    for start, _end, name in _programme_hits(text):
        add(name, start, NAMES[name])
    for m in _QUOTED.finditer(text):
        name = m.group("name")
        if name in QUOTED_NOT_MODELS:
            continue
        after = _GAP_MODEL.match(text, m.end())
        gap = after.group("gap") if after else ""
        if after and not any(w in gap for w in GAP_NOT) and (not gap.startswith(("的", "等")) or gap in ("的", "等")):
            word = after.group("word")  # “三北”工程, “三变”改革, “总队长”制: the word is part of the name
            add(
                name + (word if gap == "" and not name.endswith(word) and word not in ("做法", "经验", "办法") else ""),
                m.start(),
            )
        elif _ENDS_MODEL.search(name) and len(name) >= 4:
            add(name, m.start())
        elif len(name) <= QUOTED_OBJECT_MAX and _VERB_BEFORE.search(text, max(0, m.start() - 6), m.start()):
            add(name, m.start())
    for m in _LAUNCHED.finditer(text):
        name = m.group("name").rpartition("的")[2]
        head = _WORD_END.sub("", name)
        if "等" not in name and len(head) >= 2 and not head.startswith(GENERIC_HEADS):
            add(name, m.start("name"))
    for m in _LIST.finditer(text):
        for item in m.group("items").split("、"):
            if LIST_ITEM_MIN <= len(_clean(item)) <= LIST_ITEM_MAX:
                add(item, m.start("items"))
    for m in _BARE.finditer(text):
        name = m.group("name")
        if (
            not name.startswith(BARE_MODEL_STOPWORDS)
            and not name.endswith(BARE_MODEL_STOPWORDS)
            and freq(name[-2:]) < BARE_COMMON_TAIL_FREQ
        ):
            add(name + "模式", m.start())
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
    """The report's categories: its programmes' and its text's evidence (see the module's docstring)."""
    score = {cat: sum(1 for _ in _EVIDENCE[cat].finditer(text)) for cat in CATEGORIES}
    for programme in {i["programme"] for i in initiatives if i.get("programme")}:
        cat = BY_KEY[programme].category
        if cat:
            score[cat] += PROGRAMME_WEIGHT
    return [cat for cat in CATEGORIES if score[cat] >= EVIDENCE_MIN]
