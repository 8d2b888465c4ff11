"""People with their title as printed and a kind.

Each name is found where a Chinese report puts one, anchored on something
beside it (a surname and two characters alone are never enough):
1. a title or role noun before it (县委书记郑小东, 村民罗志, 贫困户谭登周, 第一书记
   黄文秀; censored 村*委书记), an optional place before the title tying the person
   to it (平利县委书记 -> 平利县), and the names listed after it with 、
   (贫困户刘福有、曹六仁、王三女3户);
2. a title after it (习近平总书记, 李斌同志, 李斌主任), at a clause boundary or where
   the tagger calls the span a personal name (以习近平同志为核心), or in brackets after it
   (呼文战（虞城县委书记）, the place in them tying the person to it);
3. an apposition (作为…负责人，孙自立);
4. a speech verb after it, at a clause boundary (“...”陈封学说 -> 陈封学, 李旭带领);
5. the tagger (tagger.py: jieba's tag set) calling it a personal name where a person
   stands: after a clause boundary or 像/和/让/的…, before punctuation, a verb or an
   adverb (…长大的王帅是一名, 像杨金文，);
6. photo credits (马俊摄), a closing author credit ((刘毅)), the byline, datelines and
   the editor the metadata stage read;
7. a three-character name printed again and again in a person's context (袁仕应).
Where each name ends is decided by names.py. Never a place: a candidate inside a
place the gazetteer found, or followed by 村/镇/乡/山..., is dropped.
"""

import bisect
import re
from collections import Counter

from archive.text import HAN as _CJK

from .lexicon import freq
from .names import CROSS_WORD_FREQ, NAME_DOTS, Names
from .people_patterns import (
    BIO_CLAUSE_MAX,
    BIO_VERBS,
    BOUNDARY_CHARS,
    COPULA,
    CREDIT_ROLE_TITLES,
    GROUP_LIST_OPENERS,
    GROUP_ROLE_ENDS,
    LAC_TRIM,
    LIST_SEPARATORS,
    LISTED_TITLE_GAP,
    NAME_END_BEFORE,
    NOT_NAMES,
    NOT_ROLE_NOUNS,
    OFFICE_ENDS,
    PERSON_AFTER_RE,
    PERSON_AFTER_TAGS,
    PERSON_AFTER_WORDS,
    PERSON_BEFORE,
    PERSON_BEFORE_WORDS,
    PLACE_SUFFIXES,
    POST_TITLES,
    REPEATED_NAME_MIN,
    REPEATED_NOT_BEFORE,
    ROLE_NOUN_ENDS,
    SPEAKER_ADVERBS,
    SPEECH,
    SURNAMES,
    TITLE_NAME_GAP,
    TITLES,
    UNANCHORED_BAD_END,
)
from .people_things import fragments, is_country_side, is_thing
from .people_titles import TITLE_RE, PersonMention, qualifier_of, title_hits, titled
from .tagger import PERSON_TAGS

_CJK_RE = re.compile(rf"[{_CJK}]+")

_TITLE_NAME = re.compile(rf"(?P<title>{TITLE_RE}) ?(?=[{_CJK}]{{2}})")
_BOUNDARY = rf"(?:^|(?<=[{re.escape(BOUNDARY_CHARS)}]))"
_POSTS = sorted(POST_TITLES, key=len, reverse=True)
_NAME_TITLE = re.compile(rf"{_BOUNDARY}(?P<name>[{_CJK}]{{2,4}}?)(?P<title>{'|'.join(_POSTS)})")
_PAREN_TITLE = re.compile(
    rf"{_BOUNDARY}(?P<name>[{_CJK}]{{2,4}})[（(][^（()）\n]{{0,16}}?(?P<title>{TITLE_RE})[）)]"
)  # 呼文战（虞城县委书记）: the title in brackets after the name
_APPOSITION = re.compile(rf"作为[^，,。]{{0,24}}?(?P<title>{TITLE_RE})(?:[，,]|的)(?=[{_CJK}]{{2}})")
_SPEAKER = re.compile(
    rf"{_BOUNDARY}(?P<name>[{_CJK}]{{2,4}}?)(?:{'|'.join(SPEAKER_ADVERBS)})?(?:{'|'.join(sorted(SPEECH, key=len, reverse=True))})"
)  # 陈封学说, 安南还说: an adverb between the name and the verb is neither
_PHOTO = re.compile(rf"(?P<name>[{_CJK}]{{2,4}})摄(?=$|[\s。）)])", re.M)
_AUTHOR = re.compile(rf"[（(](?P<name>[{_CJK}]{{2,4}})[）)]\s*$", re.M)
_CREDIT_ROLE = "|".join(sorted(CREDIT_ROLE_TITLES, key=len, reverse=True))
_CREDIT = re.compile(
    rf"[（(【\[](?P<role>{_CREDIT_ROLE})\s*[/／:：]?\s*[）)】\]]?\s*(?P<names>[{_CJK}]{{2,4}}(?:[\s、，,]+[{_CJK}]{{2,4}})*)[）)]"
)
_CREDIT_NAME = re.compile(rf"[{_CJK}]{{2,4}}")
_SPACED_NAME = re.compile(
    rf"(?P<role>{_CREDIT_ROLE})[\s:：]+(?P<a>[{_CJK}]) (?P<b>[{_CJK}])(?P<c>[{_CJK}])?(?=[\s，,。）)]|报道|$)", re.M
)


