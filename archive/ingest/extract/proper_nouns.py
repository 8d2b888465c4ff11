"""The statistical tagger's reading of one report: its words and the persons, places and organisations
among them, by offset (lac.py runs the model).

LAC tags a sentence at a time. Only the sentences where a name may stand are tagged (the tagger
costs about as much as the rest of the extraction together): those in which jieba's tagger
(tagger.py) reads a personal name or a transliteration, or finds a word its dictionary does not
hold, or a · joins a name, and those holding a place name that is an ordinary word too (朝阳, 振兴:
regions.py asks). That is about 55 % of the news corpus's text, holding 0.97 of the persons LAC
finds when it reads everything (docs/DECISIONS.md); elsewhere the rules alone decide.

Many reports are tagged in one call (tag_many): the model's cost is a matrix product a step, and
a batch of many sentences shares each step.
"""

import bisect
import re
from dataclasses import dataclass, field

from archive.text import SENTENCE

from . import lac
from .lexicon import freq
from .people_patterns import SURNAMES
from .tagger import PERSON_TAGS

LONGEST = 160  # characters a tagged piece at most: a line without punctuation is cut at commas, then here
CUT = re.compile(r"[^，,、：:]+[，,、：:]?")
PERSON, PLACE, ORGANISATION = "PER", "LOC", "ORG"


@dataclass
class ProperNouns:
    """LAC's words over a text (those of the sentences it tagged), with lookups by offset."""

    text: str
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    covered: list[tuple[int, int]] = field(default_factory=list)  # the tagged pieces, in order

    def add(self, offset, words):
        self.covered.append((offset, offset + sum(len(w) for w, _t in words)))
        for word, tag in words:
            self.starts.append(offset)
            offset += len(word)
            self.ends.append(offset)
            self.tags.append(tag)

    def tagged(self, pos):
        """True when the piece holding pos was read by the tagger."""
        i = bisect.bisect_right(self.covered, (pos, float("inf"))) - 1
        return i >= 0 and self.covered[i][0] <= pos < self.covered[i][1]

    def word_at(self, pos):
        """(start, end, tag) of the tagger's word holding pos, or None where it read nothing."""
        i = bisect.bisect_right(self.starts, pos) - 1
        if i >= 0 and self.starts[i] <= pos < self.ends[i]:
            return self.starts[i], self.ends[i], self.tags[i]
        return None

    def word_ending_at(self, pos):
        """(start, end, tag) of the tagger's word that ends at pos, or None."""
        i = bisect.bisect_left(self.ends, pos)
        if i < len(self.ends) and self.ends[i] == pos:
            return self.starts[i], self.ends[i], self.tags[i]
        return None

    def spans(self, tag):
        return [(a, b) for a, b, t in zip(self.starts, self.ends, self.tags) if t == tag]

    def person_at(self, start):
        """The end of the person the tagger reads starting at start, or None."""
        w = self.word_at(start)
        return w[1] if w and w[0] == start and w[2] == PERSON else None

    def is_boundary(self, pos):
        i = bisect.bisect_left(self.ends, pos)
        return i < len(self.ends) and self.ends[i] == pos


def _pieces(text):
    """(offset, piece) of the text's sentences, long ones cut at commas and then every LONGEST."""
    for m in SENTENCE.finditer(text):
        s, piece = m.start(), m.group()
        if len(piece) <= LONGEST:
            yield s, piece
            continue
        for c in CUT.finditer(piece):
            for k in range(0, len(c.group()), LONGEST):
                yield s + c.start() + k, c.group()[k : k + LONGEST]


def _may_name(piece, tokens, offset):
    """Whether a name may stand in the piece: jieba reads one or a transliteration, a word its
    dictionary does not hold stands there (加央洛珠), or a · joins a name."""
    if "·" in piece:
        return True
    i = tokens.index_at(offset) if tokens is not None else None
    if i is None:
        return any(ch in SURNAMES for ch in piece)
    end = offset + len(piece)
    words, tags, ends = tokens.words, tokens.tags, tokens.ends
    while i < len(words) and ends[i] <= end:
        w, t = words[i], tags[i]
        if t in PERSON_TAGS or t == "nrt":
            return True
        if 3 <= len(w) <= 4 and t not in ("m", "x", "eng") and not freq(w):
            return True  # a word the dictionary does not hold, found by jieba's model: often a name (加央洛珠)
        i += 1
    return False


def tag_many(texts, tokens_of=None, read_at=None):
    """A ProperNouns for each text; tokens_of: each text's tagger.Tokens (the sentences to tag are
    chosen with them), or None to tag every sentence; read_at: for each text, offsets whose piece
    must be read too (a place name that is also an ordinary word: 朝阳, 振兴)."""
    out, pieces, owners = [], [], []
    for k, text in enumerate(texts):
        out.append(ProperNouns(text))
        tokens = tokens_of[k] if tokens_of is not None else None
        wanted = sorted(read_at[k]) if read_at is not None else []
        for offset, piece in _pieces(text):
            i = bisect.bisect_left(wanted, offset)
            must = i < len(wanted) and wanted[i] < offset + len(piece)
            if tokens is None or must or _may_name(piece, tokens, offset):
                pieces.append(piece)
                owners.append((k, offset))
    if pieces:
        for (k, offset), words in zip(owners, lac.load().tag(pieces)):  # in the pieces' order
            out[k].add(offset, words)
    return out


def tag(text, tokens=None, read_at=()):
    return tag_many([text], [tokens] if tokens is not None else None, [read_at])[0]
