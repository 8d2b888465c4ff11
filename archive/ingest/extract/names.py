"""Where a personal name starts and ends, given a place where one stands.

A Chinese name is a surname and one to three more characters, printed with no
space before the next word, so its end is a choice: 谭登周家 (谭登周's home, not
谭登 + 周家), 刘为吃了 (刘为 ate, not 刘为吃), 吉子尔古 (a four-character Yi name).
Each possible length is scored on three kinds of evidence and the best wins
(ties go to the longer name, which news prints more often):
- the tagger (jieba's tag set, tagger.py) calls exactly that span a personal name,
  or the surname alone and the next word (任 + 红梅), and the span ends on a word
  boundary of its segmentation;
- the report itself: a name printed several times is followed by different words
  each time (谭登周家, 谭登周原本), while a shorter string that is always followed
  by the same character (谭登 + 周) is not the name; a name's last character does
  not start a dictionary word with what follows (胡珂立下 -> 胡珂);
- the dictionary: a name is not an ordinary word (高兴, 万众), and 家 after it is
  the person's home.
A string's occurrences are found once (str.find) and kept for the report.
"""

import bisect
import re

from archive.text import HAN

from .lexicon import freq
from .people_patterns import (
    ADDRESS_WORDS,
    COMMON_WORD_FREQ,
    DOUBLE_SURNAMES,
    HOME_AFTER,
    LAC_TRIM,
    NAME_BAD_CHARS,
    NAME_END_BEFORE,
    NAME_PARTICLES,
    NOT_NAMES,
    POST_TITLES,
    SPEECH,
    SURNAMES,
    TRANSLITERATED_MIN,
    TRANSLITERATION_CHARS,
    TWO_CHAR_WORD_FREQ,
)
from .tagger import PERSON_TAGS, Tokens, word_tag

_CJK = re.compile(f"[{HAN}]+")
NAME_DOTS = "·•."  # 阿依·木呷; 吐尔孙.赛买提 (a full stop where the page had no middle dot)
_DOTTED = re.compile(f"[{HAN}]{{1,4}}[{NAME_DOTS}][{HAN}]{{1,8}}(?:[{NAME_DOTS}][{HAN}]{{1,6}})?")
DOTTED_STOP = set("和与及、等的在是说也都还就将互对自称")
DOTTED_STOP_TAGS = ("v", "d", "c", "p", "u", "r")
CROSS_WORD_FREQ = 20  # a dictionary word this common running across a name's end says the name ends earlier
MAX_GIVEN = 3  # characters after the surname (吉子尔古: 吉 + 子尔古)
UNANCHORED_NOT_SURNAMES = set("向和与在对把被将从为以于")
NOT_SURNAME_STARTS = UNANCHORED_NOT_SURNAMES | set("小老大")  # 小加央, 老秦: what a name is called by, not the name
SURNAME_NOT_TAGS = (
    "d",
    "p",
    "c",
    "u",
)  # the tagger reads the character as an adverb, preposition, conjunction, particle
FOUR_CHAR_WORD_FREQ = 50  # a four-character name the tagger alone found holds no word this common
PLACEHOLDER = "某"  # 王某, 张某某: a name withheld
ADVERBIAL_TAGS = ("z", "zg", "d", "ad")  # jieba's descriptive and adverb tags: 乐呵呵(地), 立下
GIVEN_NOT_TAGS = ("v", "vd", "d", "p", "c", "u", "r")  # a two-character given name with one of these tags is that word
# LAC's tags of a one-character word that is never a surname there: adverb, preposition, conjunction,
# particle, verb, pronoun, locative, numeral, classifier, punctuation (曾/d 到 after 总书记)
LAC_NOT_NAME_TAGS = ("d", "p", "c", "u", "v", "r", "f", "m", "q", "w", "ad", "vd", "xc")
LAC_WORD_NOT_NAME_TAGS = ("v", "vd", "vn", "a", "ad", "d", "n")  # a word of two or more characters that is no name
WORD_NOT_NAME_TAGS = ("v", "vd", "a", "ad", "d")  # the dictionary's tag of a two-character word no name after a title