_GROUP_LIST = re.compile(
    rf"(?P<role>(?:(?![的了在是和与及有还])[{_CJK}]){{0,4}}?(?:{'|'.join(GROUP_ROLE_ENDS)}))(?:{'|'.join(GROUP_LIST_OPENERS)})[：:]?(?=[{_CJK}]{{2}})"
)
LIST_JOINERS = "、和及与"
_OFFICE = re.compile(rf"[{_CJK}]{{1,8}}?[{''.join(OFFICE_ENDS)}](?=[{_CJK}]{{2}})")
_TITLE_CHAIN = re.compile(rf"(?:、[^，。；！？,;!?\n、]{{0,12}}?{TITLE_RE}(?=[、，。；！？,;!?\n]|$))+")
_BIO = re.compile(
    rf"(?:[，,][^，,。；\n]{{1,{BIO_CLAUSE_MAX}}}){{0,3}}?[，,](?:{'|'.join(BIO_VERBS)})"
    rf"(?P<qual>[^，。；！？,;!?\n]{{0,24}}?)(?P<title>{TITLE_RE})(?=[、，。；！？,;!?\n]|$)"
)
_COPULA = re.compile(rf"{COPULA}(?P<qual>[^，。；！？,;!?\n]{{0,20}}?)(?P<title>{TITLE_RE})(?=[，。；！？,;!?\n的]|$)")


