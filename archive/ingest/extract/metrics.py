"""Figures: number + unit + what is counted, normalised, with the exact words.

One regex finds number, magnitude (万/亿), approximation markers and a unit
from archive/units.py; the value is multiplied out (8365.66万元 -> 83656600 元)
and the unit canonicalised (名 -> 人). Never a figure from: ordinals (第一),
numbers inside 《》 or short quoted slogans ("五个十万", "138"), Chinese
numerals below ten (一人一村, 四位一体), bare magnitudes (千头万绪), dates and
clock times (no unit), or a unit whose number was stripped out (个贫困村,
余万元, 达%: no number, no figure). Compound facts (26811户74615人, 由45%下降
至0.74%) give one figure per number. The year is a 19xx/20xx年 in the same
sentence; the region is the nearest place named before it in the sentence.
"""

import re
from dataclasses import dataclass

import cn2an

from archive.units import MAGNITUDES, NON_METRIC_UNITS, UNITS

from .metric_patterns import (
    APPROX_AFTER,
    APPROX_BEFORE,
    APPROX_TAIL,
    CN_ALL,
    CN_DIGITS,
    HOUSEHOLD_AFTER_GE,
    LABEL_MAX,
    LABEL_STOP,
    MIN_CHINESE_VALUE,
    NOUN_UNITS,
    SLOGAN_MAX_LEN,
)

_UNIT_RE = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
_NOUN_RE = "|".join(re.escape(n) for n in sorted(NOUN_UNITS, key=len, reverse=True))
_NUMBER = rf"(?P<num>(?<![0-9.])[0-9]+(?:,[0-9]{{3}})*(?:\.[0-9]+)?|(?<![{CN_ALL}])[{CN_DIGITS}][{CN_ALL}]*)"
_METRIC = re.compile(
    rf"(?P<pre>{'|'.join(APPROX_BEFORE)})?{_NUMBER}(?P<approx1>{'|'.join(APPROX_AFTER)})?"
    rf"(?P<mag>万亿|万|亿)?(?P<approx2>{'|'.join(APPROX_AFTER)})?"
    rf"(?:(?P<unit>{_UNIT_RE})|(?P<noun>{_NOUN_RE}))(?P<approx3>余|多)?(?P<tail>{'|'.join(APPROX_TAIL)})?"
)
_YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})\s*年")
_SENTENCE_END = "。！？；!?;\n"
_QUOTE_SPANS = re.compile(rf"“[^”]{{1,{SLOGAN_MAX_LEN}}}”|\"[^\"]{{1,{SLOGAN_MAX_LEN}}}\"|《[^》]*》|「[^」]{{1,{SLOGAN_MAX_LEN}}}」")


@dataclass
class Figure:
    value: float
    unit: str
    approx: bool
    label: str
    year: int | None
    region: str | None
    quote: str
    sentence: str
    start: int


def _number(raw):
    raw = raw.replace(",", "")
    if raw[0].isdigit():
        return float(raw)
    if raw[0] not in CN_DIGITS:
        return None
    try:
        value = float(cn2an.cn2an(raw, "normal"))
    except (ValueError, KeyError, TypeError):
        return None
    return value if value >= MIN_CHINESE_VALUE else None


def _sentence_bounds(text, pos):
    start = max(text.rfind(ch, 0, pos) for ch in _SENTENCE_END) + 1
    ends = [i for i in (text.find(ch, pos) for ch in _SENTENCE_END) if i >= 0]
    end = min(ends) + 1 if ends else len(text)
    return start, end


def _label(text, m):
    after = []
    for ch in text[m.end():m.end() + LABEL_MAX]:
        if ch in LABEL_STOP or ch.isdigit():
            break
        after.append(ch)
    if m.group("noun"):
        return m.group("noun")
    if len(after) >= 2:
        return "".join(after)
    before = []
    for ch in reversed(text[max(0, m.start() - LABEL_MAX):m.start()]):
        if ch in LABEL_STOP or ch.isdigit():
            break
        before.append(ch)
    return "".join(reversed(before))


def find_metrics(text, original=None, region_at=None):
    """Figures in text (normalised); quotes and sentences are cut from original (same length)."""
    original = original if original is not None else text
    blocked = [(q.start(), q.end()) for q in _QUOTE_SPANS.finditer(text)]
    out = []
    for m in _METRIC.finditer(text):
        s = m.start("num")
        if text[s - 1:s] == "第" or any(a <= s < b for a, b in blocked):
            continue
        unit_printed = m.group("unit")
        if unit_printed in NON_METRIC_UNITS:
            continue
        value = _number(m.group("num"))
        if not value:
            continue
        if m.group("mag"):
            value *= MAGNITUDES[m.group("mag")]
        if unit_printed:
            unit = UNITS[unit_printed]
            if unit == "个" and text.startswith(HOUSEHOLD_AFTER_GE, m.end()):
                unit = "户"
        else:
            unit = NOUN_UNITS[m.group("noun")]
        approx = any(m.group(g) for g in ("pre", "approx1", "approx2", "approx3", "tail"))
        a, b = _sentence_bounds(text, s)
        years = [int(y) for y in _YEAR.findall(text[a:b])]
        quote_start = m.start("pre") if m.group("pre") else s
        out.append(Figure(
            value=round(value, 6), unit=unit, approx=approx, label=_label(text, m),
            year=years[0] if years else None, region=region_at(s) if region_at else None,
            quote=original[quote_start:m.end()], sentence=original[a:b].strip(), start=quote_start,
        ))
    return out
