"""The kinds of thing extracted from a report, each with every part that handles it, in one place.

A kind (places, people, programmes, categories, figures) is read from the text by its extractor,
carried on the Document under its key, printed in the extraction's JSON by its serializer, stored
as rows of its mention model (one per report and record, decided by a reviewer: models.Curated),
extracted again by curation.reextract(), marked in the report's text by its marker, reviewed in
the report's admin page through its inline, and shown on the report page and its own pages. Every
stage loops over KINDS instead of keeping its own list, so a new kind is a model, an extractor and
one entry here (docs/ENTITIES.md walks through adding one; tests/test_entities.py checks that
every part named exists and is wired).

Parts are named by dotted path (as Django names its middleware and backends) and loaded on first
use: the registry imports none of the modules that use it, so it adds no import cycle, and the
ingest's stages load no admin or view code. The code names the figure and programme kinds
`metrics` and `initiatives` (their models Metric and Initiative) and the pages say 数据 and 项目;
the registry keeps the code's names.
"""

from dataclasses import dataclass
from functools import cache

from django.apps import apps
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class Kind:
    key: str  # the Document field, the extraction JSON's key, the store's and curation's name for it
    words: str  # what a reviewer reads (the re-extraction's summary)
    mention: str  # the model of its per-report rows ("app.Model"), a models.Curated
    related: str  # the Report's related name for those rows
    identity: tuple[str, ...]  # the fields that say which row it is across extractions
    columns: tuple[str, ...]  # every field extraction writes on a row (report and curation aside)
    followed: tuple[str, ...]  # the fields a re-extraction brings up to date on an undecided row
    extractor: str  # Reading -> the Document field's value (archive/ingest/extract/stages.py)
    rows: str  # (pairs, region ids, claimed) -> {report pk: [row]} (archive/ingest/store.py)
    serializer: str  # the Document field's value -> its JSON (archive/serializers.py)
    inline: str  # the review page's inline (archive/admin/inlines.py)
    page_rows: str  # the report's records -> the report page's list (archive/views/rows.py)
    page_key: str  # that list's key in the report page's data (the UI's word: programmes, figures)
    pages: tuple[str, ...]  # the URL names of the kind's own pages
    gate: tuple[str, ...]  # the extraction gate's measures of it (archive/evaluation.py FLOORS)
    marker: str | None = None  # (text, report, records) -> [(start, end, Mark)] (archive/marking.py)
    select: tuple[str, ...] = ()  # select_related when reading the report's rows
    order: tuple[str, ...] = ()  # their order on the report page
    record: str | None = None  # the model of the thing itself, when it has one (Person, Initiative)
    alias: str | None = None  # the model of its merged names, when reviewers merge records of it

    def part(self, name):
        """The function or class a part's dotted path names."""
        return _load(getattr(self, name))

    @property
    def model(self):
        return apps.get_model(self.mention)

    @property
    def record_model(self):
        return apps.get_model(self.record) if self.record else None

    @property
    def alias_model(self):
        return apps.get_model(self.alias) if self.alias else None

    @property
    def link(self):
        """The mention's field that points to its record (person, initiative)."""
        return self.identity[0].removesuffix("_id")

    def key_of(self, row):
        """Which row it is across extractions, for a row dict or a stored row."""
        if isinstance(row, dict):
            return tuple(row[f] for f in self.identity)
        return tuple(getattr(row, f) for f in self.identity)

    def records(self, report):
        """The report's shown rows of this kind, as the report page lists them."""
        rows = getattr(report, self.related)
        if self.select:
            rows = rows.select_related(*self.select)
        if self.order:
            rows = rows.order_by(*self.order)
        return list(rows.all())


@cache
def _load(path):
    return import_string(path)


_EXTRACT = "archive.ingest.extract.stages"
_STORE = "archive.ingest.store"
_JSON = "archive.serializers"
_INLINES = "archive.admin.inlines"
_ROWS = "archive.views.rows"
_MARKS = "archive.marking"