def find_people(text, region_at=None, places=(), tokens=None, nouns=None):
    """PersonMentions, rule by rule (see above); region_at(offset) names the county printed just
    before an offset; places are the report's region mentions (never part of a name); nouns: the
    statistical tagger's reading of the text (proper_nouns.py)."""
    names = Names(text, places, tokens, nouns)
    found = []
    for t_start, t_end, printed in title_hits(text):  # 贫困户蚂蚱养殖户武六孩 gives both titles
        if TITLES.get(printed) == "journalist" and t_start and not names.tokens.is_boundary(t_start):
            continue  # (文艺工)作者: no credit inside a word
        if _title_runs_on(names, t_end):
            continue  # 居民楼三楼, 主席国由, 叙利亚军方称: the title's characters end inside a longer word
        start = t_end + (text[t_end : t_end + 1] in TITLE_NAME_GAP)  # 记者 王辉, 联系人：王斐
        if start > t_end and text[t_end] != " ":
            start = _after_unit(names, text, start)  # 联系人：医政医管局王斐
        if text[t_end : t_end + 1] == "的":  # 时任福建省委副书记的习近平: the post, 的, the tagger's person
            name = names.at(t_end + 1, anchored=False)
            if name and names.is_lac_person(t_end + 1, t_end + 1 + len(name)):
                found.append(titled(printed, None, qualifier_of(names, t_start, printed))(name, t_end + 1))
            continue
        if not _CJK_RE.fullmatch(text, start, start + 2):
            continue
        name = names.at(start)
        if name:
            make = titled(printed, region_at(t_start) if region_at else None, qualifier_of(names, t_start, printed))
            found.append(make(name, start))
            if not names.lac_contradicts(start, start + len(name)):  # (助理)农艺师、农技师: no list of words
                found += _listed(names, text, start + len(name), make)
    for m in _NAME_TITLE.finditer(text):
        name = names.at(m.start("name"), m.end("name"), closed=True)
        if name:
            found.append(titled(m.group("title"))(name, m.start("name")))
    for m in _PAREN_TITLE.finditer(text):
        name = names.at(m.start("name"), m.end("name"), closed=True)
        if name:
            t_start, title = m.start("title"), m.group("title")
            region = region_at(t_start) if region_at else None
            found.append(titled(title, region, qualifier_of(names, t_start, title))(name, m.start("name")))
    for t in map(names.tokens.__getitem__, names.tokens.with_tags(PERSON_TAGS)):  # 以习近平同志为核心: the tagger's
        post = next((p for p in _POSTS if text.startswith(p, t.end)), None)  # name right before a post-title
        if post and names.at(t.start, t.end, closed=True):
            found.append(titled(post)(t.word, t.start))
    for m in _APPOSITION.finditer(text):
        name = names.at(m.end())
        if name:
            found.append(
                titled(m.group("title"), None, qualifier_of(names, m.start("title"), m.group("title")))(name, m.end())
            )
    for m in _SPEAKER.finditer(text):
        name = names.at(m.start("name"), m.end("name"), closed=True, word_given=False)
        if name:
            found.append(PersonMention(name, None, "other", m.start("name")))
    for pattern, title in ((_PHOTO, "摄影"), (_AUTHOR, "作者")):
        for m in pattern.finditer(text):
            name = names.at(m.start("name"), m.end("name"), closed=True)
            if name:
                found.append(PersonMention(name, title, "journalist", m.start("name")))
    found += _credits(names, text)
    found += _tagged(names, text)
    found += _lac_named(names, text, {pm.start for pm in found})
    found += _repeated_names(names, text, {pm.name for pm in found})
    found = [pm for pm in found if _stands(names, pm)]
    cut = fragments(names, found)  # 米舒斯京 … 舒斯京, 丁薛祥 … 薛祥
    found = [pm for pm in found if pm.start not in cut]
    found += _group_lists(text, found)
    found += _stated_titles(names, text, found, region_at)
    found += _role_nouns(names, text, found, region_at)
    if region_at:
        for pm in found:
            pm.region = pm.region or region_at(pm.start)  # 凉山州扶贫情况的林书成
        _listed_regions(found, text)
    return found


def _listed_regions(found, text):
    """A titled person listed right after another in one clause takes the other's place when their title
    names none (LISTED_TITLE_GAP: 马边县交通局副局长李志强、局长助理曾德林、工程股副股长邹杨); a title that
    starts with a division's character is that division's (…县委书记X、县长Y, not …县委书记X、市扶贫办主任Y)."""
    at = {}
    for pm in found:
        at.setdefault(pm.start, []).append(pm)
    prev = None
    for start in sorted(at):
        group = at[start]
        own = next((pm for pm in group if pm.title), None)
        if prev is not None and prev.region and own and not any(pm.region for pm in group):
            gap = LISTED_TITLE_GAP.match(text, prev.start + len(prev.name), start)
            level = gap and gap.group()[1] in PLACE_SUFFIXES
            if gap and (not level or gap.group()[1] == (prev.title_printed or "")[:1]):
                for pm in group:
                    pm.region = prev.region
        prev = next((pm for pm in group if pm.region), own or group[0])


def _title_runs_on(names, t_end):
    """The segmenter's word holding a title's last character runs on past it (居民|楼 read 居民楼, 军方 of
    叙利亚军方), and the statistical tagger reads no person starting after it."""
    i = names.tokens.index_holding(t_end - 1)
    if i is None or names.tokens.ends[i] <= t_end:
        return False
    return names.nouns is None or names.nouns.person_at(t_end) is None


def _credits(names, text):
    """The journalists a credit names: (文 陈以显 刘智良), （记者 胡浩 通讯员 张三）, and a byline's names
    printed with a space between their characters (记者 王 辉)."""
    out = []
    for m in _CREDIT.finditer(text):
        role = CREDIT_ROLE_TITLES.get(m.group("role"), m.group("role"))
        for part in _CREDIT_NAME.finditer(m.group("names")):
            start = m.start("names") + part.start()
            name = names.at(start, start + len(part.group()), closed=True)
            if name:
                out.append(PersonMention(name, role, "journalist", start))
    for m in _SPACED_NAME.finditer(text):
        name = m.group("a") + m.group("b") + (m.group("c") or "")
        if names.surname_length(name, 0):
            out.append(
                PersonMention(
                    name, CREDIT_ROLE_TITLES.get(m.group("role"), m.group("role")), "journalist", m.start("a")
                )
            )
    return out


