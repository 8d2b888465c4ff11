"""Stage 3: page furniture and spam out, body lines in.

Lines are matched in their simplified form against patterns.py, so one list
serves both scripts. Removed lines are kept on doc.furniture: the metadata
stage reads sources, dates and editors from them. Three rules:
1. a line that is furniture wherever it stands (breadcrumbs, 浏览量, ICP ...);
2. a tail marker in the back half of the page (责任编辑, 延伸阅读, 版权所有,
   声明 ...) ends the article: it and everything after it go; never before the first
   sentence of the body (a short item's 发布时间 line under its title is no tail);
3. short lines of spam words, and lines with no Chinese at all before the
   first paragraph (counters like "1 1 1"), go; a date line at the very top
   (2021-05-28) stays for the metadata stage, which reads it as the date.
A section name repeated from the breadcrumb just above the title goes too.
"""

import re

from .document import Document, Rejected
from .metadata_patterns import DATE_LINE_SCAN, DATE_ONLY_LINE
from .normalize import t2s
from .patterns import (
    BODY_SENTENCE_END,
    DROP_CHARS,
    FURNITURE_LINE,
    HAN,
    PINYIN_GLOSS,
    SENTENCE_PUNCTUATION,
    SPACES,
    SPAM_MAX_LEN,
    SPAM_WORDS,
    TAIL_MARKERS,
    TAIL_START,
)

_CRUMB_SPLIT = re.compile(r"\s*[>»›/]\s*")


def normalize_lines(text: str) -> list[str]:
    """One stripped line per paragraph; odd spaces unified, invisible characters and pinyin glosses inside a
    word (就業(yè)扶貧) dropped."""
    text = DROP_CHARS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    if "(" in text or "（" in text:
        text = PINYIN_GLOSS.sub("", text)
    return [ln for ln in (SPACES.sub(" ", raw).strip() for raw in text.split("\n")) if ln]


def is_furniture(simplified_line: str) -> bool:
    low = simplified_line.lower()
    return any(p.search(low) for p in FURNITURE_LINE)


def is_spam(simplified_line: str) -> bool:
    """A short line of spam words that is no sentence (金融炒股怎么赚钱); a body sentence that says
    打工赚钱 stays."""
    low = simplified_line.lower()
    words = sum(w in low for w in SPAM_WORDS)
    return len(low) <= SPAM_MAX_LEN and (words >= 2 or (words == 1 and not any(p in low for p in SENTENCE_PUNCTUATION)))


def strip_boilerplate(doc: Document) -> Document:
    """Split doc.text into doc.lines (body) and doc.furniture."""
    lines = normalize_lines(doc.text)
    simple = [t2s(ln) for ln in lines]
    keep = [True] * len(lines)
    start = int(len(lines) * TAIL_START)
    first_sentence = next((i for i, s in enumerate(simple) if any(p in s for p in BODY_SENTENCE_END)), None)
    if first_sentence is not None:
        start = max(start, first_sentence + 1)
    for i in range(max(start, 1), len(lines)):
        if any(p.search(simple[i].lower()) for p in TAIL_MARKERS):
            keep[i:] = [False] * (len(lines) - i)
            break
    crumbs = set()
    seen_paragraph = False
    for i, s in enumerate(simple):
        if not keep[i]:
            continue
        if is_furniture(s) or is_spam(s):
            keep[i] = False
            if ">" in s or "/" in s or "›" in s or "»" in s:
                crumbs.update(c for c in _CRUMB_SPLIT.split(s) if c)
        elif i < DATE_LINE_SCAN and DATE_ONLY_LINE.match(s):
            continue  # a date line at the top (2021-05-28): the metadata stage reads and removes it
        elif not seen_paragraph and (not HAN.search(s) or s in crumbs):
            keep[i] = False
        elif len(s) > 60:
            seen_paragraph = True
    doc.lines = [ln for ln, k in zip(lines, keep) if k]
    doc.furniture = [ln for ln, k in zip(lines, keep) if not k]
    if not any(HAN.search(ln) for ln in doc.lines):
        raise Rejected("文件中没有找到中文正文")
    return doc