# In the order extraction runs them (people and figures read the places found first; categories the
# programmes) and the review page shows them.
KINDS = (
    Kind(
        key="regions",
        words="地区",
        mention="archive.RegionMention",
        related="region_mentions",
        identity=("region_id",),
        columns=("region_id", "count", "primary"),
        followed=("count", "primary"),
        extractor=f"{_EXTRACT}.regions",
        rows=f"{_STORE}.region_rows",
        serializer=f"{_JSON}.regions_json",
        marker=f"{_MARKS}.region_marks",
        inline=f"{_INLINES}.RegionMentionInline",
        page_rows=f"{_ROWS}.region_mention_rows",
        page_key="regions",
        pages=("archive:region",),
        gate=("region-f1",),
        select=("region",),
        order=("-primary", "-count"),
    ),
    Kind(
        key="people",
        words="人物",
        mention="archive.PersonMention",
        related="person_mentions",
        identity=("person_id",),
        columns=("person_id", "title"),
        followed=("title",),
        extractor=f"{_EXTRACT}.people",
        rows=f"{_STORE}.people_rows",
        serializer=f"{_JSON}.as_is",
        marker=f"{_MARKS}.person_marks",
        inline=f"{_INLINES}.PersonMentionInline",
        page_rows=f"{_ROWS}.person_mention_rows",
        page_key="people",
        pages=("archive:person",),
        gate=("people-f1", "title-acc"),
        select=("person__region",),
        record="archive.Person",
        alias="archive.PersonAlias",
    ),
    Kind(
        key="initiatives",
        words="项目",
        mention="archive.InitiativeMention",
        related="initiative_mentions",
        identity=("initiative_id",),
        columns=("initiative_id",),
        followed=(),
        extractor=f"{_EXTRACT}.initiatives",
        rows=f"{_STORE}.initiative_rows",
        serializer=f"{_JSON}.as_is",
        marker=f"{_MARKS}.initiative_marks",
        inline=f"{_INLINES}.InitiativeMentionInline",
        page_rows=f"{_ROWS}.initiative_mention_rows",
        page_key="programmes",
        pages=("archive:initiative", "archive:programme"),
        gate=("initiative-recall",),
        select=("initiative",),
        record="archive.Initiative",
        alias="archive.InitiativeAlias",
    ),
    Kind(
        key="categories",
        words="类别",
        mention="archive.ReportCategory",
        related="category_links",
        identity=("category",),
        columns=("category",),
        followed=(),
        extractor=f"{_EXTRACT}.categories",
        rows=f"{_STORE}.category_rows",
        serializer=f"{_JSON}.as_is",
        inline=f"{_INLINES}.CategoryInline",
        page_rows=f"{_ROWS}.category_rows",
        page_key="categories",
        pages=("archive:category",),
        gate=("category-recall",),
    ),
    Kind(
        key="metrics",
        words="数据",
        mention="archive.Metric",
        related="metrics",
        identity=("position", "quote", "change"),
        columns=(  # in the order the review inline and the pages show them (label_key, position: neither)
            "label",
            "label_key",
            "value",
            "unit",
            "approx",
            "vague",
            "year",
            "change",
            "scope",
            "region_id",
            "quote",
            "sentence",
            "position",
        ),
        followed=("region_id", "label", "value", "unit", "approx", "year", "sentence"),
        extractor=f"{_EXTRACT}.metrics",
        rows=f"{_STORE}.metric_rows",
        serializer=f"{_JSON}.metrics_json",
        marker=f"{_MARKS}.metric_marks",
        inline=f"{_INLINES}.MetricInline",
        page_rows=f"{_ROWS}.metric_rows",
        page_key="figures",
        pages=("archive:figures",),
        gate=("metric-recall", "metric-label-acc"),
        select=("region",),
    ),
)

BY_KEY = {kind.key: kind for kind in KINDS}
