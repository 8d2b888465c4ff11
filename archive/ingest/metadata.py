"""Stage 4: title, subtitle, byline, source, editor and date.

The title is the page head's (an HTML page's <title> or og:title, read by
head.py), whose copy printed at the top of the body leaves it; else the first
short head line that reads as a headline (TITLE_* in metadata_patterns.py). A
line starting with —— right after it is the subtitle; a byline line after
them gives the journalists. These head lines leave the body, and so do the
datelines (datelines.py). Each field is taken from the first place that has it:
- source: a print line (《人民日报》(... 01版)), a dateline (央视网消息（新闻联播）,
  新华社北京6月8日电), a 来源 line, the head's source meta, a copyright line, the
  site's own name;
- date: a print line, the head's date metas, a dated furniture line (发布时间 ...),
  a line at the top of the body that is only a date (新闻联播 2021年05月28日, 2021-05-28);
- byline: the head line, the dateline's credits, the head's author meta.
A report with no title gets None here (the store stage makes a fallback and flags it).
"""

import re
from datetime import date

from .datelines import take_datelines
from .document import Document, Rejected
from .metadata_patterns import (
    BYLINE_LINE,
    BYLINE_PART,
    COPYRIGHT_HOLDER,
    DATE_LINE_KEY,
    DATES,
    EDITOR,
    SOURCE,
    SUBTITLE_START,
    TITLE_MAX,
    TITLE_MIN,
    TITLE_NOT_END,
    TITLE_SCAN_LINES,
)
from .normalize import t2s
from .patterns import HAN, SENTENCE_PUNCTUATION

FALLBACK_TITLE_NOTE = "原文没有标题：用正文第一句代替"  # the warning a fallback title leaves (its own doubt in review)


def looks_like_title(line: str) -> bool:
    return (
        TITLE_MIN <= len(line) <= TITLE_MAX
        and not line.endswith(TITLE_NOT_END)
        and "。" not in line
        and not BYLINE_LINE.match(t2s(line))
    )


def parse_date(text: str) -> date | None:
    for pattern in DATES:
        for m in pattern.finditer(text):
            try:
                return date(int(m["y"]), int(m["m"]), int(m["d"]))
            except ValueError:
                continue
    return None


def parse_byline(simplified_line: str) -> list[tuple[str, str]]:
    people = []
    for m in BYLINE_PART.finditer(simplified_line):
        role = re.sub(r"\s", "", m.group(1)).rstrip("/")
        role = {"本报记者": "记者", "特约记者": "记者", "文": "作者"}.get(role, role)
        people += [(n, role) for n in re.split(r"[\s、，,]+", m.group(2)) if n]
    return people


_TITLE_NOISE = re.compile(r"[\s“”\"'《》「」【】\[\]—\-–·:：,，。!！?？]")


def _same_title(a, b):
    return _TITLE_NOISE.sub("", t2s(a)) == _TITLE_NOISE.sub("", t2s(b))


def _head(doc: Document):
    """Title, subtitle and byline from the first lines; they leave doc.lines."""
    i = 0
    if doc.head.title and len(doc.head.title) >= TITLE_MIN:
        doc.title = doc.head.title
        i = next((j + 1 for j, line in enumerate(doc.lines[:TITLE_SCAN_LINES]) if _same_title(line, doc.title)), 0)
    else:
        for j, line in enumerate(doc.lines[:TITLE_SCAN_LINES]):
            if looks_like_title(line) and not SUBTITLE_START.match(line):
                doc.title, i = line, j + 1
                break
            if len(line) > TITLE_MAX or any(p in line for p in SENTENCE_PUNCTUATION):
                break  # a sentence of the body: no title comes after it
    if doc.title is None:
        return
    skipped = i - 1  # short lines above the title (a column's name): furniture, kept for the metadata
    if skipped > 0 and not _same_title(doc.lines[skipped], doc.title or ""):
        skipped = 0
    doc.furniture += doc.lines[: max(skipped, 0)]
    if i < len(doc.lines) and SUBTITLE_START.match(doc.lines[i]) and len(doc.lines[i]) <= TITLE_MAX:
        doc.subtitle, i = SUBTITLE_START.sub("", doc.lines[i]), i + 1
    if i < len(doc.lines) and BYLINE_LINE.match(t2s(doc.lines[i])):
        doc.byline, i = parse_byline(t2s(doc.lines[i])), i + 1
    del doc.lines[:i]


def _people_of(value):
    """An author meta as names: 胡浩 / 胡浩 张三 / 胡浩、张三 (Chinese names only)."""
    names = [n for n in re.split(r"[\s、，,;；]+", t2s(value or "")) if n]
    return [(n, "作者") for n in names if re.fullmatch(r"[\u4e00-\u9fff·]{2,5}", n)]


def read_metadata(doc: Document) -> Document:
    """Fill the metadata fields; remove head lines and datelines from doc.lines."""
    doc.lines, dated = take_datelines(doc.lines, doc.furniture)  # first: a print line is never a title
    _head(doc)
    doc.source, doc.published = dated.print_source or dated.sender, dated.print_date
    doc.byline += [c for c in dated.byline if c not in doc.byline]
    doc.credits = [c for c in dated.credits if c not in doc.byline]
    meta_lines = [t2s(ln) for ln in doc.furniture] + [t2s(ln) for ln in doc.lines[:3]]
    for line in meta_lines:
        if doc.source is None and (m := SOURCE.search(line)):
            doc.source = m.group(1)
        if doc.editor is None and (m := EDITOR.search(line)):
            doc.editor = m.group(1)
    doc.source = doc.source or doc.head.source
    doc.published = doc.published or doc.head.published
    for line in meta_lines:
        if doc.published is None and DATE_LINE_KEY.search(line):
            doc.published = parse_date(line)
    doc.published = doc.published or dated.line_date
    if doc.source is None:
        for line in (t2s(ln) for ln in doc.furniture):
            for pattern in COPYRIGHT_HOLDER:
                if m := pattern.search(line):
                    doc.source = m.group(1)
                    break
            if doc.source:
                break
    doc.source = doc.source or doc.head.site
    if not doc.byline:
        doc.byline = _people_of(doc.head.author)
    if doc.title is None:
        doc.warnings.append(FALLBACK_TITLE_NOTE)
    doc.clean_text = "\n".join(doc.lines)
    if not HAN.search(doc.clean_text):  # the title, a dateline or page furniture, and nothing after them
        raise Rejected("文件中除了标题、电头和网页栏目之外没有正文")
    return doc