class Names:
    """Name boundaries in one report's normalised text."""

    def __init__(self, text, places=(), tokens=None, nouns=None):
        """places: the report's places, as region mentions or (start, end) spans; tokens: the text's
        (tagger.Tokens), when the caller has them; nouns: the statistical tagger's reading
        (proper_nouns.ProperNouns), or None to go without it."""
        self.text = text
        self.tokens = tokens if tokens is not None else Tokens(text)
        self.nouns = nouns
        self.places = sorted(p if isinstance(p, tuple) else (p.start, p.end) for p in places)
        self._place_starts = [a for a, _b in self.places]
        self._occurrences = {}  # string -> its starts
        self._seen = {}  # string -> the characters that follow it

    # -- the report's own evidence ------------------------------------------------------------
    def occurrences(self, s):
        """The starts of s in the text (found once per string, by str.find: C speed)."""
        found = self._occurrences.get(s)
        if found is None:
            found, i = [], self.text.find(s)
            while i >= 0:
                found.append(i)
                i = self.text.find(s, i + 1)
            self._occurrences[s] = found
        return found

    def _followers(self, s):
        found = self._seen.get(s)
        if found is None:
            found = self._seen[s] = {self.text[i + len(s) : i + len(s) + 1] for i in self.occurrences(s)}
        return found

    def places_ending_in(self, a, b):
        """The places that end within [a, b] (a title's qualifier), found by bisection."""
        i = bisect.bisect_left(self._place_starts, a - 40)
        return [p for p in self.places[i : bisect.bisect_right(self._place_starts, b)] if a <= p[1] <= b]

    def _repeated_whole(self, name):
        """Printed twice or more, never without its last character, and followed by different words."""
        n = len(self.occurrences(name))
        return n >= 2 and n == len(self.occurrences(name[:-1])) and len(self._followers(name)) >= 2

    def _repeated_short(self, name):
        """Printed twice or more and followed by different characters: no longer name hides in it."""
        return len(self.occurrences(name)) >= 2 and len(self._followers(name)) >= 2

    def _dotted(self, start, end_max):
        """A name whose parts are joined by · (阿依·木呷), its last part ending where the next word is
        a verb, an adverb, a conjunction or a particle (…西加艾提和杨安娣: 西加艾提)."""
        m = _DOTTED.match(self.text, start, end_max)
        if not m:
            return None
        end = m.end()
        whole = self.nouns.person_at(start) if self.nouns is not None else None
        if whole and start < whole <= min(end, end_max) and any(d in self.text[start:whole] for d in NAME_DOTS):
            return self.text[start:whole]  # the tagger reads the whole name, dot and all (阿里埃勒·沙龙|去世)
        last = max(self.text.rfind(d, start, end) for d in NAME_DOTS) + 1
        lac_end = self.nouns.person_at(last) if self.nouns is not None else None
        if lac_end and lac_end <= end_max:
            return self.text[start:lac_end]  # the tagger reads the last part as a person (吐尔孙·赛买提)
        for i in range(last + 1, end):
            t = self.tokens.at(i)
            if self.text[i] in DOTTED_STOP or (
                t is not None and len(t.word) > 1 and t.tag.startswith(DOTTED_STOP_TAGS)
            ):
                end = i
                break
        return self.text[start:end] if end - last >= 1 else None

    # -- checks --------------------------------------------------------------------------------
    def in_place(self, start, end):
        """True when the span overlaps a place the gazetteer found (乌兰察布 is no 乌兰察)."""
        i = bisect.bisect_right(self._place_starts, end - 1) - 1
        return i >= 0 and self.places[i][1] > start

    def is_person_token(self, start, end):
        """The tagger reads text[start:end] as one personal name, and not from its dictionary: the
        dictionary tags words as names too (贺词, 修枝, 杨维), its model finds the names it never saw."""
        t = self.tokens.at(start)
        return t is not None and t.end == end and t.tag in PERSON_TAGS and (end - start > 2 or not freq(t.word))

    def is_token(self, start, end):
        """The segmenter reads text[start:end] as one word."""
        t = self.tokens.at(start)
        return t is not None and t.end == end

    def is_lac_person(self, start, end):
        """The statistical tagger reads text[start:end] as one person (LAC's PER)."""
        return self.nouns is not None and self.nouns.person_at(start) == end

    def lac_contradicts(self, start, end=None):
        """The statistical tagger read this place and found no person starting here: the first
        character is inside another word (国|工作), a word of its own that is no name (曾/d到), or
        the name up to end is a verb or an adjective of its (群众|乔迁/v新居)."""
        if self.nouns is None:
            return False
        word = self.nouns.word_at(start)
        if word is None or word[2] == "PER":
            return False
        a, b, tag = word
        if a < start:
            return True
        if (
            end is not None and b - a >= 2 and b <= end and tag in LAC_WORD_NOT_NAME_TAGS and freq(self.text[a:b])
        ):  # (not 吐尔孙/v.赛买提: no word of the dictionary)
            return True
        return b - a == 1 and tag in LAC_NOT_NAME_TAGS

    def transliterated(self, start, end):
        """text[start:end] is a foreign name in transliteration: longer than a Chinese name, made of the
        characters transliteration uses, and no dictionary word."""
        name = self.text[start:end]
        return (
            TRANSLITERATED_MIN <= len(name) <= 10
            and all(ch in TRANSLITERATION_CHARS for ch in name)
            and not freq(name)
            and not self.in_place(start, end)
        )

    @staticmethod
    def surname_length(text, start):
        if text[start : start + 2] in DOUBLE_SURNAMES:
            return 2
        return 1 if text[start : start + 1] in SURNAMES else 0

    # -- the choice ------------------------------------------------------------------------------
    def at(self, start, end_max=None, anchored=True, closed=False, word_given=True):
        """The name starting at start (ending at end_max when closed), or None.

        anchored: a title, a post-title or a speech verb stands next to it; unanchored candidates
        (the tagger's alone) are stricter. word_given: a given name that is also a word (张冠军)
        is allowed (after a title, not before a speech verb: 向大家表示)."""
        text = self.text
        end_max = len(text) if end_max is None else end_max
        dotted = self._dotted(start, end_max)
        if dotted and (anchored or self.is_person_token(start, start + re.search(f"[{NAME_DOTS}]", dotted).start())):
            return dotted  # 阿依·木呷, 玉克塞克·西加艾提: a minority name, as printed
        sl = self.surname_length(text, start)
        token = self.tokens.at(start)
        lac_end = self.nouns.person_at(start) if self.nouns is not None else None
        for end in (lac_end, token.end if token is not None and token.tag in PERSON_TAGS else None):
            if end and end <= end_max and self.transliterated(start, end):
                return text[start:end]  # 乌穆尔扎科夫, (与)内塔尼亚胡: a foreign name as a tagger reads it
        if sl == 0:  # a name without a common surname (阿衣热, 姒健敏, 加央洛珠): only where a tagger sees one
            jieba_sees = anchored and token and token.tag in PERSON_TAGS and 3 <= len(token.word) <= 4
            lac_sees = lac_end and 3 <= lac_end - start <= 4 and text[start] not in NOT_SURNAME_STARTS
            word = token.word if jieba_sees else text[start:lac_end] if lac_sees else None
            if not word or freq(word):  # (jieba's dictionary's 迎新春 and 大力支持 are no names)
                return None
            sl = 1
        elif (
            token is not None
            and token.end == start + sl
            and token.tag.startswith(SURNAME_NOT_TAGS)
            and not (lac_end and lac_end - start > sl)
        ):
            return None  # 边听边记, 向总书记汇报: the "surname" is an adverb or a preposition here (not 莫色拉博)
        if (
            sl == 1
            and freq(text[start : start + 2]) >= COMMON_WORD_FREQ
            and not self.is_person_token(start, start + 2)
            and not (token and token.tag in PERSON_TAGS and len(token.word) > 2)
            and not (lac_end and lac_end - start > 2)
            and not (anchored and text[start + 3 : start + 4] in ("：", ":"))  # 委员万宝年：“…”: an interview's speaker
        ):
            return None  # 来到, 高兴, 关心: a word, not a surname and a given name
        lengths = [end_max - start] if closed else list(range(sl + 1, sl + MAX_GIVEN + 1))
        scored = []
        for n in lengths:
            if not sl + 1 <= n <= sl + MAX_GIVEN or start + n > end_max:
                continue
            name = text[start : start + n]
            if not self._plausible(name, sl, n, start, anchored, word_given):
                continue
            scored.append((self._score(name, start, n, sl, closed), n, name))
        if not scored:
            return None
        best = max(scored)
        if best[0] < (0 if anchored else 2):
            return None
        return self._transliteration_run(start, best[2], end_max) if anchored and not closed else best[2]

    def _transliteration_run(self, start, name, end_max):
        """The name, or the foreign name it begins where the characters of transliteration run on past it
        into no word (负责人索洛维|约夫的: 索洛维约夫; 秘书长古特雷|斯表示: 古特雷斯)."""
        end = stop = start + len(name)
        if len(name) < 3 or not all(ch in TRANSLITERATION_CHARS for ch in name):
            return name
        while stop < end_max and stop - start < 10 and self.text[stop] in TRANSLITERATION_CHARS:
            stop += 1
        if stop == end or max(freq(self.text[end:stop]), freq(self.text[end : end + 2])) >= CROSS_WORD_FREQ:
            return name
        return name if self.in_place(start, stop) else self.text[start:stop]

    def _glued_verb_after(self, end):
        """A tagger reads the two characters after end as one word that no dictionary holds, ending in a
        verb or a particle that ends names (超作, 史作: NAME_END_BEFORE)."""
        pair = self.text[end : end + 2]
        if len(pair) < 2 or pair[1] not in NAME_END_BEFORE or freq(pair) or pair[0] in LAC_TRIM:
            return False  # (王东|还在: an adverb of its own before the verb)
        word = self.nouns.word_at(end) if self.nouns is not None else None
        return self.is_token(end, end + 2) or (word is not None and word[:2] == (end, end + 2))

    def _plausible(self, name, sl, n, start, anchored, word_given=True):
        lac_person = self.is_lac_person(start, start + n)
        bad = NAME_PARTICLES if anchored and lac_person else NAME_BAD_CHARS  # 县长郭省军: read so, titled
        if not _CJK.fullmatch(name) or any(ch in bad for ch in name[sl:]) or name in NOT_NAMES:
            return False
        if PLACEHOLDER in name[sl:] or name[sl:] in ADDRESS_WORDS or name[sl:] in POST_TITLES:
            return False  # 王某, 张某某: no one's name; 王主任, 张妈妈, (内塔尼亚)胡总理: an address
        if not lac_person and (name[sl:] in SPEECH or name[sl : sl + 2] in SPEECH):
            return False  # (委员)时强调, (…)万表示: a surname-like character and a speech verb
        if n == 2 and not lac_person and word_tag(name) in WORD_NOT_NAME_TAGS and self.is_token(start, start + n):
            return False  # (保障房群众)乐享: the segmenter reads a verb of its dictionary there
        if any(b in name for b in NOT_NAMES) or self.in_place(start, start + n):
            return False
        if (
            n == sl + MAX_GIVEN
            and not self.is_person_token(start, start + n)
            and not lac_person
            and not self._repeated_whole(name)
            and not (anchored and self.text[start + n : start + n + 1] in "：:")
        ):
            return False  # four characters only on evidence (吉子尔古, 欧阳美鲜, 委员伊丽苏娅：)
        if n >= sl + 2 and name[-1] in NAME_END_BEFORE:
            return False  # 陈俊说, 马俊摄: the verb ends the name
        known_name = (
            lac_person
            and word_tag(name) in PERSON_TAGS
            and (n > 2 or ((w := self.nouns.word_at(start + n)) is not None and w[2].startswith("v")))
        )  # 王国生: LAC's, and jieba's dictionary's; two characters, a verb after it (汪洋宣读, not 安民之道)
        if n == sl + MAX_GIVEN and freq(name) and not known_name and not self.is_person_token(start, start + n):
            return False  # 大力支持: four characters that are a word (not 安倍晋三, the dictionary's person)
        token = self.tokens.at(start)
        if token is not None and token.end > start + n and token.tag not in PERSON_TAGS:
            return False  # 齐家(治国): the name would cut a word in two
        if not anchored:  # the tagger alone: its dictionary calls 阿姨, 智慧 and 宣传教育 names too
            if name[0] in UNANCHORED_NOT_SURNAMES:
                return False  # (…，)向尼方提供: a preposition before a name, more often than a surname
            given_word = max(freq(name[sl:]), freq(name[-2:])) >= COMMON_WORD_FREQ
            if (freq(name) and not known_name) or (
                len(name) > 2 and given_word and not (lac_person and word_tag(name[sl:]) in PERSON_TAGS)
            ):
                return False  # 康乐新居: 新居 is a word; (靠)林致富: so is 致富, which no dictionary calls a name
            follower = self.text[start + n : start + n + 1]
            if n - sl == 1 and follower not in NAME_END_BEFORE and freq(name[-1] + follower) >= CROSS_WORD_FREQ:
                return False  # (与)林为伴: 为伴 is a word
            after = self.text[start + n : start + n + 3]
            if any(freq(name + after[:k]) >= CROSS_WORD_FREQ for k in range(1, len(after) + 1)):
                return False  # 南太(平洋)
            if any(freq(self.text[start - k : start + n]) for k in (1, 2) if start >= k):
                return False  # (没)成想, (安居)乐业: the name would end a word that starts before it
            if (
                start
                and not self.tokens.is_boundary(start)
                and freq(self.text[start - 1 : start + 1]) >= CROSS_WORD_FREQ
            ):
                return False  # 共商|中乌合作: the "surname" ends a word that starts before it
            if len(name) - sl == 2 and freq(name[sl:]) and word_tag(name[sl:]) in GIVEN_NOT_TAGS:
                return False  # (与)林为伴: 为伴 is a verb
            if n == sl + MAX_GIVEN and any(
                freq(name[i : i + 2]) >= FOUR_CHAR_WORD_FREQ for i in ((0, n - 2) if lac_person else range(sl, n - 1))
            ):
                return False  # 康乐新居 (新居), not 白玛加布
            return n < sl + MAX_GIVEN or lac_person or self._repeated_whole(name)
        if (
            not word_given
            and len(name) - sl > 1
            and freq(name[sl:]) >= COMMON_WORD_FREQ
            and not self.is_person_token(start, start + n)
        ):
            return False  # 向大家表示
        if not word_given and n == 2 and freq(name):
            return False  # 贺词说: a two-character word before a verb is the word
        if (
            freq(name) >= (TWO_CHAR_WORD_FREQ if n == 2 else COMMON_WORD_FREQ)
            and not known_name
            and not (word_tag(name) in PERSON_TAGS and freq(name) < COMMON_WORD_FREQ)
            and not (lac_person and (word_tag(name) or "").startswith("n"))  # 总统普京: ns in the dictionary
        ):
            return False  # 万众, 安居, 祝贺: a word (a name the dictionary holds, 汪洋, stays)
        return True

    def _score(self, name, start, n, sl, closed):
        text, end = self.text, start + n
        score = 0
        token = self.tokens.at(start)
        if self.is_person_token(start, end):
            score += 3 + 3 * (n >= 4 and freq(name) > 0)  # 安倍晋三: a four-character person of the dictionary
        elif token and token.end == start + sl:  # the surname alone, then the given name (任 + 红梅, 秦 + 时运)
            given = self.tokens.at(token.end)
            if given and given.end == end:
                score += 2 if given.tag in PERSON_TAGS or token.tag in PERSON_TAGS else 1
        lac_end = self.nouns.person_at(start) if self.nouns is not None else None
        if lac_end == end:
            score += 4  # the statistical tagger's person, read in its sentence (刘国中 before 和, 伍廷意 before 在)
        elif self.nouns is not None and self.nouns.tagged(start) and self.nouns.is_boundary(end):
            score += 1
        if self.tokens.is_boundary(end):
            score += 1
        if n > sl + 1 and self._repeated_whole(name):
            score += 4
        if (
            n == sl + 2
            and freq(text[start : end - 1]) >= TWO_CHAR_WORD_FREQ
            and not freq(name)
            and word_tag(text[start : end - 1]) in PERSON_TAGS
        ):
            score += 2  # 杨维信: 杨维 is a word of the dictionary, 杨维信 is no word
        if (
            self._repeated_short(name)
            and len(self.occurrences(name)) > len(self.occurrences(text[start : end + 1]))
            and not (lac_end and lac_end > end and text[lac_end - 1] not in NAME_END_BEFORE)
        ):  # (刘晓峰、… 刘晓庄: not 刘晓, where the tagger reads the longer person; 韩正在: it glued 在 on)
            score += 4 if n < sl + MAX_GIVEN else 0
        if n < sl + MAX_GIVEN and _CJK.fullmatch(text[end : end + 1]) and self._repeated_whole(text[start : end + 1]):
            score -= 4  # 谭登, always printed as 谭登周
        if text[end : end + 1] in HOME_AFTER:
            score += 1
        if self._glued_verb_after(end):
            score -= 8  # 杨晓|超作的报告, 徐绍|史作的: the name's last character read with the verb after it
        if text[end : end + 1] in "、，。；,;":
            score += 2  # 主席万鄂湘、: a list's or a clause's end is a name's end more often than a character
        if text[end : end + 1] in "：:":
            score += 3  # 全国政协委员卢天锡：“…”: an interview's speaker ends at the colon
        if text.startswith(SPEECH, end):
            score += 2  # 马有全说
        if not closed:
            given, after = name[sl:], text[end : end + 4]
            crossing = [
                w
                for i in range(len(given))
                for k in range(1, len(after) + 1)
                if len(given) - i + k >= 2
                and not (k == 1 and after[0] in HOME_AFTER)
                and freq(w := given[i:] + after[:k]) >= CROSS_WORD_FREQ
            ]
            if lac_end == end and any(word_tag(w) in ADVERBIAL_TAGS for w in crossing):
                score -= 5  # 陈焕|乐呵呵地, 胡珂|立下: an adverb runs across the end, though LAC reads on
            elif (
                lac_end == end
                and crossing
                and n > sl + 1
                and self._repeated_short(text[start : end - 1])
                and len(self.occurrences(text[start : end - 1])) > len(self.occurrences(name))
            ):
                score -= 5  # 曾建|全身心: the shorter name is printed alone elsewhere, the word runs on
            elif crossing and lac_end != end:
                score -= 2  # a word runs across the end (刘国|中和 stays 刘国中 where LAC reads it so)
        return score
