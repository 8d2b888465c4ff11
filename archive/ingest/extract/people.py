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

from .lexicon import freq as _freq
from .people_patterns import (
    COMMON_WORD_FREQ,
    COUNTY_TITLES,
    DOUBLE_SURNAMES,
    NAME_BAD_CHARS,
    NAME_END_BEFORE,
    NOT_NAMES,
    PERSON_AFTER_RE,
    PERSON_BEFORE,
    POST_TITLES,
    REPEATED_NAME_MIN,
    REPEATED_NOT_BEFORE,
    SPEECH,
    SURNAMES,
    TITLES,
    TWO_CHAR_WORD_FREQ,
)

_CJK = "\u4e00-\u9fff"


def _title_regex():
    alts = []
    for t in sorted(TITLES, key=len, reverse=True):
        alts.append("".join("[党*]" if ch == "党" else "[政*]" if ch == "政" else re.escape(ch) for ch in t))
    return "(?:" + "|".join(alts) + ")"


_TITLE_RE = _title_regex()
_TITLE_NAME = re.compile(rf"(?P<title>{_TITLE_RE}) ?(?P<name>[{_CJK}]{{2,3}})")
_BOUNDARY = r"(?:^|(?<=[，,。；;：:！!？?“”\"（(）)、\s]))"
_NAME_TITLE = re.compile(rf"{_BOUNDARY}(?P<name>[{_CJK}]{{2,3}}?)(?P<title>{'|'.join(POST_TITLES)})")
_APPOSITION = re.compile(rf"作为[^，,。]{{0,24}}?(?P<title>{_TITLE_RE})[，,](?P<name>[{_CJK}]{{2,3}})")
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




def split_name(text, start, end_max, anchored=True, closed=False):
    """The name at text[start:], two or three characters, or None.

    anchored: a title or speech verb stands next to it, so a given name that is
    also a common word (张冠军) is allowed; unanchored candidates are stricter.
    closed: the pattern itself ends the name at end_max (陈封学|说), so what
    follows is not checked for a word running across the name's end.
    """
    head = text[start:start + 2]
    if head in DOUBLE_SURNAMES:
        surname_len = 2
    elif text[start:start + 1] in SURNAMES:
        surname_len = 1
    else:
        return None
    if _freq(head) >= COMMON_WORD_FREQ and surname_len == 1:  # 来到, 高兴, 关心: a word, not a name
        return None
    for length in (surname_len + 2, surname_len + 1):
        if start + length > end_max:
            continue
        name = text[start:start + length]
        if not re.fullmatch(f"[{_CJK}]+", name) or any(ch in NAME_BAD_CHARS for ch in name[surname_len:]):
            continue
        given = name[surname_len:]
        if length == surname_len + 2 and name[-1] in NAME_END_BEFORE:
            continue
        if _freq(name) >= (TWO_CHAR_WORD_FREQ if len(name) == 2 else COMMON_WORD_FREQ) or (not anchored and len(given) > 1 and _freq(given) >= COMMON_WORD_FREQ):
            continue
        # a dictionary word starting inside the given name and running past the name's end
        # (not checked where the pattern itself ends the name: 陈封学|说)
        after = "" if closed and start + length == end_max else text[start + length:start + length + 4]
        crosses = any(_freq(given[i:] + after[:k]) >= 20 for i in range(len(given)) for k in range(1, len(after) + 1)
                      if len(given[i:]) + k >= 2)
        if crosses:
            continue
        if any(b in name for b in NOT_NAMES):
            return None
        return name
    return None


def _canonical_title(printed):
    if "*" in printed:
        for real in TITLES:
            if len(real) == len(printed) and all(a == b or a == "*" for a, b in zip(printed, real)):
                return real
    return printed


def find_people(text, region_at=None):
    """PersonMentions in order of appearance; region_at(offset) names the place printed just before."""
    found = []
    pos = 0
    while m := _TITLE_NAME.search(text, pos):  # overlapping: 贫困户蚂蚱养殖户武六孩
        name = split_name(text, m.start("name"), len(text))
        pos = m.start("name") + (len(name) if name else 0)
        if not name:
            continue
        title = _canonical_title(m.group("title"))
        region = region_at(m.start("title")) if region_at else None
        found.append(PersonMention(name, title, TITLES.get(title, "other"), m.start("name"), m.group("title"), region))
    for m in _NAME_TITLE.finditer(text):
        name = split_name(text, m.start("name"), m.end("name"), closed=True)
        if name and len(name) == len(m.group("name")):
            title = _canonical_title(m.group("title"))
            found.append(PersonMention(name, title, TITLES.get(title, "other"), m.start("name"), m.group("title")))
    for m in _APPOSITION.finditer(text):
        name = split_name(text, m.start("name"), len(text))
        if name:
            title = _canonical_title(m.group("title"))
            found.append(PersonMention(name, title, TITLES.get(title, "other"), m.start("name"), m.group("title")))
    for m in _SPEAKER.finditer(text):
        name = split_name(text, m.start("name"), m.end("name"), closed=True)
        if name and len(name) == len(m.group("name")):
            found.append(PersonMention(name, None, "other", m.start("name")))
    for m in _PHOTO.finditer(text):
        name = split_name(text, m.start("name"), m.end("name"), closed=True)
        if name:
            found.append(PersonMention(name, "摄影", "journalist", m.start("name")))
    for m in _AUTHOR.finditer(text):
        name = split_name(text, m.start("name"), m.end("name"), closed=True)
        if name and len(name) == len(m.group("name")):
            found.append(PersonMention(name, "作者", "journalist", m.start("name")))
    found += _repeated_names(text, {pm.name for pm in found})
    return found


def _repeated_names(text, known):
    """Three-character names printed at least REPEATED_NAME_MIN times with nothing arguing against them."""
    seen = {}
    for i, ch in enumerate(text):
        if ch in SURNAMES and re.fullmatch(f"[{_CJK}]{{3}}", text[i:i + 3]):
            seen.setdefault(text[i:i + 3], []).append(i)
    out = []
    for cand, starts in seen.items():
        if len(starts) < REPEATED_NAME_MIN or cand in known or any(cand[:2] == k or k.startswith(cand[:2]) for k in known):
            continue
        if any(text[s + 3:s + 4] in REPEATED_NOT_BEFORE or text[s - 1:s] == "“" for s in starts):
            continue
        if any(_freq(text[s - 1:s + 1]) >= 20 for s in starts if s):  # 发展茶饮: the surname ends a word
            continue
        in_context = any(text[max(0, s - 3):s].endswith(PERSON_BEFORE) or re.match(PERSON_AFTER_RE, text[s + 3:s + 8])
                         for s in starts)
        if in_context and all(split_name(text, s, s + 3, anchored=False) == cand for s in starts):
            out.append(PersonMention(cand, None, "other", starts[0]))
    return out


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
