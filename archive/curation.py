"""Review and correction: what a person decides about a report stays decided.

Every extracted record (a region, person, programme or category mention, a figure) says who
decided it (models.Curated): the extractor, or a person who accepted, corrected, added or
rejected it. A report's own fields a person changed are listed in Report.curated_fields.
reextract() runs a (better) extractor's result into a stored report and changes only what no
one touched: a record a person decided is kept, one a person rejected is not found again, and
the fields a person corrected keep their values; it says what it changed. merge() and split()
join two people (or programmes) into one and take reports back out, remembering the merged
names (PersonAlias, InitiativeAlias) so extraction finds the one person again. The review state
(new, needs review, reviewed) and the extraction's own doubts are here too.

Changes go through the ORM, so django-simple-history records each with its user (the
request's, by its middleware) and the index follows through the signal processor.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import BooleanField, Case, Q, Value, When
from django.db.models.functions import Length
from django.db.models.signals import pre_delete, pre_save
from django.utils import timezone

from . import ingest
from .entities import KINDS
from .ingest.metadata import FALLBACK_TITLE_NOTE
from .ingest.normalize import t2s
from .ingest.store import extracted_rows, page_url, source_ids
from .models import Curated, Metric, Person, PersonMention, RegionMention, Report

# -- history: a baseline for what extraction wrote ---------------------------------------------


def history_models():
    """The report and every entity kind's rows and records (archive/entities.py)."""
    return (Report, *(k.model for k in KINDS), *(k.record_model for k in KINDS if k.record))


def _baseline(sender, instance, raw=False, **kwargs):
    """Before the first change through the ORM to a record extraction wrote in bulk (no history of
    its own), record it as extraction left it, so its history shows what was changed and can be
    reverted to the extractor's version."""
    if raw or instance.pk is None or sender.history.filter(id=instance.pk).exists():
        return
    stored = sender._base_manager.filter(pk=instance.pk).first()
    if stored is not None:
        # extraction wrote it, when its report came in: not the reviewer, not the time of the review
        report = getattr(stored, "report", None) if hasattr(stored, "report_id") else None
        stored._history_date = getattr(stored, "created", None) or getattr(report, "created", None) or timezone.now()
        stored._history_user = None
        sender.history.bulk_history_create([stored], default_change_reason="自动抽取")


def connect_history():
    for model in history_models():
        pre_save.connect(_baseline, sender=model, dispatch_uid=f"baseline-{model.__name__}")
        pre_delete.connect(_baseline, sender=model, dispatch_uid=f"baseline-delete-{model.__name__}")


# -- the extraction's own doubts -----------------------------------------------------------------

# The extraction's doubts, most severe first (the queue's filter lists them so, a report's doubts are said
# so). Each picks out the reports that most need a look: on a 3,000-report build of the news corpus each
# marks at most about a tenth of them (docs/DECISIONS.md has the shares); a doubt that marks two thirds
# of the archive (any figure without a year) does not narrow a queue.
DOUBTS = {
    "warnings": "读取有警告",  # the text may not be all there: look at the original
    "no_date": "无发布日期",  # undated: it sorts last and cannot be cited by date
    "fallback_title": "标题为代拟",  # the title is the first sentence
    "figures": "数据无指标",  # an exact figure of nothing named: its label is missing
    "people": "人名存疑",  # untitled, in no other report, and not three characters long: a fragment or a word?
    "no_region": "写到县镇却无地区",  # a local report (县, 镇 in its text) with no place found
}
SEVERITY = {
    "warnings": "高",
    "no_date": "高",
    "fallback_title": "中",
    "figures": "中",
    "people": "低",
    "no_region": "低",
}


def doubt_filters():
    """{doubt: a Q over Report}, in order of severity: the review queue's filter and a report's doubts."""
    machine = Q(curation=Curated.MACHINE)
    once = Person.objects.shown().filter(n=1).values("id")
    odd = (
        PersonMention.objects.filter(machine, title="", person_id__in=once)
        .alias(chars=Length("person__name"))
        .filter(Q(chars=2) | Q(chars__gte=4))
    )
    return {
        "warnings": ~Q(error__in=["", FALLBACK_TITLE_NOTE]),
        "no_date": Q(published__isnull=True),
        "fallback_title": Q(title_is_fallback=True),
        "figures": Q(pk__in=Metric.objects.filter(machine, label="", approx=False).values("report_id")),
        "people": Q(pk__in=odd.values("report_id")),
        "no_region": ~Q(pk__in=RegionMention.objects.values("report_id"))
        & (Q(normalized_text__contains="县") | Q(normalized_text__contains="镇")),
    }