def _stands(names, pm):
    """A mention the statistical tagger does not refute: where it read the sentence, a name found
    by a tagger's reading alone must be its person too, and no name starts inside one of its words
    or on a one-character word that is no name (曾/d到 after 总书记); credits stand as printed."""
    if pm.kind == "journalist":
        return True
    if is_country_side(pm.name):
        return False  # 欧方表示, 巴方愿: a country's side, though a speech verb follows
    if not pm.anchored and is_thing(names, pm.name):
        return False  # 巴方, 埃博拉(疫情), 巴赫穆特(方向): people_things.py
    if names.nouns is None or not names.nouns.tagged(pm.start):
        return True
    last = max(pm.name.rfind(d) for d in NAME_DOTS) + 1
    if pm.anchored and last and names.nouns.person_at(pm.start + last) is not None:
        return True  # 村民如则·阿皮孜: a title, a dot and the tagger's person after it, though it reads 如|则
    if names.lac_contradicts(pm.start, pm.start + len(pm.name)):
        return False
    return pm.anchored or names.nouns.person_at(pm.start) is not None


def _lac_named(names, text, taken=()):
    """The statistical tagger's persons (LAC's PER), where the name rules agree on where it ends;
    a start a rule already decided (搬迁户陈焕乐呵呵: 陈焕) is left to the rule; never a quoted
    term (台风“苏力”, 《迎战苏力》) or a name ending like a place (彭佳屿)."""
    out = []
    if names.nouns is None:
        return out
    persons = names.nouns.spans("PER")
    starts, ends = {a for a, _b in persons}, {b for _a, b in persons}
    read = {text[a:b] for a, b in persons}
    in_quote = _short_quotes(text)
    for a, b in persons:
        dotted = _dotted_before(names, text, a, b)
        if dotted:
            out.append(PersonMention(dotted[1], None, "other", dotted[0]))  # the tagger's person and the dot
            continue
        if a in taken or (text[a - 1 : a] in '“「"' and text[b : b + 1] in '”」"') or _in_book_title(text, a):
            continue
        if in_quote(a):
            continue  # “卡卡杜-2018”多国海上联合演习: a short quote holds a term, not a person
        name = None
        if (
            b - a >= 3
            and text[a : b - 1] in read
            and (text[b - 1] in LAC_TRIM or freq(text[b - 1 : b + 1]) >= CROSS_WORD_FREQ)
        ):  # 普京还(表示), 李克强强(调): the tagger reads the name alone elsewhere, a word runs on
            name = text[a : b - 1]
        if (
            not name
            and b - a >= 3
            and text[b - 1] in LAC_TRIM
            and (text[b - 1] in NAME_END_BEFORE or text.count(text[a : b - 1]) > text.count(text[a:b]))
        ):  # 肖捷作, 吕有金家 (吕有金 printed alone elsewhere): a verb or 家 glued on
            name = names.at(a, b - 1, anchored=False, closed=True)
        if not name and b - a >= 3 and text.count(text[a : b - 1]) > text.count(text[a:b]):
            name = names.at(a, b - 1, anchored=False, closed=True)  # 毛相林荣(获): printed alone elsewhere
        spoken = text.startswith(SPEECH, b)  # 种烟户周代发说: a speech verb anchors it
        if spoken and b - a >= 3 and text[b - 1] in _SPEAKER_ADVERB_CHARS:
            name = names.at(a, b - 1, anchored=True, closed=True)  # 井上均|表示, 班禅还|说: the adverb glued on
            if not name:
                continue
        listed = (text[a - 1 : a] in LIST_JOINERS and a - 1 in ends) or (
            text[b : b + 1] in LIST_JOINERS and b + 1 in starts
        )
        name = name or names.at(a, b, anchored=spoken or listed, closed=True)  # 王晨、石泰峰、李干杰: so does a list
        if not name or name in NOT_NAMES or name[-1] in UNANCHORED_BAD_END:
            continue
        post = next((p for p in _POSTS if text.startswith(p, a + len(name))), None)  # 刘希德老人
        if post:
            out.append(titled(post)(name, a))
        else:
            out.append(PersonMention(name, None, "other", a, anchored=False))
    return out


