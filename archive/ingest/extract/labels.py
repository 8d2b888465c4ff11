"""What a figure counts: its label, in the words of its sentence.

The label is a run of words next to the number, read with the tagger (tagger.py):
- after a counting unit, the noun phrase it counts (辖10个镇 -> 镇, 48.1吨冷冻白条鸭,
  300多万名第一书记和驻村干部, 6万多人的闽宁镇); after a percentage, the noun its 的 takes
  (75%的员工);
- else the noun phrase before the number, over the words between that belong to neither
  (贫困发生率由45%, 中央财政支持资金增加到1561亿元), without a verb in front of it (建成社区
  工厂83家 -> 社区工厂); a verb alone only when nothing else is there (累计减贫20466户 -> 减贫);
- after a verb with nothing before it but the verb (支持2100人返乡创业, 实现4.48万人稳定脱贫,
  带来60万元收入), what follows, verb and all.
Figures of one fact share their label (26811户74615人; 由45%下降至0.74%: before and after), and the
numbers after 分别 take the items of its list in order (贫困村和贫困人口分别减少345个和551万人: each_of),
which find_metrics settles once all the figures are known.
"""

import re
from functools import lru_cache

from archive.units import UNITS

from .label_patterns import (
    AFTER_STOP_VERBS,
    CHANGE_VERBS,
    COMPARE_GAP,
    COMPARE_START,
    COMPOUND_VERBS,
    CURRENCY_AFTER,
    EACH_GAP,
    EACH_WORD,
    GENERIC_PEOPLE,
    GROWTH_ADVERBS,
    GROWTH_WORDS,
    LABEL_MODIFIER_TAGS,
    LABEL_NOUN_TAGS,
    LABEL_NOUNS,
    LABEL_PREFIXES,
    LABEL_STOP_AFTER,
    LABEL_TIME_WORDS,
    LEVEL_ENDS,
    LIGHT_VERBS,
    LIST_JOINERS,
    MEASURE_ENDS,
    MONEY_NOUNS,
    MONEY_VERBS,
    NOT_LABELS_AFTER,
    NUMERAL_WORDS,
    PERSON_ENDS,
    PERSON_UNITS,
    SHARE_WORDS,
    SHARED_MEASURES,
    SKIP_BEFORE,
    UNIT_NOUNS_AFTER,
    UNSAID_WORDS,
)
from .metric_patterns import APPROX_TAIL, LABEL_MAX, LABEL_STOP, PRICE_UNITS
from .tagger import tag

_WINDOW = LABEL_MAX + 8
_WINDOW_TOKENS = 9  # a label is read within this many of the report's tokens either side of its number
_SKIP_TAGS = ("d", "m", "q", "t", "p", "uj", "ul", "c", "f", "r")
_JOINERS = ("和", "与", "及", "、")
_COVERING = ("覆盖", "占", "惠及", "带动")
_NO_PUNCT = r"[^，,。；;：:、！!？?\s0-9０-９%％]"
_GROWTH_RE = "|".join(sorted(GROWTH_WORDS, key=len, reverse=True))
# 比/较 ... how it changed, right before the number (投资规模比去年同期增加252亿元, 同比分别增长9.9%)
_COMPARE = re.compile(
    rf"{COMPARE_START}(?:[^，,。；;：:、！!？?\s]{{0,{COMPARE_GAP}}}?)(?P<g>{_GROWTH_RE})了?(?:到|至)?$"
)
# 比/较 ... at the end of a clause before a change (物流总额216.4万亿元，同比|增长3.2%)
_COMPARE_TAIL = re.compile(rf"{COMPARE_START}{_NO_PUNCT}{{0,{COMPARE_GAP}}}$")
# 分别 and how, right before the first number of a list (分别减少345个和551万人, 同比分别增长10.6%和9.1%)
_EACH = re.compile(rf"{EACH_WORD}{_NO_PUNCT}{{0,{EACH_GAP}}}$")


def _stop(t):
    """Punctuation, a number or a function character: no label runs over it."""
    return not t.word.isalpha() or (len(t.word) == 1 and t.word in LABEL_STOP)


