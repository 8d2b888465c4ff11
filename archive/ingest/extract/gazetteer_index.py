"""An Aho-Corasick automaton over every division's names, built once per process.

Keys are full names (平利县), short names (平利), and for autonomous
prefectures the everyday form short name + 州 (凉山州). Each key maps to the
divisions it may mean; regions.py decides which one a mention is.
"""

from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from archive.gazetteer import read_divisions, read_poverty_table, short_name

from .lexicon import freq_table

# A short name that is this common as an ordinary word (jieba's frequency) is
# never read as a place on its own: 合作 (合作市), 南部 (南部县), 平安 (平安区).
COMMON_WORD_FREQ = 1000


@dataclass(frozen=True)
class Place:
    code: str
    name: str
    short_name: str
    level: str
    parent_code: str | None

    @property
    def province(self):
        return self.code[:2] + "0000"

    @property
    def prefecture(self):
        return self.code[:4] + "00" if self.level == "county" else None


class Gazetteer:
    def __init__(self, divisions=None, poverty=None):
        divisions = list(read_divisions() if divisions is None else divisions)
        poverty = read_poverty_table() if poverty is None else poverty
        self.places = {d.code: Place(d.code, d.name, d.short_name, d.level, d.parent_code) for d in divisions}
        for code, (name, _year) in poverty.items():
            if code not in self.places:
                parent = code[:4] + "00" if code[:4] + "00" in self.places else code[:2] + "0000"
                self.places[code] = Place(code, name, short_name(name), "county", parent)
        freq = freq_table()
        keys = {}
        for p in self.places.values():
            keys.setdefault(p.name, []).append((p.code, "full"))
            common = freq.get(p.short_name, 0) >= COMMON_WORD_FREQ and p.level != "province"
            if p.short_name != p.name and len(p.short_name) >= 2 and not common:
                keys.setdefault(p.short_name, []).append((p.code, "short"))
            if p.name.endswith("自治州"):
                keys.setdefault(p.short_name + "州", []).append((p.code, "full"))
        self.automaton = ahocorasick.Automaton()
        for key, entries in keys.items():
            self.automaton.add_word(key, (key, tuple(entries)))
        self.automaton.make_automaton()

    def scan(self, text):
        """(start, end, key, ((code, kind), ...)) for every key occurrence, longest match at each end."""
        hits = []
        for end, (key, entries) in self.automaton.iter(text):
            start = end - len(key) + 1
            hits.append((start, end + 1, key, entries))
        # keep the longest key among overlapping hits (平利县 over 平利)
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        out, last_end = [], -1
        for h in hits:
            if h[0] >= last_end:
                out.append(h)
                last_end = h[1]
            elif h[1] - h[0] > out[-1][1] - out[-1][0]:  # overlaps the kept hit and is longer
                out[-1] = h
                last_end = h[1]
        return out


@lru_cache(maxsize=1)
def default_gazetteer():
    return Gazetteer()
