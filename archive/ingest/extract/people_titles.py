"""Titles of people as printed: where one stands in a text (every title of people_patterns.TITLES and
its censored forms, 村*委书记), the words that qualify it before it (国家卫生计生委副主任, a place left
out: that is the person's region), and the mention a name under it makes."""

import re
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from archive.text import leftmost_longest

from .lexicon import freq
from .people_patterns import (
    HONORIFICS,
    PLACE_SUFFIXES,
    QUALIFIER_JOINERS,
    QUALIFIER_MAX,
    QUALIFIER_STOP_VERBS,
    QUALIFIER_TAGS,
    TITLES,
    TWO_CHAR_WORD_FREQ,
)


def _title_regex():
    alts = []
    for t in sorted(TITLES, key=len, reverse=True):
        alts.append("".join("[党*]" if ch == "党" else "[政*]" if ch == "政" else re.escape(ch) for ch in t))
    return "(?:" + "|".join(alts) + ")"


TITLE_RE = _title_regex()


@lru_cache(maxsize=1)
def _title_automaton():
    """Every title and its censored forms (村*委书记: 党 or 政 printed as *), in one Aho-Corasick automaton."""
    auto = ahocorasick.Automaton()
    for title in TITLES:
        forms = {""}
        for ch in title:
            forms = {f + c for f in forms for c in ((ch, "*") if ch in "党政" else (ch,))}
        for form in forms:
            auto.add_word(form, form)
    auto.make_automaton()
    return auto


def title_hits(text):
    """(start, end, title as printed), leftmost and longest first, not overlapping (as a regex finds them)."""
    return leftmost_longest((end + 1 - len(w), end + 1, w) for end, w in _title_automaton().iter(text))


@dataclass
class PersonMention:
    name: str
    title: str | None
    kind: str
    start: int
    title_printed: str | None = None
    region: str | None = None
    anchored: bool = True  # found beside a title, a speech verb or a credit (False: a tagger's reading alone)


def canonical_title(printed):
    if "*" in printed:
        for real in TITLES:
            if len(real) == len(printed) and all(a == b or a == "*" for a, b in zip(printed, real)):
                return real
    return printed


def titled(title_printed, region=None, qualifier=""):
    """A maker of mentions under this title: kind by the title, the title shown as printed with what
    qualifies it, censored characters restored; an honorific (同志) anchors a name but is no title."""
    title = canonical_title(title_printed)
    if title in HONORIFICS:
        return lambda name, at: PersonMention(name, None, "other", at)
    shown = qualifier + title
    kind = TITLES.get(title.split("、", 1)[0], "other")
    return lambda name, at: PersonMention(name, shown, kind, at, title_printed, region)


_TITLE_AT_END = re.compile(rf"{TITLE_RE}$")


def qualifier_of(names, start, title):
    """The words qualifying the title printed at start (QUALIFIER_TAGS), places left out."""
    tokens, text = names.tokens, names.text
    if title[:1] in PLACE_SUFFIXES and text[start - 1 : start] != "、":
        return ""  # 平利县委书记, 白崖峪村民: what stands before is the place's name (not 县委副书记、县长)
    i = tokens.index_ending_at(start)
    a = start
    if i is None:  # the title starts inside a word of the segmenter's (执行|主席, 财政|部长, 国务院扶贫办|主任)
        j = tokens.index_holding(start)
        if j is not None and tokens.tags[j].startswith(QUALIFIER_TAGS) and tokens.tags[j] not in ("nr", "ns"):
            a, i = tokens.starts[j], j - 1
    while i is not None and i >= 0 and start - tokens[i].start <= QUALIFIER_MAX:
        t = tokens[i]
        if (
            t.tag.startswith(QUALIFIER_TAGS)
            and t.tag not in ("nr", "ns")
            and t.word not in QUALIFIER_STOP_VERBS  # (jieba tags 会见 a noun too)
            and not (t.tag.startswith("v") and len(t.word) < 2)
        ):
            a = t.start
        elif t.word in QUALIFIER_JOINERS and a < start and i > 0 and tokens[i - 1].tag.startswith(QUALIFIER_TAGS):
            a = t.start
        elif t.word == "、" and _TITLE_AT_END.search(text, max(0, t.start - QUALIFIER_MAX), t.start):
            a = t.start  # another title before this one, joined by 、 (县委副书记、县长)
        else:
            break
        i -= 1
    while (
        a < start
        and (tok := tokens.at(a)) is not None
        and (tok.tag.startswith("v") or tok.word == "、" or tok.word in QUALIFIER_JOINERS)
    ):
        a = tok.end  # it starts with a noun (…局长杨晓渡和中共中央组织部副部长齐玉: not 和)
    phrase = text[a:start]
    places = [b for _s, b in names.places_ending_in(a, start)] + [
        a + k + 1 for k, ch in enumerate(phrase) if ch in PLACE_SUFFIXES and tokens.is_boundary(a + k + 1)
    ]
    if places:
        cut = max(places)
        if (text[cut : cut + 1] or title[:1]) == "委" and text[cut - 1 : cut] in PLACE_SUFFIXES:
            cut -= 1  # 福建省委副书记: 省委副书记, the place's level kept with its party committee
        phrase = text[cut:start]  # 安康市博元实业有限公司总经理 -> 博元实业有限公司总经理
    return canonical_title(phrase) if "*" in phrase else phrase


def doubtful_after_titles(text):
    """Where a title is followed by what may be a word rather than a name (群众乔迁新居, 工作者应坚定):
    the statistical tagger is to read those sentences too (proper_nouns.tag_many's read_at)."""
    out = []
    for _s, end, _t in title_hits(text):
        if any(freq(text[k : k + 2]) >= TWO_CHAR_WORD_FREQ for k in (end, end + 1)):
            out.append(end)
    return out