@lru_cache(maxsize=20000)
def _nominal_word(word, tag_):
    if word in LABEL_NOUNS:
        return True
    return (
        tag_.startswith(LABEL_NOUN_TAGS)
        and word not in SKIP_BEFORE
        and word not in LABEL_STOP_AFTER
        and word.isalpha()
        and not (len(word) == 1 and word in LABEL_STOP)
    )


def _nominal(t):
    return _nominal_word(t.word, t.tag)


def _who_or_where(t):
    return t.tag == "ns" or (t.tag in ("nr", "nrfg") and t.word[-1] not in MEASURE_ENDS)


def _tokens_before(text, pos, tokens):
    """The tokens that end by pos: the report's own when one ends exactly there, else the window's."""
    i = tokens.index_ending_at(pos) if tokens is not None else None
    if i is None:
        return tag(text[max(0, pos - _WINDOW) : pos])
    return tokens[max(0, i + 1 - _WINDOW_TOKENS) : i + 1]


def _tokens_after(text, pos, tokens, extra=0):
    i = tokens.index_at(pos) if tokens is not None else None
    if i is None:
        return tag(text[pos : pos + _WINDOW + extra])
    return tokens[i : i + _WINDOW_TOKENS]


def subject(text, pos, tokens=None):
    """The noun phrase a clause ending at pos is about, over its verbs (居民人均可支配收入翻了一番多，),
    within its sentence: the label of a figure that has none next to it."""
    m = _COMPARE_TAIL.search(text, max(0, pos - COMPARE_GAP - 2), pos)
    pos = m.start() if m else pos  # 同比, 较上月: what the subject is compared with
    near = tag(text[max(0, pos - 2 * _WINDOW) : pos])
    i = len(near) - 1
    while i >= 0 and near[i].word in "，,":
        i -= 1
    while (
        i >= 0
        and (
            not _nominal(near[i])
            or near[i].word.lstrip("万亿多余") in UNITS  # 2.9亿人/n: a figure's own unit
            or near[i].word in CURRENCY_AFTER  # 3309.5亿元人民币
            or near[i].word in GROWTH_ADVERBS
        )
        and near[i].word not in "。！？；\n"
    ):
        i -= 1  # over a figure's own unit too (一线干部141人次，占比58.5%)
    if i < 0 or near[i].word in "。！？；\n":
        return ""
    return before(text, max(0, pos - 2 * _WINDOW) + near[i].end, tokens)[0]


def each_of(text, start, n, tokens=None):
    """The items of the list that 分别 before the number at start gives its n numbers, one each in their
    order (贫困村和贫困人口分别减少345个和551万人 -> 贫困村, 贫困人口; 装备制造业和高技术制造业增加值同比
    分别增长 -> 装备制造业增加值, 高技术制造业增加值), or None when the list is not n nouns."""
    m = _EACH.search(text, max(0, start - EACH_GAP - len(EACH_WORD)), start)
    if not m:
        return None
    pos = m.start()
    compare = _COMPARE_TAIL.search(text, max(0, pos - COMPARE_GAP - 2), pos)
    pos = compare.start() if compare else pos  # 同比分别增长: the list ends before what it is compared with
    items = []
    while len(items) < n:
        head, verb_only = before(text, pos, tokens)
        if not head or verb_only or not text.startswith(head, pos - len(head)):
            return None
        items.insert(0, head)
        pos -= len(head) + 1
        if len(items) < n and (pos < 0 or text[pos] not in LIST_JOINERS):
            return None
    if pos >= 0 and text[pos] in LIST_JOINERS:
        return None  # more items than numbers
    last = tag(items[-1])
    shared = "".join(t.word for t in last[-2:]) if len(last[-1].word) == 1 and len(last) > 1 else last[-1].word
    if _measure(shared):  # 超标/v 率/n: a measure of one character takes the word before it
        items[:-1] = [x if _measure(x) else x + shared for x in items[:-1]]
    return items


