"""The one object every pipeline stage reads and fills, and the one exception a stage raises."""

from dataclasses import dataclass, field
from datetime import date

from .head import PageHead


class Rejected(Exception):
    """A stage cannot go on with this file; the message is shown to the user as is."""


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
    regions: list = field(default_factory=list)
    people: list = field(default_factory=list)
    initiatives: list = field(default_factory=list)
    categories: list = field(default_factory=list)
    metrics: list = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # what could not be read, in words

    @property
    def title_or_fallback(self):
        if self.title:
            return self.title
        first = next((ln for ln in self.lines if ln.strip()), self.name)
        cut = min((i for i in (first.find(p) for p in "。！？；") if i > 0), default=len(first))
        return first[: min(cut, 40)]
