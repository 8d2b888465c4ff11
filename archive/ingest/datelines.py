"""Datelines: who sent a report, from where and when, as the body itself prints it.

Three kinds (patterns in metadata_patterns.py), matched on each body line's
simplified, width-folded form (t2s folds ６月８日 to 6月8日 and keeps length, so a
match's end is an offset in the line as printed):
- a broadcaster's: 央视网消息（新闻联播）： -> source 新闻联播 (the programme);
- a wire or newspaper's: 新华社北京6月8日电（记者 胡浩） -> source 新华社, byline
  胡浩; 本报讯（通讯员 邓永新） -> byline only (本报 names no paper);
- a newspaper page's print line, anywhere: 《 人民日报 》（ 2019年02月10日 01 版）
  -> source 人民日报, published 2019-02-10;
- a date line among the first lines, a line that is only a date with a short label
  (新闻联播 2021年05月28日, 2021-05-28, 发布时间：2021-05-28 10:00): a plain-text report's date.
A dateline is not a body sentence: it leaves the line (and the line, if
nothing is left of it) and is kept on doc.furniture.
"""

import re
from dataclasses import dataclass, field
from datetime import date

from archive.text import JOURNALIST_ROLES

from .metadata_patterns import (
    BROADCAST_DATELINE,
    CREDIT_PART,
    DATE_LINE_SCAN,
    DATE_ONLY_LINE,
    DATES,
    HOUSE_AGENCIES,
    PRINT_LINE,
    WIRE_DATELINE,
)
from .normalize import t2s

OPENING_LINES = 3  # a dateline this near the top opens the report: its credits are the report's byline


@dataclass
class Datelines:
    print_source: str | None = None  # the paper of a print line
    print_date: date | None = None
    line_date: date | None = None  # of a date line at the top (新闻联播 2021年05月28日)
    sender: str | None = None  # the programme, outlet or agency of the first dateline
    byline: list[tuple[str, str]] = field(default_factory=list)  # (name, role) of a dateline opening the report
    credits: list[tuple[str, str]] = field(default_factory=list)  # of datelines further down (a page of several items)


def _date(y, m, d):
    try:
        return date(int(y), int(m), int(d))
    except (TypeError, ValueError):
        return None


def _line_date(simplified):
    """The date of a line that is only a date (DATE_ONLY_LINE), or None."""
    if not DATE_ONLY_LINE.match(simplified):
        return None
    for pattern in DATES:
        for m in pattern.finditer(simplified):
            if found := _date(m["y"], m["m"], m["d"]):
                return found
    return None


def credits(simplified: str) -> list[tuple[str, str]]:
    """[(name, role)] from a dateline's brackets: 记者 胡浩 通讯员 张三、李四."""
    out = []
    for m in CREDIT_PART.finditer(simplified):
        role = JOURNALIST_ROLES.get(m["role"], m["role"])
        out += [(n, role) for n in re.split(r"[\s、，,]+", m["names"]) if 2 <= len(n) <= 5]
    return out


def take_datelines(lines: list[str], furniture: list[str]) -> tuple[list[str], Datelines]:
    """The lines without their datelines, and what the datelines said."""
    found = Datelines()
    out = []
    for i, line in enumerate(lines):
        simple = t2s(line)
        if i < DATE_LINE_SCAN and (day := _line_date(simple)):
            found.line_date = found.line_date or day
            furniture.append(line)
            continue
        m = PRINT_LINE.search(simple)
        if m:
            found.print_source = found.print_source or m["paper"].strip()
            found.print_date = found.print_date or _date(m["y"], m["m"], m["d"])
            furniture.append(line[m.start() : m.end()])
            line, simple = (
                (line[: m.start()] + line[m.end() :]).strip(),
                (simple[: m.start()] + simple[m.end() :]).strip(),
            )
        m = BROADCAST_DATELINE.match(simple) or WIRE_DATELINE.match(simple)
        if m and m.end() > 0:
            groups = m.groupdict()
            sender = groups.get("programme") or groups.get("outlet") or groups.get("agency")
            if sender and sender not in HOUSE_AGENCIES and found.sender is None:
                found.sender = sender
            if groups.get("credits"):
                names = found.byline if i < OPENING_LINES else found.credits
                names += [c for c in credits(groups["credits"]) if c not in names]
            furniture.append(line[: m.end()].strip())
            line = line[m.end() :].strip()
        if line:
            out.append(line)
    return out, found