def before(text, start, doc_tokens=None, keep_growth=False):
    """(label, verb_only): the noun phrase before the number at start (see the module's docstring);
    keep_growth: a rate keeps how it changed after its noun (城乡低保标准同比分别增长9.9% -> 城乡低保标准增长)."""
    m = _COMPARE.search(text, max(0, start - COMPARE_GAP - 8), start)
    if m:  # 投资规模比去年同期增加252亿元 -> 投资规模增加; 较上月回升 -> 回升 (the clause's subject is put before it)
        head = before(text, m.start(), doc_tokens)[0]
        head = "" if growth_only(head) else head
        annual = "年均" if "年均" in m.group() else ""
        return head + annual + m.group("g"), not head
    tokens = _tokens_before(text, start, doc_tokens)
    i = len(tokens) - 1
    while i >= 0 and (
        tokens[i].word in SKIP_BEFORE
        or tokens[i].tag in ("m", "q")
        or (tokens[i].word.isalpha() and tokens[i].tag.startswith(_SKIP_TAGS))
        or (tokens[i].word[:1] == "每" and tokens[i].word[1:] in PRICE_UNITS)  # 每盎司: a price's unit
    ):
        if tokens[i].word in ("到", "至", "为") and i > 0 and tokens[i - 1].word in CHANGE_VERBS:
            i -= 1  # 增加/v 到/v, 调整/v 为/p
        i -= 1  # 由, 从2013年的, 增加到, 七期
    run, size, noun_seen = [], 0, False
    while i >= 0 and size + len(tokens[i].word) <= LABEL_MAX:
        t = tokens[i]
        verbal = run and not noun_seen  # 农村贫困人口每年都减少: adverbs inside a verb phrase
        if (
            _stop(t)
            or (
                t.word in SKIP_BEFORE
                and not (verbal and (t.tag.startswith(("d", "r", "t")) or t.word in GROWTH_ADVERBS))
            )
            or _who_or_where(t)
            or t.word in LABEL_TIME_WORDS
        ):
            break  # a person or a place is who or where, not what is counted; nor a time (5月份)
        if (
            _nominal(t)
            or t.tag.startswith("v")
            or (noun_seen and t.tag.startswith(LABEL_MODIFIER_TAGS) and t.tag != "m")
            or (verbal and (t.tag.startswith(("d", "r", "t")) or t.word in GROWTH_ADVERBS))
        ):
            run.insert(0, t)
            noun_seen = noun_seen or _nominal(t)
        elif len(t.word) == 1 and i > 0 and _nominal(tokens[i - 1]) and not _stop(tokens[i - 1]):
            run.insert(0, t)  # 人均/j 可/v 支配/vn 收入: a character inside a noun phrase
        else:
            break
        if not (t.word in GROWTH_ADVERBS or t.word.startswith(GROWTH_WORDS)):
            size += len(t.word)  # how it changed is cut off below: 全国民办养老机构同比增长
        i -= 1
    while (
        run
        and run[0].tag.startswith(("v", "d", "r", "t"))
        and not _nominal(run[0])
        and any(_nominal(x) for x in run[1:])
    ):
        run.pop(0)  # 建成/v 社区工厂 -> 社区工厂; 带动/v 贫困户 -> 贫困户
    run, growth = _without_growth(run)
    if growth and keep_growth:  # 年均增长11.6% alone: the clause's subject is put before it (find_metrics)
        return "".join(t.word for t in run) + growth, not any(_nominal(t) for t in run)
    return "".join(t.word for t in run), bool(run) and not any(_nominal(t) for t in run)


def _without_growth(run):
    """(run, growth): a run that ends in how its number changed (城乡低保标准同比分别增长, 翻了) without
    those words, the noun before them or nothing (the caller then reads after the number, or the clause's
    subject), and the change itself without its adverbs (增长, 年均增长) for a rate's label."""
    k = next((j for j, t in enumerate(run) if _growth_word(t.word)), None)
    if k is None or any(_nominal(t) and t.word not in GROWTH_ADVERBS for t in run[k + 1 :]):
        return run, ""
    verb = next(g for g in GROWTH_WORDS if g in run[k].word)  # 同比增长/v as one word: 增长
    if run[k].word.endswith(LEVEL_ENDS):
        verb = ""  # 森林覆盖率升至40.2%: the level it reached, not a change
    annual = "年均" in run[k].word or any(t.word == "年均" for t in run[:k])
    while k > 0 and (run[k - 1].word in GROWTH_ADVERBS or run[k - 1].tag.startswith(("d", "p"))):
        k -= 1
    return run[:k], ("年均" if annual and verb else "") + verb


