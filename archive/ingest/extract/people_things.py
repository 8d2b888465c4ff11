"""Persons the statistical tagger reads where the report shows a thing or a piece of a longer name.

A name found by a tagger alone (no title, speech verb or credit beside it) is no person when the
report prints it as a country's side or army (巴方, 乌军), as a people (辉山人), or, anywhere, with a
place's level (伊德利卜省), a place's, a disease's or a body's word beside it (埃博拉疫情, 巴赫穆特方向, 攻入苏赫奈, 抵达梅图拉, 在阿布贾会见), or where the
tagger reads the same string as a place or an organisation elsewhere. Any name is a fragment when it
starts inside a longer person the tagger read (米舒斯京: not 舒斯京) or right after a name's dot or another mention of the report
ends with it where it stands (丁薛祥 … 薛祥)."""

import re

from .names import NAME_DOTS
from .people_patterns import (
    COUNTRY_PARTY,
    COUNTRY_SHORT,
    COUNTRY_SIDE,
    NOT_NAME_ENDS,
    PLACE_AFTER_OF,
    PLACE_SUFFIXES,
    THING_AFTER,
    THING_BEFORE,
    VENUE_AFTER,
)
from .people_titles import TITLE_RE

_THING_WINDOW = max(map(len, THING_BEFORE))
_TITLE_AT = re.compile(TITLE_RE)


def is_country_side(name):
    """A country's short name and its side, whatever is glued on (巴方, 巴方愿): never a person, anchored
    or not (欧方表示)."""
    return len(name) >= 2 and name[0] in COUNTRY_SHORT and name[1] == COUNTRY_PARTY  # (马军胜: 军 names people)


def is_thing(names, name):
    """The report shows this unanchored name to be a thing (see above)."""
    if len(name) == 2 and name[0] in COUNTRY_SHORT and (name[1] in COUNTRY_SIDE or name[1] in COUNTRY_SHORT):
        return True
    if name[-1] in NOT_NAME_ENDS:
        return True
    text = names.text
    for s in names.occurrences(name):
        e = s + len(name)
        if (
            text.startswith(THING_AFTER, e)
            or (text[e : e + 1] in PLACE_SUFFIXES and not _TITLE_AT.match(text, e))  # 伊德利卜省 (not 李强市长)
            or (text[e : e + 1] == "的" and text.startswith(PLACE_AFTER_OF, e + 1))
            or text[max(0, s - _THING_WINDOW) : s].endswith(THING_BEFORE)
            or (text[s - 1 : s] == "在" and text.startswith(VENUE_AFTER, e))
        ):
            return True
        if names.nouns is not None:
            w = names.nouns.word_at(s)
            if w is not None and w[0] == s and w[1] == e and w[2] in ("LOC", "ORG"):
                return True
    return False


def fragments(names, found):
    """The starts of mentions that are part of a longer name (see above)."""
    out = set()
    by_name = {pm.name for pm in found}
    text = names.text
    for pm in found:
        if pm.kind == "journalist":
            continue
        if text[pm.start - 1 : pm.start] in NAME_DOTS and pm.start:
            out.add(pm.start)  # (贾卡亚·绍里姆·)基奎特: no name starts after a name's dot
            continue
        if names.nouns is not None:
            w = names.nouns.word_at(pm.start)
            if w is not None and w[2] == "PER" and w[0] < pm.start and w[1] >= pm.start + len(pm.name):
                out.add(pm.start)
                continue
        for longer in by_name:
            k = len(longer) - len(pm.name)
            if k > 0 and longer.endswith(pm.name) and pm.start >= k and text[pm.start - k : pm.start] == longer[:k]:
                out.add(pm.start)
                break
    return out