def _dotted_before(names, text, a, b):
    """(start, name) where the tagger's person is the last part of a name joined by a dot whose first
    part it read as another word (吐尔孙.赛买提: 赛买提), else None."""
    if a < 2 or text[a - 1] not in NAME_DOTS:
        return None
    w = names.nouns.word_at(a - 2)
    if w is None or w[1] != a - 1 or not 1 <= a - 1 - w[0] <= 4:
        return None
    name = names._dotted(w[0], len(text))
    return (w[0], name) if name and w[0] + len(name) >= b else None


def _group_lists(text, found):
    """A group's part given once for the names listed after it (出席会议的党外人士还有陈竺、万钢、…和何报翔)."""
    out = []
    at = {pm.start: pm.name for pm in found}
    for m in _GROUP_LIST.finditer(text):
        pos, make = m.end(), titled(m.group("role"))
        while pos in at:
            name = at[pos]
            out.append(make(name, pos))
            pos += len(name)
            if text[pos : pos + 1] not in LIST_JOINERS:
                break
            pos += 1
    return out


def _in_book_title(text, pos):
    """pos is inside 《…》 (a work's title, a law's name)."""
    opened = text.rfind("《", max(0, pos - 40), pos)
    return opened >= 0 and text.find("》", opened, pos) < 0 and text.find("》", pos, pos + 40) >= 0


def _stated_titles(names, text, found, region_at=None):
    """Titles stated after a name in its clause (陆菁，现在挂职任固原市副市长), or in a short life that
    opens with the name (毛相林，1959年生于重庆，中共党员，现任重庆市巫山县竹贤乡下庄村党支部书记), with
    the place printed in them (巫山县)."""
    out = []
    for pm in {(pm.name, pm.start): pm for pm in found}.values():
        end = pm.start + len(pm.name)
        m = _COPULA.match(text, end)
        if not m and (pm.start == 0 or text[pm.start - 1] in "\n。！？"):
            m = _BIO.match(text, end)
        if m:
            region = region_at(m.start("title")) if region_at else None
            qualifier = qualifier_of(names, m.start("title"), m.group("title"))
            chain = _TITLE_CHAIN.match(text, m.end("title"))  # 党支部书记、校长: the posts listed after it
            title = m.group("title") + (chain.group() if chain else "")
            out.append(titled(title, region, qualifier)(pm.name, pm.start))
    return out


def _after_unit(names, text, start):
    """Past the name of an office printed between a title's colon and a name (联系人：政策法规司陈洪波)."""
    word = names.nouns.word_at(start) if names.nouns is not None else None
    if word and word[0] == start and word[2] in ("ORG", "n", "nz") and text[word[1] - 1] in OFFICE_ENDS:
        return word[1]
    m = _OFFICE.match(text, start)
    return m.end() if m else start


def _role_nouns(names, text, found, region_at=None):
    """A person noun printed right before a name no title anchored (彝族小伙子莫色拉博, 快递小哥宋学文,
    种烟户周代发): the statistical tagger's noun ending in a person's character (ROLE_NOUN_ENDS)."""
    out = []
    if names.nouns is None:
        return out
    titled = {pm.start for pm in found if pm.title}
    for pm in {pm.start: pm for pm in found if pm.start not in titled}.values():
        word = names.nouns.word_ending_at(pm.start)
        if word is None or word[2] not in ("n", "nz") or word[1] - word[0] < 2:
            continue
        role = text[word[0] : word[1]]
        if role[-1] not in ROLE_NOUN_ENDS or role in NOT_ROLE_NOUNS:
            continue
        region = region_at(word[0]) if region_at else None
        out.append(PersonMention(pm.name, qualifier_of(names, word[0], role) + role, "other", pm.start, role, region))
    return out


def _listed(names, text, end, make):
    """The names listed after a titled one: 贫困户刘福有、曹六仁、王三女3户."""
    out = []
    while text[end : end + 1] in LIST_SEPARATORS:
        name = names.at(end + 1)
        own = _OWN_TITLE.match(text, end + 1)
        if (
            not name
            or _TITLE_NAME.match(text, end + 1)
            or (own and (names.at(own.end()) or (names.nouns and names.nouns.person_at(own.end()))))
        ):
            break  # (亚美尼亚总统萨尔基相、)阿富汗总统加尼: the next name has its own title
        out.append(make(name, end + 1))
        end += 1 + len(name)
    return out


