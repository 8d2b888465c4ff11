"""The text rules every stage shares, each written once: what a Chinese character is, where a
sentence ends, which of overlapping matches wins, and the words that name a journalist's role.

Patterns of one stage stay in that stage's patterns module (STYLE.md 4); a rule two stages read
lives here, so the stages cannot drift apart (the archive had 13 definitions of a Chinese
character with three ranges, two sentence splitters and the leftmost-longest rule three times).
"""

import bisect
import re

# A Chinese character: the CJK unified ideographs with extension A (rare characters of names and
# places, 㐀-䶵). Compatibility ideographs (U+F900-FAFF) are other code points for the same
# characters, folded by normalisation; only the display script's count (formats.py) adds them.
HAN = "\u3400-\u9fff"
HAN_CHAR = re.compile(f"[{HAN}]")
COMPATIBILITY_HAN = "\uf900-\ufaff"


def is_han(ch: str) -> bool:
    """Whether one character is a Chinese character (HAN)."""
    return "\u3400" <= ch <= "\u9fff"


# Where a sentence ends: the full stop, the exclamation and question marks and the semicolon, in
# full width and ASCII, and a line break.
SENTENCE_END = "。！？；!?;\n"
SENTENCE_ENDS = re.compile(f"[{SENTENCE_END}]")
# A sentence with its end mark (a line break is not part of it).
SENTENCE = re.compile(f"[^{SENTENCE_END}]+[{SENTENCE_END.replace(chr(10), '')}]?")


class Sentences:
    """Sentence bounds by bisection over the text's sentence ends, found once (a scan per lookup made
    a 1 MB text cost the square of its length). window: at most this many characters either side
    of the position, for a text with no sentence end near."""

    def __init__(self, text: str, window: int | None = None):
        self.text = text
        self.window = window
        self.ends = [m.start() for m in SENTENCE_ENDS.finditer(text)]
        self.n = len(text)

    def bounds(self, pos: int) -> tuple[int, int]:
        """(start, end) of the sentence holding pos, its end mark included."""
        i = bisect.bisect_left(self.ends, pos)
        start = self.ends[i - 1] + 1 if i else 0
        end = self.ends[i] + 1 if i < len(self.ends) else self.n
        if self.window is not None:
            return max(start, pos - self.window), min(end, pos + self.window)
        return start, end

    def at(self, pos: int) -> str:
        """The sentence holding pos."""
        start, end = self.bounds(pos)
        return self.text[start:end]


def leftmost_longest(hits, keep=None):
    """The hits (tuples starting with start, end) a regex alternation would find: leftmost first, the
    longest of those starting at one place, none overlapping one kept; keep(hit) may refuse one,
    when the next hit in line is tried. For the hits of an Aho-Corasick automaton, which reports
    every key at every place."""
    out, last = [], -1
    for hit in sorted(hits, key=lambda h: (h[0], -(h[1] - h[0]))):
        if hit[0] >= last and (keep is None or keep(hit)):
            out.append(hit)
            last = hit[1]
    return out


def alternation(words) -> str:
    """A regex alternation of words, the longest first (so 本报记者 is tried before 记者)."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# The roles a byline, a dateline's brackets or a credit gives a journalist, with the title each is
# stored under (the archive's people of kind "journalist").
JOURNALIST_ROLES = {
    "记者": "记者",
    "本报记者": "记者",
    "特约记者": "记者",
    "见习记者": "记者",
    "通讯员": "通讯员",
    "实习生": "实习生",
    "编辑": "编辑",
    "责任编辑": "责任编辑",
    "责编": "责任编辑",
    "摄影": "摄影",
    "摄": "摄影",
    "图": "摄影",
    "摄像": "摄像",
    "作者": "作者",
    "文": "作者",
    "文/图": "作者",
    "撰稿": "作者",
    "供稿": "作者",
}
