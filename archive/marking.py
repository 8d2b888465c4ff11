"""A report's clean text with what was extracted from it marked where it occurs.

Figures are marked at their stored offsets; regions, people and programmes wherever their names
occur (found in the simplified text, which is aligned character for character with the clean
text: normalize.t2s). Where marks overlap the longer one wins. The result is a list of
(text, mark or None) runs, rendered by the review page and the public report page alike.
"""

from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from .entities import KINDS
from .models import format_number
from .text import leftmost_longest


@dataclass
class Mark:
    kind: str  # region | person | programme | figure
    ref: str  # the anchor of the record it stands for (region-12, person-3, metric-40 …)
    title: str  # what a reader sees on hover
    url: str = ""


def _occurrences(text, word):
    start = text.find(word)
    while start >= 0 and word:
        yield start
        start = text.find(word, start + len(word))


def marks(report, **records):
    """[(start, end, Mark)] for a report, not overlapping, in text order: every entity kind's marks
    (archive/entities.py: its marker), each over the records given by its key (regions=, people=,
    initiatives=, metrics=), by default the report's shown ones."""
    text = report.normalized_text if len(report.normalized_text) == len(report.clean_text) else report.clean_text
    spans = []
    for kind in KINDS:
        if kind.marker:
            rows = records.get(kind.key)
            spans += kind.part("marker")(text, report, kind.records(report) if rows is None else rows)
    return leftmost_longest(spans)  # where marks overlap, the longer one wins


def metric_marks(_text, report, metrics):
    """Figures at their stored offsets in the clean text (found again if the text was edited)."""
    spans = []
    for m in metrics:
        start = m.position
        if report.clean_text[start : start + len(m.quote)] != m.quote:  # an offset from before a text edit
            start = report.clean_text.find(m.quote)
        if start >= 0 and m.quote:
            title = f"{m.label or '（无指标）'} {m.vague or format_number(m.value)} {m.unit}" + (
                f" · {m.year}年" if m.year else ""
            )
            spans.append((start, start + len(m.quote), Mark("figure", f"metric-{m.pk}", title)))
    return spans


def region_marks(text, _report, mentions):
    """A place wherever its name or short name (two characters or more) occurs."""
    spans = []
    for rm in mentions:
        region = rm.region
        mark = Mark("region", f"region-{region.pk}", f"{region.name}（{region.code}）", region.get_absolute_url())
        for name in {region.name, region.short_name} - {""}:
            if len(name) >= 2:
                spans += [(start, start + len(name), mark) for start in _occurrences(text, name)]
    return spans


def person_marks(text, _report, mentions):
    spans = []
    for pm in mentions:
        person = pm.person
        mark = Mark("person", f"person-{pm.person_id}", f"{person.name} {pm.title}".strip(), person.get_absolute_url())
        spans += [(start, start + len(person.name), mark) for start in _occurrences(text, person.name)]
    return spans


def initiative_marks(text, _report, mentions):
    spans = []
    for im in mentions:
        i = im.initiative
        mark = Mark("programme", f"initiative-{im.initiative_id}", i.name, i.get_absolute_url())
        spans += [(start, start + len(i.name), mark) for start in _occurrences(text, i.name)]
    return spans


def runs(report, **records):
    """[(text, Mark or None)] covering the whole clean text."""
    text, out, at = report.clean_text, [], 0
    for start, stop, mark in marks(report, **records):
        if start > at:
            out.append((text[at:start], None))
        out.append((text[start:stop], mark))
        at = stop
    if at < len(text):
        out.append((text[at:], None))
    return out


def marked_html(report, link=False, **records):
    """The clean text as HTML, paragraphs as <p>, each mark a <mark class=kind> (a link when link)."""
    parts = []
    for chunk, mark in runs(report, **records):
        if mark is None:
            parts.append(escape(chunk))
        elif link and mark.url:
            parts.append(
                format_html(
                    '<a class="mark {}" href="{}" title="{}" data-ref="{}">{}</a>',
                    mark.kind,
                    mark.url,
                    mark.title,
                    mark.ref,
                    chunk,
                )
            )
        else:
            parts.append(
                format_html(
                    '<mark class="{}" title="{}" data-ref="{}">{}</mark>', mark.kind, mark.title, mark.ref, chunk
                )
            )
    html = "".join(str(p) for p in parts)
    return mark_safe("".join(f"<p>{line}</p>" for line in html.split("\n") if line.strip()))
