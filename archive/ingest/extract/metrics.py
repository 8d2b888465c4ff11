"""Figures: number + unit + what is counted, normalised, with the exact words.

One regex finds number, magnitude (万/亿), approximation markers and a unit
from archive/units.py; the value is multiplied out (8365.66万元 -> 83656600 元)
and the unit canonicalised (名 -> 人). Never a figure from: ordinals (第一),
numbers inside 《》 or short quoted slogans ("五个十万", "138"), Chinese
numerals below ten (一人一村, 四位一体), bare magnitudes (千头万绪), dates and
clock times (no unit), or a unit whose number was stripped out (个贫困村,
余万元, 达%: no number, no figure). What a figure counts is its label (labels.py).
Compound facts give one figure per number under one label: 26811户74615人 (both
贫困人口), 由45%下降至0.74% (both 贫困发生率, marked before and after). The year is
the 19xx/20xx年 printed last before the figure in its sentence (从2013年的11000多人
增长到2019年的14000多人: one each), else the sentence's first; the region is the
nearest place named before it in the sentence. Every scan is linear in the text.
"""

import bisect
import re
from dataclasses import dataclass

import cn2an

from archive.text import Sentences
from archive.units import MAGNITUDES, NON_METRIC_UNITS, UNITS

from . import labels
from .label_patterns import LIST_JOINERS, SAME_COUNT_BEFORE
from .metric_context import Times
from .metric_patterns import (
    APPROX_AFTER,
    APPROX_BEFORE,
    APPROX_TAIL,
    CHANGE_FROM,
    CHANGE_TO,
    CHANGE_WHEN,
    CN_ALL,
    CN_DIGITS,
    DURATION_AFTER_GE,
    EXCHANGE_AFTER,
    HOUSEHOLD_AFTER_GE,
    LABEL_MAX,
    MIN_CHINESE_VALUE,
    NAME_BEFORE_NUMBER,
    NEAR_MAGNITUDE,
    NOT_RANK_BEFORE,
    NOUN_UNITS,
    NUMBER_NAMES_AFTER,
    PRICE_GAP,
    PRICE_UNITS,
    RANK_BEFORE,
    RANK_UNITS,
    SLOGAN_MAX_LEN,
    TRAIN_CODE,
    TRAIN_WINDOW,
    VAGUE_NUMBER,
)

_UNIT_RE = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
_NOUN_RE = "|".join(re.escape(n) for n in sorted(NOUN_UNITS, key=len, reverse=True))
_NUMBER = (
    rf"(?:(?P<vague>(?<![{CN_ALL}])(?:{VAGUE_NUMBER}))|(?P<num>(?<![0-9.])[0-9]+(?:,[0-9]{{3}})*(?:\.[0-9]+)?|(?<![{CN_ALL}])[{CN_DIGITS}][{CN_ALL}]*"
    rf"|(?<={NEAR_MAGNITUDE})(?=[千万亿])))"
)  # 近万元: the magnitude alone; 数十家, 两三次: vague
_METRIC = re.compile(
    rf"(?P<pre>{'|'.join(APPROX_BEFORE)})?{_NUMBER}(?P<approx1>{'|'.join(APPROX_AFTER)})?"
    rf"(?P<mag>万亿|万|亿)?(?P<approx2>{'|'.join(APPROX_AFTER)})?"
    rf"(?:(?P<noun>{_NOUN_RE})|(?P<unit>{_UNIT_RE}))(?P<approx3>余|多)?(?P<tail>{'|'.join(APPROX_TAIL)})?"
)
_PRICE_UNIT = "|".join(sorted(PRICE_UNITS, key=len, reverse=True))
_PER_BEFORE = re.compile(rf"(?:每|一)(?P<per>{_PRICE_UNIT})[^，,。；;、0-9]{{0,{PRICE_GAP}}}$")
_PER_AFTER = re.compile(rf"(?:/|／|每|一)(?P<per>{_PRICE_UNIT})")
_QUOTE_SPANS = re.compile(
    rf"“[^”]{{1,{SLOGAN_MAX_LEN}}}”|\"[^\"]{{1,{SLOGAN_MAX_LEN}}}\"|《[^》]*》|「[^」]{{1,{SLOGAN_MAX_LEN}}}」"
)
_TRAIN = re.compile(TRAIN_CODE)
_CLAUSE_END = re.compile("[。；;，,！!？?\n]")
_CHANGE = re.compile(rf"{CHANGE_WHEN}{CHANGE_TO}{CHANGE_WHEN}")
_FROM = re.compile(rf"(?:{'|'.join(CHANGE_FROM)}){CHANGE_WHEN}(?:每[\u4e00-\u9fff])?$")
SENTENCE_WINDOW = 400  # characters either side of a figure read as its sentence when no sentence end is near


