"""An Aho-Corasick automaton over every division's names, built once per process.

Keys are full names (平利县), short names (平利), the everyday forms of
autonomous divisions (凉山州, 石柱县, 东乡县, 鄂温克旗), and the names a division
had before the gazetteer's or took after it (襄樊市, 定陶县, 黔西市, 云州区: the
former-names facts table, archive/data/former_names.csv), each tied to the
gazetteer's code. Each key maps to the divisions it may mean; regions.py
decides which one a mention is. A short name that is an ordinary word is no
key (合作 of 合作市), but a city the dictionary knows as a place stays, however
common it is (太原, tagged ns).
"""

from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from archive.gazetteer import read_divisions, read_former_names, read_poverty_table, short_name

from .lexicon import freq_table
from .tagger import word_tag

# A short name that is this common as an ordinary word (jieba's frequency) is
# never read as a place on its own: 合作 (合作市), 南部 (南部县), 平安 (平安区).
COMMON_WORD_FREQ = 1000
# The everyday form of an autonomous division: short name + this (凉山州, 石柱县, 鄂温克旗).
AUTONOMOUS_EVERYDAY = (("自治州", "州"), ("自治县", "县"), ("自治旗", "旗"))


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
    def __init__(self, divisions=None, poverty=None, former=None):
        divisions = list(read_divisions() if divisions is None else divisions)
        poverty = read_poverty_table() if poverty is None else poverty
        self.places = {d.code: Place(d.code, d.name, d.short_name, d.level, d.parent_code) for d in divisions}
        for code, (name, _year) in poverty.items():
            if code not in self.places:
                parent = code[:4] + "00" if code[:4] + "00" in self.places else code[:2] + "0000"
                self.places[code] = Place(code, name, short_name(name), "county", parent)
        freq = freq_table()
        keys = {}

        def add(key, code, kind):
            if (code, kind) not in keys.setdefault(key, []):
                keys[key].append((code, kind))

        for p in self.places.values():
            add(p.name, p.code, "full")
            common = (
                freq.get(p.short_name, 0) >= COMMON_WORD_FREQ
                and p.level != "province"
                and not (p.level == "prefecture" and word_tag(p.short_name) == "ns")
            )
            if p.short_name != p.name and len(p.short_name) >= 2 and not common:
                add(p.short_name, p.code, "short")
            for suffix, everyday in AUTONOMOUS_EVERYDAY:
                if p.name.endswith(suffix) and p.short_name != p.name:
                    add(p.short_name + everyday, p.code, "full")
        self.former = {}  # code -> [(name, kind, date)]
        for name, code, kind, date in read_former_names() if former is None else former:
            if code in self.places:
                add(name, code, "full")
                self.former.setdefault(code, []).append((name, kind, date))
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
