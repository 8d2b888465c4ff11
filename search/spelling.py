"""Corrections for a query that finds nothing: a character typed for another of the same sound.

Pinyin input makes this the commonest slip in Chinese (易地般迁 for 易地搬迁, 精准附贫 for 精准扶贫),
and edit distance alone cannot rank it: every character is one edit from thousands of others. Here
a word is corrected by changing one character to another with one of its readings (tones
ignored, pypinyin's table of readings), and only into what the archive itself holds: the changed
character must make a word with a neighbour (jieba's dictionary: one lookup in memory, where the
index's term table costs a lookup in every segment), the candidate's query terms must all be in
the index, and search/query.py offers the correction only
when it finds reports. Engine-neutral: the backend passes its term frequencies in.
"""

import re
import unicodedata
from functools import lru_cache

from pypinyin.pinyin_dict import pinyin_dict

from archive.text import HAN, is_han

from .analysis import dictionary_frequency, query_terms

_HAN = re.compile(f"^[{HAN}]+$")
MAX_WORD = 8  # characters of a typed word tried (each is one candidate a homophone of each character)


def _toneless(reading):
    return "".join(ch for ch in unicodedata.normalize("NFD", reading) if not unicodedata.combining(ch))


@lru_cache(maxsize=1)
def _readings():
    """({character: its toneless readings}, {toneless reading: characters}), built once per process."""
    readings, by_sound = {}, {}
    for code, value in pinyin_dict.items():
        ch = chr(code)
        if not is_han(ch):
            continue
        sounds = {_toneless(p) for p in value.split(",")}
        readings[ch] = sounds
        for sound in sounds:
            by_sound.setdefault(sound, []).append(ch)
    return readings, by_sound


def homophones(ch):
    """The characters sharing a reading with ch (ch itself left out)."""
    readings, by_sound = _readings()
    out = []
    for sound in sorted(readings.get(ch, ())):
        out += [c for c in by_sound[sound] if c != ch and c not in out]
    return out


def same_sound(word, frequency):
    """Words the archive holds that sound like `word` with one character changed, best first.

    frequency(term) -> how many reports hold the index term. Ranked by how few query terms the
    candidate is looked up by (a correction turns pieces back into a word), then by the rarest of
    its terms' frequencies."""
    if not _HAN.match(word) or not 2 <= len(word) <= MAX_WORD:
        return []
    typed_terms = len(query_terms(word))
    ranked = []
    for i, ch in enumerate(word):
        for other in homophones(ch):
            left = word[i - 1] + other if i > 0 else ""
            right = other + word[i + 1] if i + 1 < len(word) else ""
            if not any(w and dictionary_frequency(w) for w in (left, right)):
                continue  # the new character makes no word of the dictionary with its neighbours
            candidate = word[:i] + other + word[i + 1 :]
            terms = query_terms(candidate)
            counts = [frequency(t) for t in terms]
            if not terms or min(counts) == 0 or len(terms) > typed_terms:
                continue
            ranked.append((len(terms), -min(counts), candidate))
    ranked.sort()
    return [c for _n, _f, c in ranked]


def plausible(typed, suggested):
    """Whether an edit-distance correction is worth offering: not a lone character for a word,
    not a doubled character (蒸蒸) the typed word was not, and not the word itself."""
    if suggested == typed:
        return False
    if len(typed) >= 2 and len(suggested) < 2:
        return False
    doubled = len(suggested) == 2 and suggested[0] == suggested[1]
    return not (doubled and typed[0] != typed[-1])