@dataclass
class MetricFound:
    value: float | None  # None: a vague quantity (数十家), its words in vague
    unit: str
    approx: bool
    label: str
    year: int | None
    region: str | None
    quote: str
    sentence: str
    start: int
    end: int = 0  # of the quote, in the text the figures were found in
    change: str | None = None  # "before" / "after": the two ends of one change (由45%下降至0.74%)
    scope: str = ""  # "national", "province", "prefecture", "county": the level the text says (全国, 全省)
    vague: str = ""  # the words of a vague quantity (数十, 几百, 两三): no value is invented


def _number(raw):
    if not raw:
        return 1.0  # 近万元: one of the magnitude
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


def _no_quantity(text, m, s, raw):
    """A number that names something (G1234次, 5633/5634次列车, 0871-6543210, 4625次 beside K7825), a duration
    (6个小时), a rank (前十名), a rate of exchange (1美元兑) or no number (第一)."""
    if text[s - 1 : s] == "第" or (s and text[s - 1] in NAME_BEFORE_NUMBER):
        return True
    if text[s - 1 : s] == RANK_BEFORE and text[s - 2 : s - 1] not in NOT_RANK_BEFORE and m.group("unit") in RANK_UNITS:
        return True  # 全市前十名: a rank
    if raw and raw[0] == "0" and len(raw) > 1 and raw[1] != ".":
        return True  # a telephone or a code: no count starts with 0
    if m.group("unit") == "个" and text.startswith(DURATION_AFTER_GE, m.end()):
        return True  # 6个小时: a duration
    if text.startswith(EXCHANGE_AFTER, m.end()) and UNITS.get(m.group("unit")) in ("元", "美元"):
        return True  # 1美元兑160.7日元: a rate of exchange
    if m.group("unit") != "次":
        return False
    if text.startswith(NUMBER_NAMES_AFTER, m.end()):
        return True
    lo = max(0, s - TRAIN_WINDOW)
    lo = max((e.end() for e in _CLAUSE_END.finditer(text, lo, s)), default=lo)
    hi = _CLAUSE_END.search(text, m.end(), m.end() + TRAIN_WINDOW)
    return bool(_TRAIN.search(text, lo, hi.start() if hi else m.end() + TRAIN_WINDOW))  # 太原至永济4625次、…K7807


def find_metrics(text, original=None, region_at=None, tokens=None, published=None, places=None, title_end=0):
    """Figures in text (normalised); quotes and sentences are cut from original (same length);
    tokens: the text's tagged tokens (tagger.Tokens), when the caller has them; published: the
    report's date (今年, 去年底, 目前 are read against it); places: a metric_context.Places (the
    scope and the region), else region_at(offset) names the region; title_end: where the headline
    ends (its year dates figures that have none)."""
    original = original if original is not None else text
    blocked = [(q.start(), q.end()) for q in _QUOTE_SPANS.finditer(text)]
    block_starts = [a for a, _b in blocked]
    sentences = Sentences(text, SENTENCE_WINDOW)
    times = Times(text, published, title_end)
    out = []
    for m in _METRIC.finditer(text):
        vague = m.group("vague") or ""
        s = m.start("vague") if vague else m.start("num")
        k = bisect.bisect_right(block_starts, s) - 1
        if (k >= 0 and blocked[k][1] > s) or _no_quantity(text, m, s, m.group("num")):
            continue
        unit_printed = m.group("unit")
        if unit_printed in NON_METRIC_UNITS:
            continue
        if vague:
            value = None
        else:
            value = _number(m.group("num"))
            if not value:
                continue
            if m.group("mag"):
                value *= MAGNITUDES[m.group("mag")]
            value = round(value, 6)
        end = m.end()
        if unit_printed:
            unit = UNITS[unit_printed]
            if unit == "个" and text.startswith(HOUSEHOLD_AFTER_GE, m.end()):
                unit = "户"
            kind = "percent" if unit in ("%", "个百分点") else "count"
        else:
            unit, kind = NOUN_UNITS[m.group("noun")], "noun"
        if unit in ("元", "美元"):  # a price per unit: 每公斤40元, 40元/公斤
            per = _PER_AFTER.match(text, end) if not m.group("tail") else None
            if per:
                end = per.end()
            per = per or _PER_BEFORE.search(text, max(0, s - PRICE_GAP - 4), s)
            if per:
                unit = f"{unit}/{PRICE_UNITS[per.group('per')]}"
        approx = bool(vague) or any(m.group(g) for g in ("pre", "approx1", "approx2", "approx3", "tail"))
        a, b = sentences.bounds(s)
        quote_start = m.start("pre") if m.group("pre") else s
        region, scope = places.at(s) if places else (region_at(s) if region_at else None, "")
        out.append(
            MetricFound(
                value=value,
                unit=unit,
                approx=approx,
                label=labels.label(text, quote_start, m.end(), kind, m.group("noun"), unit.split("/")[0], tokens),
                year=times.year(quote_start, a, b),
                region=region,
                quote=original[quote_start:end],
                sentence=original[a:b].strip(),
                start=quote_start,
                end=end,
                scope=scope,
                vague=vague,
            )
        )
    _relate(text, out, tokens)
    for f in out:
        if f.region and places and not places.holds(f.region, f.value, f.unit, f.label):
            f.region = None  # 7000万人口 in a 宁德 story: more people than the place holds
    for prev, f in zip([None, *out], out):
        if f.year is None and f.change != "before":  # a past or a future said since the figure before
            a = sentences.bounds(f.start)[0]
            f.year = times.present(f.start, max(a, prev.end) if prev else a, a)
    return out


