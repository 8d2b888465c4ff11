"""People with their title as printed and a kind.

Found by four patterns over the normalised text, each anchored on something
that is not the name itself (a name alone is never enough):
1. TITLE + NAME (县委书记郑小东, 村*委书记陈光玉), an optional place before the
   title tying the person to it (平利县委书记 -> 平利县);
2. NAME + speech verb after a boundary (“...”陈封学说 -> 陈封学);
3. photo credits (马俊摄) and a closing author credit ((刘毅));
4. the byline and editor the metadata stage read.
A name is a surname (people_patterns.SURNAMES) and one or two more
characters; the two-character reading wins when the third character starts a
dictionary word with what follows (胡珂立下 -> 胡珂, 陈焕乐呵呵 -> 陈焕), and a
candidate whose given name is a common word (高兴) is dropped.
"""

import re
from dataclasses import dataclass

import jieba

from .people_patterns import (COMMON_WORD_FREQ, COUNTY_TITLES, DOUBLE_SURNAMES, NOT_NAMES, SPEECH, SURNAMES,
                              TITLES)

_CJK = "\u4e00-\u9fff"


def _title_regex():
    alts = []
    for t in sorted(TITLES, key=len, reverse=True):
        alts.append("".join("[党*]" if ch == "党" else "[政*]" if ch == "政" else re.escape(ch) for ch in t))
    return "(?:" + "|".join(alts) + ")"


_TITLE_RE = _title_regex()
_TITLE_NAME = re.compile(rf"(?P<title>{_TITLE_RE})(?P<name>[{_CJK}]{{2,3}})")
_SPEAKER = re.compile(rf"(?:^|(?<=[，,。；;：:！!？?“”\"（(）)、\s]))(?P<name>[{_CJK}]{{2,3}}?)(?:{'|'.join(SPEECH)})")
_PHOTO = re.compile(rf"(?P<name>[{_CJK}]{{2,3}})摄(?=$|[\s。）)])", re.M)
_AUTHOR = re.compile(rf"[（(](?P<name>[{_CJK}]{{2,3}})[）)]\s*$", re.M)
_CANON_TITLES = {re.sub(r"[*]", "", t): t for t in TITLES}


@dataclass
class PersonMention:
    name: str
    title: str | None
    kind: str
    start: int
    title_printed: str | None = None
    region: str | None = None


def _freq(word):
    return jieba.dt.FREQ.get(word, 0)


def split_name(text, start, end_max):
    """The name at text[start:], two or three characters, or None."""
    head = text[start:start + 2]
    if head in DOUBLE_SURNAMES:
        surname_len = 2
    elif text[start] in SURNAMES:
        surname_len = 1
    else:
        return None
    best = None
    for length in (surname_len + 2, surname_len + 1):
        if start + length > end_max:
            continue
        name = text[start:start + length]
        if not re.fullmatch(f"[{_CJK}]+", name):
            continue
        given = name[surname_len:]
        if _freq(given) >= COMMON_WORD_FREQ or _freq(name) >= COMMON_WORD_FREQ:
            continue
        # a dictionary word starting inside the given name and running past the name's end
        after = text[start + length:start + length + 4]
        crosses = any(_freq(given[i:] + after[:k]) >= 20 for i in range(len(given)) for k in range(1, len(after) + 1)
                      if len(given[i:]) + k >= 2)
        if crosses:
            continue
        best = name
        break
    if best and any(b in best for b in NOT_NAMES):
        return None
    return best


def _canonical_title(printed):
    if "*" in printed:
        for real in TITLES:
            if len(real) == len(printed) and all(a == b or a == "*" for a, b in zip(printed, real)):
                return real
    return printed


def find_people(text, region_at=None):
    """PersonMentions in order of appearance; region_at(offset) names the place printed just before."""
    found = []
    for m in _TITLE_NAME.finditer(text):
        name = split_name(text, m.start("name"), len(text))
        if not name:
            continue
        title = _canonical_title(m.group("title"))
        region = region_at(m.start("title")) if region_at else None
        found.append(PersonMention(name, title, TITLES.get(title, "other"), m.start("name"), m.group("title"), region))
    for m in _SPEAKER.finditer(text):
        name = split_name(text, m.start("name"), m.end("name"))
        if name and len(name) == len(m.group("name")):
            found.append(PersonMention(name, None, "other", m.start("name")))
    for m in _PHOTO.finditer(text):
        name = split_name(text, m.start("name"), m.end("name"))
        if name:
            found.append(PersonMention(name, "摄影", "journalist", m.start("name")))
    for m in _AUTHOR.finditer(text):
        name = split_name(text, m.start("name"), m.end("name"))
        if name and len(name) == len(m.group("name")):
            found.append(PersonMention(name, "作者", "journalist", m.start("name")))
    return found


def merge_people(mentions, primary_county=None):
    """One entry per (name, region): the first title printed wins, a titled mention beats an untitled one."""
    people = {}
    for pm in mentions:
        region = pm.region
        if region is None and pm.title and primary_county and pm.title_printed and pm.title_printed.startswith(COUNTY_TITLES):
            region = primary_county
        key = pm.name
        cur = people.get(key)
        if cur is None or (cur["title"] is None and pm.title):
            people[key] = {"name": pm.name, "title": pm.title, "kind": pm.kind, "region": region or (cur or {}).get("region")}
        elif region and not cur["region"]:
            cur["region"] = region
    return list(people.values())
