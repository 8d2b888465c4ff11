"""Stage 7: the only stage that writes to the database.

store_documents() saves a batch of extracted Documents in one transaction:
each is either created, with everything extracted from it, or linked to the
archived report it duplicates (exact text hash, or MinHash near-duplicate;
copies inside the batch count too), never stored twice. Every table is
written with one bulk insert per batch, so a large ingest costs a few
queries per hundred reports rather than twenty per report. The search index follows through
search.indexing once the transaction commits (or through the caller's index
stream: index=False).
"""

from dataclasses import dataclass, field

from django.db import IntegrityError, connection, connections, models, router, transaction

from archive.entities import KINDS
from archive.models import (
    Fingerprint,
    Region,
    Report,
    Source,
)
from search.indexing import index_reports

from .consolidate import resolve_initiatives, resolve_people
from .dedupe import NEAR_THRESHOLD, bands, minhash, similarity, text_hash
from .document import Document
from .normalize import t2s


@dataclass
class Stored:
    report: Report
    created: bool
    duplicate_of: Report | None = None
    similarity: float = 1.0


@dataclass
class Item:
    """One document to store, with what is known about its file."""

    doc: Document
    signature: list[int] = field(default_factory=list)
    digest: str = ""
    original: str = ""
    original_name: str = ""
    sha256: str = ""

    def __post_init__(self):
        self.signature = self.signature or minhash(self.doc.normalized_text)
        self.digest = self.digest or text_hash(self.doc.normalized_text)
        self.bands = bands(self.signature)


def store_documents(items: list[Item], index=True) -> list[Stored]:
    """Store a batch in one transaction; one Stored per item, in order.

    Two processes storing the same text at the same instant (two admins, the same file): the
    second's insert breaks the unique text hash; its transaction is rolled back and stored again,
    when the first's report is there to be found as the original (a duplicate, never an error)."""
    for attempt in range(STORE_ATTEMPTS):
        try:
            return _store_documents(items, index)
        except IntegrityError:
            if attempt == STORE_ATTEMPTS - 1:
                raise
            _SOURCES.clear()  # a source created by the rolled-back transaction does not exist
    raise AssertionError("unreachable")


STORE_ATTEMPTS = 3


def _store_documents(items, index):
    with transaction.atomic():
        results = _deduplicate(items)
        fresh = [(i, item) for i, item in enumerate(items) if results[i] is None]
        reports = _create_reports([item for _i, item in fresh])
        created = {i: report for (i, _item), report in zip(fresh, reports)}
        for i, found in enumerate(results):
            if found is None:
                results[i] = Stored(created[i], True)
            elif isinstance(found, _Later):  # a copy of an earlier document of this batch
                results[i] = Stored(created[found.index], False, created[found.index], found.similarity)
        save_entities([(report, item.doc) for (_i, item), report in zip(fresh, reports)])
        insert_rows(
            Fingerprint,
            ("report_id", "band", "value"),
            ((report.pk, b, v) for (_i, item), report in zip(fresh, reports) for b, v in enumerate(item.bands)),
        )
        if index and reports:
            pks = [r.pk for r in reports]
            transaction.on_commit(lambda: index_reports(pks))
    return results