def _growth_word(word):
    """Whether a word says how a number changed (同比增长, 翻了), not a measure named by one (增加值, 增长率)."""
    return not _measure(word) and any(g in word for g in GROWTH_WORDS)


def _measure(word):
    """Whether a word names a measure (增加值, 人数, 利润): what a list's items share (each_of)."""
    return word[-1] in MEASURE_ENDS or word.endswith(SHARED_MEASURES)


def after(text, end, with_verbs=False, doc_tokens=None, people=False):
    """The noun phrase after the unit ending at end: modifiers then nouns (深度贫困自然村, 冷冻白条鸭,
    第一书记和驻村干部); with_verbs: the verb phrase too (返乡创业), without its adverbs and particles;
    people: the number counts people (名, 人), so 的 may join what they belong to (贫困家庭的适龄孩子)."""
    out, size, limit = [], 0, LABEL_MAX + (4 if with_verbs else 0)
    tokens = _tokens_after(text, end, doc_tokens, 4)
    if tokens and tokens[0].word in CURRENCY_AFTER:
        tokens = tokens[1:]  # 5.35万亿元人民币: the money's currency
    if tokens and tokens[0].word == "的":
        k = 1
        while k < len(tokens) and tokens[k].tag in ("m", "q"):
            k += 1  # 3800人次的三支队伍培训
        if k < len(tokens) and _nominal(tokens[k]):
            tokens = tokens[k:]  # 6万多人的闽宁镇
    for j, t in enumerate(tokens):
        rest = tokens[j + 1 : j + 4]
        if t.tag == "v" and t.word not in COMPOUND_VERBS and _has_object(out):
            break  # 6亿多人摆脱贫困|值得世界各国称道
        if size + len(t.word) > limit or (t.word in LABEL_STOP_AFTER and not with_verbs):
            break
        if out and t.word in _JOINERS and any(_nominal(x) for x in rest):
            pass  # 第一书记和驻村干部
        elif out and t.word == "的" and any(_nominal(x) for x in rest) and _joins_de(out, people):
            pass  # 建档立卡的贫困户, 5名贫困家庭的适龄孩子; not 213个城市的官员
        elif (not out or out[-1].word in _JOINERS) and t.word in LABEL_PREFIXES and any(_nominal(x) for x in rest):
            pass  # 因病致贫
        elif (t.word in SKIP_BEFORE or t.word in AFTER_STOP_VERBS) and not _nominal(t) and not with_verbs:
            break
        elif _nominal(t) or (t.word in NUMERAL_WORDS and rest and not _stop(rest[0])):
            pass  # 一线/m 扶贫 队员
        elif (
            out
            and out[-1].word in _JOINERS
            and len(t.word) == 1
            and t.tag.startswith("v")
            and rest
            and _nominal(rest[0])
        ):
            pass  # 和 驻/v 村干部
        elif (
            not _stop(t)
            and t.tag != "m"
            and (
                t.tag.startswith(LABEL_MODIFIER_TAGS + ("ad", "l", "i", "d"))
                if not any(_nominal(x) for x in out)
                else len(t.word) > 1
                and t.tag.startswith(LABEL_MODIFIER_TAGS)
                and not t.tag.startswith(("d", "ad"))
                and (
                    not t.tag.startswith("v")
                    or t.word in COMPOUND_VERBS
                    or with_verbs
                    or _suffixed(rest)
                    or (out[-1].tag == "v" and rest and _nominal(rest[0]))  # 创新/v 应用/v 项目
                )
            )
        ):
            pass  # 未/d 摘帽/v 县; 深度/n 贫困/a 自然村, 易地/n 扶贫/v 搬迁/v 户; not 耕地/n 浇/v 不/d 上/v 水
        elif (
            with_verbs
            and out
            and (
                t.word in ("了", "着", "过", "到", "在")
                or (not _stop(t) and t.tag.startswith(("v", "a", "d", "vn", "u")))
            )
        ):
            pass  # 贫困户都有了签约医生
        else:
            break
        out.append(t)
        size += len(t.word)
    if not with_verbs:
        while out and not _nominal(out[-1]):
            out.pop()  # it ends on a noun
    while out and out[-1].word in (*_JOINERS, "的"):
        out.pop()
    if with_verbs:
        out = [t for j, t in enumerate(out) if not _unsaid(t, out[j + 1 : j + 2])]
    return "".join(t.word for t in out)


