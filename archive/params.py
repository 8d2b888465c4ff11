"""Parameters from a URL, read and bounded: a page number past the end, a number too big for the
database or a query of 3,000 words is answered with a page that says so, never a 500."""

import calendar
import datetime
import re
from dataclasses import dataclass

MAX_QUERY = 200  # characters of a search query (more is cut, and the page says so)
MAX_NUMBER = 1e15


@dataclass
class PageNumber:
    number: int
    note: str = ""  # what the page says when the asked-for page was out of range


def page(get, pages, name="page"):
    """The page asked for, within 1..pages; a page past the end shows the last, and says so."""
    raw = get.get(name, "1")
    try:
        asked = int(raw)
    except (TypeError, ValueError):
        return PageNumber(1, f"页码“{str(raw)[:12]}”不是数字，显示第 1 页。" if raw not in ("", None) else "")
    if asked < 1:
        return PageNumber(1)
    if asked > pages:
        return PageNumber(pages, f"第 {asked:,} 页超出范围（共 {pages:,} 页），显示最后一页。")
    return PageNumber(asked)


def integer(get, name, lo, hi):
    try:
        value = int(get.get(name, ""))
    except (TypeError, ValueError):
        return None
    return value if lo <= value <= hi else None


def number(get, name):
    raw = (get.get(name) or "").replace(",", "").strip()
    try:
        value = float(raw)
    except ValueError:
        return None
    return value if abs(value) <= MAX_NUMBER else None


def text(get, name, limit):
    return (get.get(name) or "").strip()[:limit]


def code(get, name):
    value = (get.get(name) or "").strip()
    return value if len(value) == 6 and value.isdigit() else ""


def query(get, name="q"):
    """(query, note): the query cut to MAX_QUERY characters, and the words that say it was."""
    raw = (get.get(name) or "").strip()
    if len(raw) <= MAX_QUERY:
        return raw, ""
    return raw[:MAX_QUERY], f"检索词过长（{len(raw):,} 个字符），只用了前 {MAX_QUERY} 个字符。"


_DATE = re.compile(r"^\s*(\d{4})(?:[-/.年](\d{1,2})(?:[-/.月](\d{1,2})日?)?月?)?\s*$")


def _day(raw, end):
    """A date from 2019, 2019-06 or 2019-06-30 (also 2019年6月30日): a year or month as its first day,
    or as its last when end is true; None when it is not a date."""
    m = _DATE.match(raw)
    if not m:
        return None
    year, month, day = int(m[1]), int(m[2] or (12 if end else 1)), m[3]
    try:
        if day is None:
            day = calendar.monthrange(year, month)[1] if end else 1
        return datetime.date(year, month, int(day))
    except ValueError:
        return None


def date_range(get, names=("from", "to")):
    """(from, to, note): the dates of a range, either end open; what cannot be read is dropped and
    the note says so; a range given backwards is turned round."""
    out, notes = [], []
    for name, end in zip(names, (False, True)):
        raw = (get.get(name) or "").strip()[:20]
        value = _day(raw, end) if raw else None
        if raw and value is None:
            notes.append(f"日期“{raw}”无法识别（可写 2019、2019-06 或 2019-06-30），已忽略。")
        out.append(value)
    start, stop = out
    if start and stop and start > stop:
        start, stop = _day(get.get(names[1]).strip(), False), _day(get.get(names[0]).strip(), True)
        notes.append("起止日期前后颠倒，已按先后对调。")
    return start, stop, " ".join(notes)