def _deduplicate(items):
    """[Stored of the report each item duplicates, or None], looking in the archive and earlier in the batch."""
    exact = {
        h: pk
        for h, pk in Report.objects.filter(text_hash__in={it.digest for it in items}).values_list("text_hash", "id")
    }
    keys = {(b, v) for it in items for b, v in enumerate(it.bands)}
    candidates = {}  # (band, value) -> report ids in the archive
    for b, v, pk in Fingerprint.objects.filter(value__in={v for _b, v in keys}).values_list(
        "band", "value", "report_id"
    ):
        if (b, v) in keys:
            candidates.setdefault((b, v), set()).add(pk)
    signatures = (
        dict(Report.objects.filter(pk__in=set().union(*candidates.values())).values_list("id", "minhash"))
        if candidates
        else {}
    )
    results, batch_hash, batch_bands = [], {}, {}  # the batch's own: digest -> index, (band, value) -> indexes
    for n, it in enumerate(items):
        found = None
        if it.digest in exact:
            found = (exact[it.digest], 1.0)
        elif it.digest in batch_hash:
            found = (("batch", batch_hash[it.digest]), 1.0)
        else:
            best = (None, 0.0)
            for key in zip(range(len(it.bands)), it.bands):
                for pk in candidates.get(key, ()):
                    sim = similarity(it.signature, signatures.get(pk))
                    best = max(best, (pk, sim), key=lambda x: x[1])
                for m in batch_bands.get(key, ()):
                    sim = similarity(it.signature, items[m].signature)
                    best = max(best, (("batch", m), sim), key=lambda x: x[1])
            if best[1] >= NEAR_THRESHOLD:
                found = best
        if found is None:
            batch_hash[it.digest] = n
            for key in zip(range(len(it.bands)), it.bands):
                batch_bands.setdefault(key, []).append(n)
        results.append(found)
    pks = {f[0] for f in results if f and not isinstance(f[0], tuple)}
    known = Report.objects.only("id", "title").in_bulk(pks)
    out = []
    for found in results:
        if found is None:
            out.append(None)
        elif isinstance(found[0], tuple):  # an earlier item of this batch: resolved once it exists
            out.append(_Later(found[0][1], found[1]))
        else:
            out.append(Stored(known[found[0]], False, known[found[0]], found[1]))
    return out


@dataclass
class _Later:
    index: int
    similarity: float


_SOURCES = {}


def source_ids(names):
    """{name: Source id}, creating the sources not yet known."""
    names = {t2s(n) for n in names if n}
    missing = names - _SOURCES.keys()
    if missing:
        _SOURCES.update(Source.objects.filter(name__in=missing).values_list("name", "id"))
        new = [Source(name=n) for n in missing - _SOURCES.keys()]
        if new:
            Source.objects.bulk_create(new, ignore_conflicts=True)
            _SOURCES.update(Source.objects.filter(name__in=[s.name for s in new]).values_list("name", "id"))
    return _SOURCES


def page_url(doc):
    """The address the page gives as its own (canonical link or og:url, read by head.py), if it is a web
    address that fits; a file without a head has none."""
    url = (doc.head.url or "").strip()
    return url if url.startswith(("http://", "https://")) and len(url) <= 500 and " " not in url else ""


def _create_reports(items):
    if not items:
        return []
    sources = source_ids(it.doc.source for it in items)
    reports = []
    for it in items:
        doc = it.doc
        reports.append(
            Report(
                title=doc.title_or_fallback,
                title_is_fallback=doc.title is None,
                subtitle=doc.subtitle or "",
                byline=" ".join(f"{role} {name}" for name, role in doc.byline),
                editor=doc.editor or "",
                source_id=sources.get(t2s(doc.source)) if doc.source else None,
                published=doc.published,
                url=page_url(doc),
                original=it.original or "",
                original_name=it.original_name or doc.name,
                sha256=it.sha256,
                raw_text=doc.raw_text,
                clean_text=doc.clean_text,
                normalized_text=doc.normalized_text,
                text_hash=it.digest,
                minhash=it.signature,
                script=doc.script,
                error="\n".join(doc.warnings),
            )
        )
    if connection.features.can_return_rows_from_bulk_insert:
        return Report.objects.bulk_create(reports)
    for report in reports:  # an engine that cannot return the new ids from one insert
        report._skip_index = True
        report.save()
    return reports


_REGION_IDS = {}


def region_ids(codes):
    """{code: Region id}, cached per process (the gazetteer changes only with load_gazetteer)."""
    missing = [c for c in codes if c not in _REGION_IDS]
    if missing:
        _REGION_IDS.update(Region.objects.filter(code__in=missing).values_list("code", "id"))
    return {c: _REGION_IDS[c] for c in codes if c in _REGION_IDS}


MACHINE = ("", None, None)  # curation, curated_by, curated_at of an untouched extracted row
CURATED = ("curation", "curated_by_id", "curated_at")


def save_entities(pairs):
    """The records extracted from each (report, doc) pair of new reports, one insert per entity kind's
    table for the lot. (A report extracted again goes through archive/curation.py, which keeps what
    people decided.)"""
    if not pairs:
        return
    rows = extracted_rows(pairs)
    for kind in KINDS:
        insert_rows(
            kind.model,
            ("report_id", *kind.columns, *CURATED),
            ((pk, *(row[c] for c in kind.columns), *MACHINE) for pk, e in rows.items() for row in e[kind.key]),
        )