def after_predicate(head, verb_only):
    """Whether the words before an amount of money end in what someone did with it (给予, 县里拿出), not in
    what it is (投资, 减税降费, 增加): then only a noun after it labels it, never the clause's subject."""
    if not head or any(v in head for v in MONEY_VERBS) or growth_only(head[-2:]) or head.endswith(COMPOUND_VERBS):
        return False
    return verb_only or _verb_at(head, -1)


def _verb_at(phrase, k, nominal="-"):
    """Whether the k-th word of a phrase is a verb (县里拿出, 修建道路; with nominal="vn", 发展/vn 优质小麦 too):
    who did it or what for, not what it is."""
    t = tag(phrase)[k]
    return t.tag.startswith("v") and (t.tag == nominal or not t.tag.startswith("vn")) and t.word not in LABEL_NOUNS


def _suffixed(rest):
    """Whether a verb after a noun is inside one noun phrase with what follows it: a one-character noun
    (云巡诊车), a compound-forming verb (易地搬迁集中安置区), or a verb and a noun (创新应用项目)."""
    if not rest:
        return False
    first = rest[0]
    if len(first.word) == 1:
        return _nominal(first)
    if first.word.startswith(COMPOUND_VERBS):
        return True
    return first.tag == "v" and len(rest) > 1 and _nominal(rest[1])


def _has_object(out):
    """Whether a verb phrase has its verb and its object already (摆脱贫困): another verb starts a new one."""
    k = next((j for j, x in enumerate(out) if x.tag == "v" and x.word not in COMPOUND_VERBS), None)
    return k is not None and any(x.tag.startswith(("n", "a")) and x.tag != "an" or x.tag == "eng" for x in out[k + 1 :])


def names_counted(head, verb_only):
    """Whether a label read before a number names what it counts: not a verb alone that only says what was
    done (给予, 已有, 形成, 开展), unless it is how a number changed (增长) or a verb that names it (减贫)."""
    if not verb_only or not head or growth_only(head) or sum(t.tag == "v" for t in tag(head)) > 1:
        return bool(head)  # 揽收/v 快递/v 包裹/v: a phrase the tagger reads as verbs
    return head.endswith(COMPOUND_VERBS + MONEY_VERBS + LABEL_NOUNS + SHARE_WORDS + _COVERING)


def _unsaid(t, nxt):
    """An adverb or a particle of a verb phrase (都, 了, 历史性地): a label does not say it."""
    return t.word in UNSAID_WORDS or bool(nxt and nxt[0].word == "地" and nxt[0].tag.startswith("u"))


def _joins_de(out, people):
    """Whether 的 after out continues the counted thing: after modifiers only (建档立卡的贫困户), or after
    what people of a count of people belong to (5名贫困家庭的适龄孩子, not 22名中国乘客的飞机)."""
    if any(x.tag.startswith(("v", "d", "ad")) and not _nominal(x) for x in out) or not any(
        x.tag.startswith(("n", "j", "s")) for x in out
    ):
        return True  # a clause or modifiers before 的 (未/d 摘帽 的 贫困县)
    return people and out[-1].word[-1] not in PERSON_ENDS


def _generic(counted):
    """Whether a counted noun only says people (群众, 贫困人口), not who they are (年轻人, 盲人考生)."""
    return counted in GENERIC_PEOPLE or counted.endswith(tuple(g for g in GENERIC_PEOPLE if len(g) > 1))