def with_doubts(queryset):
    """The reports with a flag per doubt (doubt_<key>), computed in the same query: the queue's column."""
    return queryset.annotate(
        **{
            f"doubt_{key}": Case(When(q, then=Value(True)), default=Value(False), output_field=BooleanField())
            for key, q in doubt_filters().items()
        }
    )


def doubts(report):
    """The doubts of one report, most severe first, as (key, words with the severity)."""
    if not hasattr(report, "doubt_warnings"):  # not read through with_doubts(): one query for all of them
        report = with_doubts(Report.objects.filter(pk=report.pk)).first()
        if report is None:
            return []
    return [(k, f"{DOUBTS[k]}（{SEVERITY[k]}）") for k in DOUBTS if getattr(report, f"doubt_{k}")]


def mark(reports, state, user):
    """Set the review state of reports (one history record each)."""
    for report in reports:
        report.review = state
        report.reviewed_by = user if state == Report.REVIEWED else None
        report.reviewed_at = timezone.now() if state == Report.REVIEWED else None
        report._change_reason = dict(Report.REVIEW_STATES)[state]
        report.save(update_fields=["review", "reviewed_by", "reviewed_at", "updated"])


def decide(record, curation, user):
    """Mark a record as decided by a person (accepted, corrected, added or rejected) and save it."""
    record.curation, record.curated_by, record.curated_at = curation, user, timezone.now()
    record.save()


# -- extracting again ------------------------------------------------------------------------------


@dataclass
class Changes:
    fields: list = field(default_factory=list)
    added: dict = field(default_factory=dict)
    removed: dict = field(default_factory=dict)
    updated: dict = field(default_factory=dict)
    kept: int = 0  # records a person decided, left as they are

    def __bool__(self):
        return bool(self.fields or any(self.added.values()) or any(self.removed.values()) or any(self.updated.values()))

    def __str__(self):
        if not self:
            return f"重新抽取：没有变化（保留人工审核的 {self.kept} 项）"
        parts = []
        if self.fields:
            parts.append("字段 " + "、".join(str(Report._meta.get_field(f).verbose_name) for f in self.fields))
        for kind in KINDS:
            a, r, u = self.added.get(kind.key, 0), self.removed.get(kind.key, 0), self.updated.get(kind.key, 0)
            if a or r or u:
                parts.append(f"{kind.words} +{a} −{r}" + (f" 改{u}" if u else ""))
        return f"重新抽取：{'；'.join(parts)}（保留人工审核的 {self.kept} 项）"


def reextract(report, doc, user=None):
    """Bring a stored report in line with a new extraction (doc), keeping every human decision.
    Returns the Changes, which are also the report's history record's reason."""
    changes = Changes()
    with transaction.atomic():
        new_values = {
            "title": doc.title_or_fallback,
            "title_is_fallback": doc.title is None,
            "subtitle": doc.subtitle or "",
            "byline": " ".join(f"{role} {name}" for name, role in doc.byline),
            "editor": doc.editor or "",
            "published": doc.published,
            "url": page_url(doc),
        }
        source_id = source_ids([doc.source]).get(t2s(doc.source)) if doc.source else None
        for name, value in new_values.items():
            if name not in report.curated_fields and getattr(report, name) != value:
                setattr(report, name, value)
                changes.fields.append(name)
        if "source" not in report.curated_fields and report.source_id != source_id:
            report.source_id = source_id
            changes.fields.append("source")
        report.error = "\n".join(doc.warnings)
        rows = extracted_rows([(report, doc)], {report.pk: claimed(report)})[report.pk]
        for kind in KINDS:
            _follow(report, kind, rows[kind.key], changes)
        report._change_reason = str(changes)
        report.save()
    return changes


def claimed(report):
    """{"people": {name: id}, "initiatives": {name: id}}: the names this report's decided records stand
    for, which its re-extraction attaches to them. A record is decided when its mention here was
    accepted, corrected, added or rejected, or when a person changed the record itself (renamed 刘国
    to 刘国中, gave it a post or a place: a change in its history); it stands for every name it had, the
    names merged into it, and the names of the records its mention pointed to before a correction."""
    out = {}
    for kind in KINDS:
        if not kind.alias:
            continue
        model, mention_model, alias_model, fk = kind.record_model, kind.model, kind.alias_model, kind.link
        mentions = list(mention_model.all_objects.filter(report=report).values_list("pk", f"{fk}_id", "curation"))
        ids = {target for _pk, target, _c in mentions}
        changed = set(model.history.filter(id__in=ids, history_type="~").values_list("id", flat=True))
        names = {}
        for pk, target, curation in mentions:
            if curation == Curated.MACHINE and target not in changed:
                continue
            before = set(mention_model.history.filter(id=pk).values_list(f"{fk}_id", flat=True)) | {target}
            known = {n for n in model.history.filter(id__in=before).values_list("name", flat=True)}
            known |= set(model.objects.filter(pk__in=before).values_list("name", flat=True))
            known |= set(alias_model.objects.filter(**{fk: target}).values_list("name", flat=True))
            for name in known:
                names.setdefault(name, target)
        out[kind.key] = names
    return out