def extracted_rows(pairs, claimed=None):
    """{report pk: {kind: [row]}}: what extraction gives each report, as rows of each entity kind's
    table (archive/entities.py: its columns). People and initiatives are found or created by
    consolidate.py's rule; claimed ({report pk: {"people": {name: id}, "initiatives": {name: id}}})
    are the names a report's decided records stand for."""
    codes = set()
    for _report, doc in pairs:
        codes |= (
            {r["code"] for r in doc.regions}
            | {p["region"] for p in doc.people if p.get("region")}
            | {f.region for f in doc.metrics if f.region}
        )
    rid = region_ids(codes)
    claimed = claimed or {}
    out = {report.pk: {} for report, _doc in pairs}
    for kind in KINDS:
        found = kind.part("rows")(pairs, rid, {pk: c.get(kind.key, {}) for pk, c in claimed.items()})
        for pk, rows in found.items():
            out[pk][kind.key] = rows
    return out


def region_rows(pairs, rid, _claimed):
    return {
        report.pk: [
            {"region_id": rid[r["code"]], "count": r["count"], "primary": bool(r["primary"])}
            for r in {rid[r["code"]]: r for r in doc.regions if r["code"] in rid}.values()
        ]
        for report, doc in pairs
    }


def people_rows(pairs, rid, claimed):
    found = resolve_people(pairs, rid, claimed)
    return {pk: [{"person_id": person, **row} for person, row in rows.items()] for pk, rows in found.items()}


def initiative_rows(pairs, rid, claimed):
    found = resolve_initiatives(pairs, rid, claimed)
    return {pk: [{"initiative_id": i} for i in ids] for pk, ids in found.items()}


def category_rows(pairs, _rid, _claimed):
    return {report.pk: [{"category": c} for c in dict.fromkeys(doc.categories)] for report, doc in pairs}


def metric_rows(pairs, rid, _claimed):
    return {
        report.pk: [
            {
                "region_id": rid.get(f.region),
                "label": f.label[:64],
                "label_key": t2s(f.label[:64]),
                "value": None if f.value is None else float(f.value),
                "unit": f.unit,
                "approx": bool(f.approx),
                "year": f.year,
                "quote": f.quote[:64],
                "sentence": f.sentence,
                "position": f.start,
                "change": f.change or "",
                "vague": f.vague,
                "scope": f.scope,
            }
            for f in doc.metrics
        ]
        for report, doc in pairs
    }


_PLAIN_FIELDS = (
    models.IntegerField,
    models.CharField,
    models.TextField,
    models.BooleanField,
    models.FloatField,
    models.ForeignKey,
    models.DateTimeField,
)  # DateTimeField: only ever None here (curated_at)


def insert_rows(model, fields, rows):
    """INSERT rows of plain values (numbers, strings, booleans, None) in one executemany.

    For the child rows of a batch, which need no ids back: bulk_create builds a model object
    and prepares every value of it through the ORM (16 fingerprints and a dozen mentions and
    figures a report: about a third of the store's time). Every column of the model but its
    primary key must be given, and only fields whose values the database drivers take as
    they are (checked here, so a new field type fails loudly rather than storing wrong).
    """
    meta = model._meta
    given = [meta.get_field(name.removesuffix("_id") if name.endswith("_id") else name) for name in fields]
    expected = {f.attname for f in meta.concrete_fields if not f.primary_key}
    if {f.attname for f in given} != expected or not all(isinstance(f, _PLAIN_FIELDS) for f in given):
        raise ValueError(f"insert_rows({meta.label}) needs plain values for {sorted(expected)}")
    rows = list(rows)
    if not rows:
        return
    connection = connections[router.db_for_write(model)]
    quote = connection.ops.quote_name
    sql = (
        f"INSERT INTO {quote(meta.db_table)} ({', '.join(quote(f.column) for f in given)}) "
        f"VALUES ({', '.join(['%s'] * len(given))})"
    )
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)
