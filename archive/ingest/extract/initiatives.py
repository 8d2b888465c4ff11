"""Initiatives (named programmes and models) and the report's categories.

Names come from three patterns: a known programme (initiative_patterns.KNOWN),
a quoted name followed by 模式/机制/改革/制... ("138"模式, "三变"改革, "总队长"制),
and a bare two-to-four-character name right before 模式 (车河模式). Each gets
the category whose keywords (archive/taxonomy.py) occur in its name, else in
its sentence. The report's categories are those whose keywords occur at least
CATEGORY_MIN_HITS times, or whose own name is printed.
"""

import re

from archive.taxonomy import CATEGORIES, CATEGORY_KEYWORDS, CATEGORY_MIN_HITS

from .initiative_patterns import (
    BARE_MODEL_MAX,
    BARE_MODEL_MIN,
    BARE_MODEL_STOPWORDS,
    KNOWN,
    MODEL_GAP,
    MODEL_WORDS,
    QUOTED_MAX,
)

_MODEL_WORD = "|".join(sorted(MODEL_WORDS, key=len, reverse=True))
_QUOTED = re.compile(rf"[“\"「](?P<name>[^”\"」]{{1,{QUOTED_MAX}}})[”\"」](?P<gap>[\u4e00-\u9fff]{{0,{MODEL_GAP}}}?)(?P<word>{_MODEL_WORD})")
_BARE = re.compile(rf"(?<![\u4e00-\u9fff])(?P<name>[\u4e00-\u9fff]{{{BARE_MODEL_MIN},{BARE_MODEL_MAX}}})模式")
_KNOWN = re.compile("|".join(re.escape(k) for k in sorted(KNOWN, key=len, reverse=True)))


def categorize(phrase, context=""):
    for text in (phrase, context):
        for cat in CATEGORIES:
            if any(k in text for k in CATEGORY_KEYWORDS[cat]):
                return cat
    return ""


def _sentence(text, pos):
    start = max(text.rfind(ch, 0, pos) for ch in "。！？；\n") + 1
    end = min([i for i in (text.find(ch, pos) for ch in "。！？；\n") if i >= 0] or [len(text)])
    return text[start:end]


def find_initiatives(text):
    """[{name, category}] in order of first appearance, one per name."""
    found = {}

    def add(name, pos):
        name = name.strip()
        if len(name) < 2 or name in found:
            return
        found[name] = {"name": name, "category": categorize(name, _sentence(text, pos))}

    for m in _QUOTED.finditer(text):
        word = m.group("word")
        add(m.group("name") + (word if word in ("制", "改革") else ""), m.start())
    for m in _BARE.finditer(text):
        name = m.group("name")
        if not name.startswith(BARE_MODEL_STOPWORDS) and not name.endswith(BARE_MODEL_STOPWORDS):
            add(name + "模式", m.start())
    for m in _KNOWN.finditer(text):
        add(m.group(0), m.start())
    return list(found.values())


def find_categories(text, initiatives=()):
    cats = []
    for cat in CATEGORIES:
        hits = sum(text.count(k) for k in CATEGORY_KEYWORDS[cat])
        if hits >= CATEGORY_MIN_HITS or cat in text or any(i["category"] == cat for i in initiatives if i["name"] == cat):
            cats.append(cat)
    return cats