def label(text, start, end, unit_kind, noun=None, unit=None, tokens=None):
    """The label of the figure text[start:end] (see _label), never how it changed (翻了, 增长)."""
    found = _label(text, start, end, unit_kind, noun, unit, tokens)
    if unit_kind == "percent" and found in SHARE_WORDS:
        return "占比"  # find_metrics puts the clause's subject before it
    if len(found) == 1 and found not in LABEL_NOUNS and found not in GENERIC_PEOPLE:
        return ""  # a stray character (新中国成立时的19.5万个 -> 时) is no label
    return found  # how it changed alone (减少, 回升): find_metrics puts the clause's subject before it


def growth_only(found):
    """Whether a label says only how a number changed (增长, 年均增长, 翻了) or that it is a share (占比):
    no counted thing."""
    if found == "占比":
        return True
    for adverb in GROWTH_ADVERBS:
        found = found.removeprefix(adverb)
    return found.startswith(GROWTH_WORDS) and not _measure(found)


def _label(text, start, end, unit_kind, noun=None, unit=None, tokens=None):
    """The label of the figure text[start:end]; unit_kind: "count" (户, 个), "percent" or "noun"
    (the unit is itself what is counted: 22.7万建档立卡贫困人口; 丧失劳动能力的2000多万人口 ->
    丧失劳动能力人口)."""
    head, verb_only = before(text, start, tokens, keep_growth=unit_kind == "percent")
    if unit_kind == "noun":
        if head and not verb_only and not head.endswith(noun):
            return head + noun if noun in ("人口", "群众", "劳动力") else noun
        if head and not verb_only:
            return head
        return (
            (after(text, end - len(noun), with_verbs=True, doc_tokens=tokens) or noun)
            if noun.endswith(GENERIC_PEOPLE)
            else noun
        )
    if unit_kind == "percent":  # 75%的员工; 产业扶贫覆盖60%的贫困人口: what covers and what is covered
        counted = after(text, end + 1, doc_tokens=tokens) if text[end : end + 1] == "的" else ""
        if _generic(counted):
            counted = after(text, end + 1, with_verbs=True, doc_tokens=tokens) or counted  # 80%的人群因病返贫
        if head and counted and head.endswith(_COVERING):
            return head + counted
        return counted or (head if names_counted(head, verb_only) else "")  # not 给予50%的报销 -> 给予
    counted = after(text, end, doc_tokens=tokens, people=unit in PERSON_UNITS)
    if counted and text[start:end].endswith(APPROX_TAIL) and text.startswith("的", end) and head:
        # a figure ending in its bound (1万例以上) and 的: the noun after has that many (省份), what is
        # counted stands before the number (新增确诊病例)
        counted = ""
    if counted in UNIT_NOUNS_AFTER:  # 30多户人家; 119户人家的自然村 -> 自然村农户
        whose = after(text, end + len(counted) + 1, doc_tokens=tokens) if text.startswith(counted + "的", end) else ""
        return whose + UNIT_NOUNS_AFTER[counted]
    if counted in NOT_LABELS_AFTER:
        counted = ""  # 194户人
    if unit == "元":  # money: what it is, if printed after it (60万元收入); else what paid or earned it (出资100万元)
        money = counted.endswith(MONEY_NOUNS)
        if after_predicate(head, verb_only):  # 已有20131亿元退税款; 拿出两亿元发展小麦: none
            return counted if money or (counted and not _verb_at(counted, 0, "vn")) else ""
        return counted if money or (counted and not head) else head or after(text, end, True, doc_tokens=tokens)
    if _generic(counted):
        return after(text, end, with_verbs=True, doc_tokens=tokens) or counted  # 37974名群众需要易地扶贫搬迁
    if counted:
        return counted
    if verb_only or not head or text[max(0, start - 4) : start].endswith(LIGHT_VERBS) or head.endswith(LIGHT_VERBS):
        return after(text, end, with_verbs=True, doc_tokens=tokens) or (head if names_counted(head, verb_only) else "")
    return head