def _relate(text, figures, tokens=None):
    """Figures of one fact share a label: a change (由45%下降至0.74%: before and after, labelled by
    what stands before 由/从) and a compound (26811户74615人; 8.3万户、22.7万建档立卡贫困人口: the
    numbers of a list count what its last names)."""
    for f, g in zip(figures, figures[1:]):
        between = text[f.end : g.start]
        start = _FROM.search(text, max(0, f.start - 14), f.start)
        if f.unit == g.unit and start and _CHANGE.fullmatch(between):
            f.change, g.change = "before", "after"
            f.label = (
                labels.before(text, start.start(), tokens)[0] or labels.subject(text, start.start(), tokens) or f.label
            )
            g.label = f.label
        elif f.label and between in ("", "、", "共") and not g.label:
            g.label = f.label  # 26811户74615人, 147户、372人
        elif f.label and not g.label and f.unit == g.unit and between[:1] in "，," and between[1:] in SAME_COUNT_BEFORE:
            g.label = f.label  # 确诊病例逼近17000例，达到16926例: a bare clause counts what the one before did
    for f, g in zip(reversed(figures[:-1]), reversed(figures[1:])):
        if not f.label and g.label and text[f.end : g.start] in ("、", "共", ""):
            f.label = g.label
    _each(text, figures, tokens)
    for f in figures:
        growth = f.label and labels.growth_only(f.label)
        if growth or (f.unit in ("元", "%", "个百分点") and not f.label and not _given_away(text, f, tokens)):
            # 全年…的收入，一年超过了一万元: an amount of the clause before; 人均可支配收入…，年均增长11.6%
            at = f.start - len(f.label) if growth and text[: f.start].endswith(f.label) else f.start
            head = labels.subject(text, at, tokens)
            f.label = (head + f.label)[: LABEL_MAX + 4] if head or not growth else ""  # not how alone


def _each(text, figures, tokens=None):
    """分别 before a list of figures (贫困村和贫困人口分别减少345个和551万人): each number takes the item of
    the list before 分别 in its place, with how it changed when its label said it (快递业务量增长)."""
    k = 0
    while k < len(figures):
        j = k + 1
        while j < len(figures) and text[figures[j - 1].end : figures[j].start] in LIST_JOINERS:
            j += 1
        group = figures[k:j]
        items = labels.each_of(text, group[0].start, len(group), tokens) if len(group) > 1 else None
        if items:
            shared = group[-1].label
            how = shared[len(items[-1]) :] if shared.startswith(items[-1]) else ""
            if all(f.label == shared for f in group) and (how == "" or labels.growth_only(how)):
                for f, item in zip(group, items):
                    f.label = (item + how)[: LABEL_MAX + 4]
        k = j


def _given_away(text, f, tokens):
    """An amount of money after what someone did with it (给予300元, 县里拿出500万元): no subject labels it."""
    return f.unit == "元" and labels.after_predicate(*labels.before(text, f.start, tokens))
