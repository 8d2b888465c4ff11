"""Stage 7's who-is-who: which stored person or programme each name a document gives stands for.

A name alone does not tell people apart: many 王芳 are printed across the archive, and they are not
one person. The rule (issue 24):
- the same name with the same place (region) is one person;
- without a place, the same name with the same post (title) is one person;
- a name with neither attaches to the one person of that name if there is exactly one, else to the
  bare record of that name (its own);
- names with different places are never joined.
A place or post learnt later fills an empty one. What people decided comes first: a name a reviewer
merged into another record (PersonAlias) is that record, and the names a report's decided records
stand for (``claimed``, from archive/curation.py: a corrected person's former names, a decided or
rejected mention's person) go to those records when that report is extracted again, so a correction
survives re-extraction and a rejected mention is not found again under another record.

A programme (Initiative) is one per name and the report's primary place, as before.
"""

from collections import defaultdict

from django.db import connection

from archive.models import Initiative, InitiativeAlias, Person, PersonAlias


def _match(group, region, title):
    """The stored (or just made) person of this name that a mention with this region and title is."""
    if region is not None:
        found = next((p for p in group if p.region_id == region), None)
        if found is None and title:  # the same post printed without its place elsewhere: the place fills it
            same = [p for p in group if p.region_id is None and p.title == title]
            found = same[0] if len(same) == 1 else None
        return found
    if title:
        same = [p for p in group if p.title == title]
        if len(same) == 1:
            return same[0]
        found = next((p for p in same if p.region_id is None), None)
        if found is None and len(group) == 1 and group[0].region_id is None and not group[0].title:
            found = group[0]  # the only one of the name, known so far without post or place
        return found
    if len(group) == 1:
        return group[0]
    return next((p for p in group if p.region_id is None and not p.title), None)


def _save_new(model, new):
    if not new:
        return
    if connection.features.can_return_rows_from_bulk_insert:
        model.objects.bulk_create(new)
    else:  # an engine that cannot return the new ids from one insert
        for obj in new:
            obj.save()


def resolve_people(pairs, rid, claimed=None):
    """{report pk: {person id: {"title": as printed}}} for (report, doc) pairs, by the rule above; the
    people not yet stored are created (one insert), posts and places learnt fill empty ones."""
    claimed = claimed or {}
    wanted = []
    for report, doc in pairs:
        people = {}
        for p in doc.people:
            key = (p["name"], rid.get(p.get("region")), (p["title"] or "")[:64])
            people.setdefault(key[:2], (key, p))
        wanted.append((report, list(people.values())))
    names = {key[0] for _report, items in wanted for key, _p in items}
    if not names:
        return {report.pk: {} for report, _doc in pairs}
    by_name = defaultdict(list)
    for person in Person.objects.filter(name__in=names).order_by("pk"):
        by_name[person.name].append(person)
    aliases = {
        (a.name, a.region_id): a.person for a in PersonAlias.objects.filter(name__in=names).select_related("person")
    }
    resolved, new, filled = {}, [], {}
    for report, items in wanted:
        own = claimed.get(report.pk, {})
        for key, p in items:
            if key in resolved or key[0] in own:
                continue
            name, region, title = key
            alias = aliases.get((name, region))
            person = alias or _match(by_name[name], region, title)
            if person is None:
                person = Person(name=name, region_id=region, title=title, kind=p["kind"])
                new.append(person)
                by_name[name].append(person)
            else:
                if title and not person.title:
                    person.title, person.kind = title, p["kind"]
                    filled[id(person)] = person
                if region is not None and person.region_id is None and alias is None:
                    person.region_id = region
                    filled[id(person)] = person
            resolved[key] = person
    _save_new(Person, new)
    made = {id(p) for p in new}
    stored = [p for key, p in filled.items() if key not in made]
    if stored:
        Person.objects.bulk_update(stored, ["title", "kind", "region"])
    out = {}
    for report, items in wanted:
        own = claimed.get(report.pk, {})
        rows = {}
        for key, _p in items:
            pk = own.get(key[0]) or resolved[key].pk
            if pk not in rows or not rows[pk]["title"]:
                rows[pk] = {"title": key[2]}
        out[report.pk] = rows
    return out


def resolve_initiatives(pairs, rid, claimed=None):
    """{report pk: [initiative id]}: one initiative per (name, region of the report's primary place),
    the one a reviewer merged it into, or (re-extracting) the one a report's decision claims."""
    claimed = claimed or {}
    wanted = []
    for report, doc in pairs:
        primary = next((rid.get(r["code"]) for r in doc.regions if r["primary"]), None)
        wanted.append((report, [((i["name"], primary), i) for i in doc.initiatives]))
    keys = {k: i for _report, items in wanted for k, i in items}
    if not keys:
        return {report.pk: [] for report, _doc in pairs}
    names = {n for n, _r in keys}
    known = {(i.name, i.region_id): i for i in Initiative.objects.filter(name__in=names)}
    for alias in InitiativeAlias.objects.filter(name__in=names).select_related("initiative"):
        known[(alias.name, alias.region_id)] = alias.initiative
    unclaimed = {k for report, items in wanted for k, _i in items if k[0] not in claimed.get(report.pk, {})}
    new = [
        Initiative(name=n, region_id=r, category=i["category"], programme=i.get("programme") or "")
        for (n, r), i in keys.items()
        if (n, r) not in known and (n, r) in unclaimed
    ]
    _save_new(Initiative, new)
    for initiative in new:
        known[(initiative.name, initiative.region_id)] = initiative
    return {
        report.pk: list(dict.fromkeys(claimed.get(report.pk, {}).get(k[0]) or known[k].pk for k, _i in items))
        for report, items in wanted
    }