def _follow(report, kind, rows, changes):
    """Bring the report's rows of one kind in line with the extracted rows, leaving decided ones be."""
    model, fields = kind.model, kind.followed
    wanted = {kind.key_of(row): row for row in rows}
    keyed = {kind.key_of(m): m for m in model.all_objects.filter(report=report)}
    decided = {k for k, m in keyed.items() if m.curation != Curated.MACHINE}
    changes.kept += len(decided)
    added = removed = updated = 0
    for k, m in keyed.items():
        if k in decided:
            continue
        if k not in wanted:
            m.delete()
            removed += 1
            continue
        row = wanted[k]
        dirty = [f for f in fields if f in row and getattr(m, f) != row[f]]
        if dirty:
            for f in dirty:
                setattr(m, f, row[f])
            m.save(update_fields=dirty)
            updated += 1
    for k in wanted:
        if k in keyed:
            continue  # already there, or decided by a person (a rejected one is not found again)
        model.objects.create(report=report, **wanted[k])
        added += 1
    changes.added[kind.key], changes.removed[kind.key], changes.updated[kind.key] = added, removed, updated


def reextract_from_original(report, user=None):
    """Run the pipeline on the report's stored original (or its raw text) and reextract()."""
    if report.original:
        with report.original.open("rb") as fh:
            data = fh.read()
    else:
        data = report.raw_text.encode("utf-8")
    return reextract(report, ingest.run_pipeline(report.original_name or f"report-{report.pk}", data), user)


# -- merge and split -----------------------------------------------------------------------------


def mergeable(model):
    """(mention model, the mention's field, alias model, the alias's field) of a record model whose
    kind (archive/entities.py) has merged names."""
    kind = next(k for k in KINDS if k.alias and k.record_model is model)
    return kind.model, kind.link, kind.alias_model, kind.link


def merge(target, others, user=None):
    """Merge others into target: their mentions move to it (in a report that names both, the two
    mentions become one, keeping a title), their names become its aliases, and they are deleted.
    Returns the number of mentions moved."""
    mention_model, fk, alias_model, alias_fk = mergeable(type(target))
    moved = 0
    with transaction.atomic():
        for other in others:
            if other.pk == target.pk:
                continue
            for mention in mention_model.all_objects.filter(**{fk: other}):
                twin = mention_model.all_objects.filter(report_id=mention.report_id, **{fk: target}).first()
                if twin is not None:
                    if hasattr(twin, "title") and not twin.title and mention.title:
                        twin.title = mention.title
                        decide(twin, Curated.CORRECTED, user)
                    mention.delete()
                else:
                    setattr(mention, fk, target)
                    decide(mention, mention.curation or Curated.ACCEPTED, user)
                moved += 1
            alias_model.objects.filter(**{alias_fk: other}).update(**{alias_fk: target})
            alias_model.objects.get_or_create(name=other.name, region_id=other.region_id, defaults={alias_fk: target})
            if hasattr(target, "title") and not target.title and other.title:
                target.title = other.title
            other._change_reason = f"并入 #{target.pk} {target}"
            other.delete()
        target._change_reason = f"合并了 {moved} 条提及"
        target.save()
    return moved


def split(source, mentions, name, region, user=None):
    """Take these mentions of source out into a new (or existing) record named name in region:
    the undoing of a wrong merge. Returns the record they now belong to."""
    mention_model, fk, alias_model, _alias_fk = mergeable(type(source))
    model = type(source)
    with transaction.atomic():
        target, _created = model.objects.get_or_create(
            name=name,
            region=region,
            defaults={"title": source.title, "kind": source.kind}
            if model is Person
            else {"category": source.category, "programme": source.programme},
        )
        alias_model.objects.filter(name=name, region=region).delete()  # the name is its own again
        for mention in mentions:
            if getattr(mention, f"{fk}_id") != source.pk:
                continue
            setattr(mention, fk, target)
            decide(mention, Curated.CORRECTED, user)
        target._change_reason = f"从 #{source.pk} {source} 拆分"
        target.save()
    return target
