"""Stage 7: the only stage that writes to the database.

store_document() saves one extracted Document in one transaction, or returns
the existing report it duplicates (exact text hash, or MinHash near-duplicate)
without storing anything twice. The search index follows through
search.indexing, which the caller may batch.
"""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q

from archive.models import (
    Fingerprint,
    Initiative,
    Metric,
    Person,
    PersonMention,
    Region,
    RegionMention,
    Report,
    ReportCategory,
    Source,
)

from .dedupe import NEAR_THRESHOLD, bands, minhash, similarity, text_hash
from .document import Document


@dataclass
class Stored:
    report: Report
    created: bool
    duplicate_of: Report | None = None
    similarity: float = 1.0


def find_duplicate(doc: Document, signature=None, digest=None):
    """(report, similarity) of an archived copy of this document, or (None, 0)."""
    digest = digest or text_hash(doc.normalized_text)
    exact = Report.objects.filter(text_hash=digest).first()
    if exact:
        return exact, 1.0
    signature = signature or minhash(doc.normalized_text)
    q = None
    for i, value in enumerate(bands(signature)):
        q = (q | Q(band=i, value=value)) if q else Q(band=i, value=value)
    candidates = Report.objects.filter(pk__in=Fingerprint.objects.filter(q).values("report_id")).only("id", "minhash")
    best, best_sim = None, 0.0
    for report in candidates:
        sim = similarity(signature, report.minhash)
        if sim > best_sim:
            best, best_sim = report, sim
    return (best, best_sim) if best_sim >= NEAR_THRESHOLD else (None, best_sim)


def store_document(doc: Document, *, original=None, original_name="", sha256="", signature=None,
                   digest=None) -> Stored:
    """Save doc with everything extracted from it, unless the archive already has it.

    signature and digest may come precomputed (from a worker process)."""
    signature = signature or minhash(doc.normalized_text)
    digest = digest or text_hash(doc.normalized_text)
    with transaction.atomic():
        existing, sim = find_duplicate(doc, signature, digest)
        if existing:
            return Stored(existing, False, existing, sim)
        source = None
        if doc.source:
            from .normalize import t2s

            source, _ = Source.objects.get_or_create(name=t2s(doc.source))
        report = Report.objects.create(
            title=doc.title_or_fallback, title_is_fallback=doc.title is None, subtitle=doc.subtitle or "",
            byline=" ".join(f"{role} {name}" for name, role in doc.byline), editor=doc.editor or "",
            source=source, published=doc.published, original_name=original_name or doc.name, sha256=sha256,
            raw_text=doc.raw_text, clean_text=doc.clean_text, normalized_text=doc.normalized_text,
            text_hash=digest, minhash=signature, script=doc.script,
            status=Report.REVIEW if doc.warnings else Report.OK, error="\n".join(doc.warnings),
        )
        if original is not None:
            report.original = original
            report.save(update_fields=["original"])
        save_entities(report, doc, fresh=True)
        Fingerprint.objects.bulk_create(Fingerprint(report=report, band=i, value=v) for i, v in enumerate(bands(signature)))
    return Stored(report, True)


_REGION_IDS = {}


def region_ids(codes):
    """{code: Region id}, cached per process (the gazetteer changes only with load_gazetteer)."""
    missing = [c for c in codes if c not in _REGION_IDS]
    if missing:
        _REGION_IDS.update(Region.objects.filter(code__in=missing).values_list("code", "id"))
    return {c: _REGION_IDS[c] for c in codes if c in _REGION_IDS}


def save_entities(report: Report, doc: Document, fresh=False):
    """(Re)write the records extracted from doc for report: mentions, people, initiatives, figures.

    fresh: the report was just created, so there is nothing of it to delete.
    """
    codes = {r["code"] for r in doc.regions} | {p["region"] for p in doc.people if p.get("region")} \
        | {f.region for f in doc.metrics if f.region}
    rid = region_ids(codes)
    if not fresh:
        report.region_mentions.all().delete()
        report.person_mentions.all().delete()
        report.metrics.all().delete()
        report.category_links.all().delete()
        report.initiatives.clear()
    RegionMention.objects.bulk_create(
        RegionMention(report=report, region_id=rid[r["code"]], count=r["count"], primary=r["primary"])
        for r in doc.regions if r["code"] in rid)
    # people: one query for those already known, one insert for the new ones
    wanted = {(p["name"], rid.get(p.get("region"))): p for p in doc.people}
    known = {(p.name, p.region_id): p for p in Person.objects.filter(name__in={n for n, _r in wanted})}
    new = [Person(name=n, region_id=r, title=p["title"] or "", kind=p["kind"]) for (n, r), p in wanted.items()
           if (n, r) not in known]
    for person in Person.objects.bulk_create(new):
        known[(person.name, person.region_id)] = person
    untitled = [known[k] for k, p in wanted.items() if p["title"] and not known[k].title]
    for person in untitled:
        person.title, person.kind = wanted[(person.name, person.region_id)]["title"], wanted[(person.name, person.region_id)]["kind"]
    if untitled:
        Person.objects.bulk_update(untitled, ["title", "kind"])
    PersonMention.objects.bulk_create(PersonMention(report=report, person=known[k], title=p["title"] or "")
                                      for k, p in wanted.items())
    primary = next((rid.get(r["code"]) for r in doc.regions if r["primary"]), None)
    names = {i["name"]: i for i in doc.initiatives}
    known_i = {i.name: i for i in Initiative.objects.filter(name__in=names, region_id=primary)}
    new_i = Initiative.objects.bulk_create(Initiative(name=n, region_id=primary, category=i["category"])
                                           for n, i in names.items() if n not in known_i)
    report.initiatives.add(*known_i.values(), *new_i)
    ReportCategory.objects.bulk_create(ReportCategory(report=report, category=c) for c in doc.categories)
    Metric.objects.bulk_create(
        Metric(report=report, region_id=rid.get(f.region), label=f.label[:64], value=f.value, unit=f.unit,
               approx=f.approx, year=f.year, quote=f.quote[:64], sentence=f.sentence, position=f.start)
        for f in doc.metrics)
