"""Stage 7: the only stage that writes to the database.

store_document() saves one extracted Document in one transaction, or returns
the existing report it duplicates (exact text hash, or MinHash near-duplicate)
without storing anything twice. The search index follows through
search.indexing, which the caller may batch.
"""

from dataclasses import dataclass

from django.db import transaction

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
    from django.db.models import Q

    for i, value in enumerate(bands(signature)):
        q = (q | Q(band=i, value=value)) if q else Q(band=i, value=value)
    candidates = Report.objects.filter(pk__in=Fingerprint.objects.filter(q).values("report_id")).only("id", "minhash")
    best, best_sim = None, 0.0
    for report in candidates:
        sim = similarity(signature, report.minhash)
        if sim > best_sim:
            best, best_sim = report, sim
    return (best, best_sim) if best_sim >= NEAR_THRESHOLD else (None, best_sim)


def store_document(doc: Document, *, original=None, original_name="", sha256="", regions=None) -> Stored:
    """Save doc with everything extracted from it, unless the archive already has it."""
    signature = minhash(doc.normalized_text)
    digest = text_hash(doc.normalized_text)
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
        save_entities(report, doc, regions)
        Fingerprint.objects.bulk_create(Fingerprint(report=report, band=i, value=v) for i, v in enumerate(bands(signature)))
    return Stored(report, True)


def save_entities(report: Report, doc: Document, regions=None):
    """(Re)write the records extracted from doc for report: mentions, people, initiatives, figures."""
    codes = {r["code"] for r in doc.regions} | {p["region"] for p in doc.people if p.get("region")} \
        | {f.region for f in doc.metrics if f.region}
    region_by_code = regions if regions is not None else {r.code: r for r in Region.objects.filter(code__in=codes)}
    report.region_mentions.all().delete()
    report.person_mentions.all().delete()
    report.metrics.all().delete()
    report.category_links.all().delete()
    report.initiatives.clear()
    RegionMention.objects.bulk_create(
        RegionMention(report=report, region=region_by_code[r["code"]], count=r["count"], primary=r["primary"])
        for r in doc.regions if r["code"] in region_by_code)
    for p in doc.people:
        region = region_by_code.get(p.get("region"))
        person, created = Person.objects.get_or_create(name=p["name"], region=region,
                                                       defaults={"title": p["title"] or "", "kind": p["kind"]})
        if not created and p["title"] and not person.title:
            person.title, person.kind = p["title"], p["kind"]
            person.save(update_fields=["title", "kind"])
        PersonMention.objects.get_or_create(report=report, person=person, defaults={"title": p["title"] or ""})
    primary = next((region_by_code.get(r["code"]) for r in doc.regions if r["primary"]), None)
    for i in doc.initiatives:
        initiative, _ = Initiative.objects.get_or_create(name=i["name"], region=primary,
                                                         defaults={"category": i["category"]})
        report.initiatives.add(initiative)
    ReportCategory.objects.bulk_create(ReportCategory(report=report, category=c) for c in doc.categories)
    Metric.objects.bulk_create(
        Metric(report=report, region=region_by_code.get(f.region), label=f.label[:64], value=f.value, unit=f.unit,
               approx=f.approx, year=f.year, quote=f.quote[:64], sentence=f.sentence, position=f.start)
        for f in doc.metrics)
