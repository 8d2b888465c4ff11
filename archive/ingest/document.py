"""The one object every pipeline stage reads and fills, and the one exception a stage raises.

What extraction finds is typed here. Places, people and programmes are dicts of a fixed shape
(TypedDicts: the shape is checked by type checkers and read by name everywhere); they stay dicts
because the extraction's JSON (manage.py extract --json, the gate, the team's scorer) prints them as
they are, and consolidate.py and the tests read them so: that JSON is the boundary. Figures are
extract/metrics.py's MetricFound dataclass (defined beside the rule that fills it).
"""

from dataclasses import dataclass, field
from datetime import date
from typing import NotRequired, TypedDict

from .head import PageHead


class Rejected(Exception):
    """A stage cannot go on with this file; the message is shown to the user as is."""


class PlaceFound(TypedDict):
    code: str  # GB/T 2260
    name: str
    level: str  # province, prefecture, county, town
    count: int  # times named
    primary: bool  # what the report is about (extract/regions.py)


class PersonFound(TypedDict):
    name: str  # simplified
    title: str | None  # the titles printed with the name, joined by ；
    kind: str  # models.Person.KINDS
    region: str | None  # the code of the place tied to the person


class InitiativeFound(TypedDict):
    name: str  # as printed
    category: str  # taxonomy.CATEGORIES, or ""
    programme: NotRequired[str | None]  # the thesaurus key (archive/programmes.py)


@dataclass
class Document:
    name: str
    data: bytes = b""
    kind: str = ""  # txt, html, docx, pdf
    raw_text: str = ""  # decoded, as given
    text: str = ""  # plain text, paragraphs on their own lines
    lines: list[str] = field(default_factory=list)  # body lines, furniture removed
    furniture: list[str] = field(default_factory=list)  # lines removed as page furniture (metadata reads them)
    head: PageHead = field(default_factory=PageHead)  # what an HTML page's head says (html.py)
    title: str | None = None
    subtitle: str | None = None
    source: str | None = None
    published: date | None = None
    editor: str | None = None
    byline: list[tuple[str, str]] = field(default_factory=list)  # (name, role as printed)
    credits: list[tuple[str, str]] = field(default_factory=list)  # journalists of items further down the page
    script: str = "hans"
    clean_text: str = ""  # body in the original script
    normalized_text: str = ""  # body in simplified script, same length as clean_text
    regions: list[PlaceFound] = field(default_factory=list)
    people: list[PersonFound] = field(default_factory=list)
    initiatives: list[InitiativeFound] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    metrics: list = field(default_factory=list)  # [extract.metrics.MetricFound] (not imported: extract imports this)
    warnings: list[str] = field(default_factory=list)  # what could not be read, in words

    @property
    def title_or_fallback(self):
        if self.title:
            return self.title
        first = next((ln for ln in self.lines if ln.strip()), self.name)
        cut = min((i for i in (first.find(p) for p in "。！？；") if i > 0), default=len(first))
        return first[: min(cut, 40)]