_SPEAKER_ADVERB_CHARS = {a for a in SPEAKER_ADVERBS if len(a) == 1}
_OWN_TITLE = re.compile(rf"[^、，,。；;\s]{{1,8}}?{TITLE_RE}")
_SURNAME_AT = re.compile(f"[{''.join(sorted(SURNAMES))}]")
_SHORT_QUOTE = re.compile(r"“[^“”\n]{1,12}”")


def _short_quotes(text):
    """A test: the offset is inside a short quote of text (“日访、周访、月访”, “卡卡杜-2018”)."""
    quoted = [(m.start(), m.end()) for m in _SHORT_QUOTE.finditer(text)]
    qstarts = [a for a, _b in quoted]

    def inside(pos):
        q = bisect.bisect_right(qstarts, pos) - 1
        return q >= 0 and quoted[q][1] > pos

    return inside


def _tagged(names, text):
    """The tagger's personal names, where a person stands (rule 5); never inside a short quote
    (“日访、周访、月访”: a slogan)."""
    out = []
    tokens = names.tokens
    in_quote = _short_quotes(text)
    for i in tokens.with_tags(PERSON_TAGS):
        t = tokens[i]
        if not 1 <= len(t.word) <= 4 or t.word[0] not in SURNAMES:
            continue  # (the surname alone, tagged as a name, then the given name: 杨 + 金文)
        before = tokens.words[i - 1] if i else ""
        if i and before[-1:] not in BOUNDARY_CHARS and not before.endswith(PERSON_BEFORE_WORDS):
            continue
        name = names.at(t.start, anchored=False)
        lac_end = names.nouns.person_at(t.start) if names.nouns is not None else None
        if name and lac_end == t.end < t.start + len(name):
            name = t.word  # 汪洋|还: both taggers end the name here
        if not name or name[-1] in UNANCHORED_BAD_END:
            continue
        if in_quote(t.start):
            continue
        end = t.start + len(name)
        after, nxt = text[end : end + 1], tokens.at(end)
        if after in REPEATED_NOT_BEFORE or (text[t.start - 1 : t.start] == "“" and after == "”"):
            continue  # 万福山村: a place; “牛鼻子”: a term
        verb_after = text.startswith(PERSON_AFTER_WORDS, end) or (
            nxt is not None and nxt.tag.startswith(PERSON_AFTER_TAGS)
        )
        if len(name) == 2 and not verb_after and len(names.occurrences(name)) < 2:
            continue  # 开放、包容、普惠: two characters between commas are a word more often than a name
        if verb_after or after in BOUNDARY_CHARS:
            out.append(PersonMention(name, None, "other", t.start, anchored=False))
    return out


def _repeated_names(names, text, known):
    """Three-character names printed at least REPEATED_NAME_MIN times with nothing arguing against them."""
    out = []
    tokens = names.tokens
    counts = Counter(text[m.start() : m.start() + 3] for m in _SURNAME_AT.finditer(text))
    known_heads = {k[:2] for k in known}
    for cand, n in counts.items():
        if n < REPEATED_NAME_MIN or len(cand) != 3 or cand in known or cand[:2] in known_heads:
            continue
        starts = names.occurrences(cand)
        if any(
            text[s + 3 : s + 4] in REPEATED_NOT_BEFORE or text[s - 1 : s] == "“" or names.in_place(s, s + 3)
            for s in starts
        ):
            continue
        if any(freq(text[s - 1 : s + 1]) >= 20 for s in starts if s):  # 发展茶饮: the surname ends a word
            continue
        in_context = any(
            text[max(0, s - 3) : s].endswith(PERSON_BEFORE) or re.match(PERSON_AFTER_RE, text[s + 3 : s + 8])
            for s in starts
        )
        if not any(
            (t := tokens.at(s)) is not None and (t.tag in PERSON_TAGS or tokens.is_boundary(s + 3)) for s in starts
        ):
            continue  # the tagger never reads a name there, nor a word that starts and ends with it (管党|治党)
        if in_context and all(names.at(s, anchored=False) == cand for s in starts):
            out.append(PersonMention(cand, None, "other", starts[0], anchored=False))
    return out
