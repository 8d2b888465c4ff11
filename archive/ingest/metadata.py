"""Stage 4: title, subtitle, byline, source, editor and date.

The title is the first short head line that reads as a headline (TITLE_* in
metadata_patterns.py); a line starting with —— right after it is the subtitle;
a byline line after them gives the journalists. These head lines leave the
body. Source, editor and date are read from the furniture lines first (来源,
發布時間, 责任编辑, 版权所有), then from the body's first lines; a report with no
title gets None here (the store stage makes a fallback and flags it).
"""

import re
from datetime import date

from .document import Document
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


def looks_like_title(line: str) -> bool:
    return (TITLE_MIN <= len(line) <= TITLE_MAX and not line.endswith(TITLE_NOT_END)
            and "。" not in line and not BYLINE_LINE.match(t2s(line)))


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


def _head(doc: Document):
    """Title, subtitle and byline from the first lines; they leave doc.lines."""
    i = 0
    for j, line in enumerate(doc.lines[:TITLE_SCAN_LINES]):
        if looks_like_title(line) and not SUBTITLE_START.match(line):
            doc.title, i = line, j + 1
            break
        if len(line) > TITLE_MAX:
            break
    if doc.title is None:
        return
    if i < len(doc.lines) and SUBTITLE_START.match(doc.lines[i]) and len(doc.lines[i]) <= TITLE_MAX:
        doc.subtitle, i = SUBTITLE_START.sub("", doc.lines[i]), i + 1
    if i < len(doc.lines) and BYLINE_LINE.match(t2s(doc.lines[i])):
        doc.byline, i = parse_byline(t2s(doc.lines[i])), i + 1
    del doc.lines[:i]


def read_metadata(doc: Document) -> Document:
    """Fill the metadata fields; remove head lines from doc.lines."""
    _head(doc)
    meta_lines = [t2s(ln) for ln in doc.furniture] + [t2s(ln) for ln in doc.lines[:3]]
    for line in meta_lines:
        if doc.source is None and (m := SOURCE.search(line)):
            doc.source = m.group(1)
        if doc.editor is None and (m := EDITOR.search(line)):
            doc.editor = m.group(1)
        if doc.published is None and DATE_LINE_KEY.search(line):
            doc.published = parse_date(line)
    if doc.source is None:
        for line in (t2s(ln) for ln in doc.furniture):
            for pattern in COPYRIGHT_HOLDER:
                if m := pattern.search(line):
                    doc.source = m.group(1)
                    break
            if doc.source:
                break
    if doc.title is None:
        doc.warnings.append("no title was printed: the first sentence stands in for it")
    doc.clean_text = "\n".join(doc.lines)
    return doc
