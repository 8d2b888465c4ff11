"""One entry a person in a report: the mentions find_people gave, merged under the longest name printed."""

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
            cur["titles"] = [t for t in cur["titles"] if t not in pm.title] + [pm.title]
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
    for pm in mentions:
        if pm.name in longer:
            pm.name = longer[pm.name]
    return mentions
