"""One entry a person in a report: the mentions find_people gave, merged under the longest name printed."""

import re

from .names import NAME_DOTS
from .people_patterns import COUNTY_TITLES, LOCAL_KINDS


def merge_people(mentions, primary_county=None, text=None):
    """One entry per name: its titles in the report as printed, in order (one inside another counts
    once), joined by ；; the kind of the first; the region its title ties it to. With the text, a
    name the report prints only as the start of a longer one found too is that one (郭昌 of 郭昌和,
    刘国 of 刘国中): the longest form printed."""
    if text is not None:
        mentions = _longest_forms(mentions, text)
    people = {}
    for pm in mentions:
        region = pm.region
        if (
            region is None
            and primary_county
            and (
                (pm.title and pm.title_printed and pm.title_printed.startswith(COUNTY_TITLES)) or pm.kind in LOCAL_KINDS
            )
        ):
            region = primary_county  # 县委书记 of a report about a county is that county's; so are its 村民
        cur = people.setdefault(pm.name, {"name": pm.name, "titles": [], "kind": None, "region": None})
        if pm.title and not any(pm.title in t for t in cur["titles"]):
            cur["titles"] = _with_title(cur["titles"], pm.title)
            cur["kind"] = cur["kind"] or pm.kind
        cur["region"] = cur["region"] or region
    return [
        {
            "name": p["name"],
            "title": "；".join(p["titles"]) or None,
            "kind": p["kind"] or "other",
            "region": p["region"],
        }
        for p in people.values()
    ]


def _with_title(titles, title):
    """The titles with a new one: the fuller post takes the place of the first it contains (主席, then
    会议执行主席: 会议执行主席), the others it contains go; a distinct post comes last (县委书记；县长)."""
    out, placed = [], False
    for t in titles:
        if t in title:
            if not placed:
                out.append(title)
                placed = True
        else:
            out.append(t)
    return out if placed else [*out, title]


def _longest_forms(mentions, text):
    """Each mention under the longest name found that holds its name at every place it is printed."""
    names = sorted({pm.name for pm in mentions}, key=len, reverse=True)
    longer = {}
    for i, short in enumerate(names):
        for long in names[:i]:
            if long.startswith(short) and text.count(short) == text.count(long) + sum(
                text.count(o) for o in names[:i] if o != long and o.startswith(short) and not o.startswith(long)
            ):
                longer[short] = longer.get(long, long)
                break
    for short in names:
        if short not in longer:
            whole = {long for long in names if _part_of(short, long)}
            if len(whole) == 1:
                longer[short] = whole.pop()
    for pm in mentions:
        if pm.name in longer:
            pm.name = longer[pm.name]
    return mentions


def _part_of(short, long):
    """short is how a report calls the person of long again: a part of a name joined by dots (阿尼帕 of
    阿尼帕·阿力马洪, 莫迪 of 纳兰德拉·莫迪). (Not the start of an undotted name: 王杰 of a misread
    王杰出舱, 张雄 of 张雄心情 are other people's or no one's.)"""
    if any(d in short for d in NAME_DOTS) or len(short) < 2:
        return False
    parts = re.split(f"[{re.escape(NAME_DOTS)}]", long)
    return len(parts) > 1 and short in (parts[0], parts[-1])
