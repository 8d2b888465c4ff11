"""Stage 2: text from HTML, one paragraph a line, and what the page head says about it.

lxml parses even broken markup (mixed </P> case, unclosed tags, entities).
The page head is read first (head.py: trafilatura's metadata reader and
htmldate), then scripts, styles and other non-content elements are dropped.
Block elements and <br> end a line; every other whitespace is the markup's,
not the author's: a run of it that holds a line break (a CMS that hard-wraps
its source at 80 columns) is nothing between Chinese characters and one space
elsewhere, so a sentence wrapped in the source is one sentence here.
"""

import re

import lxml.html
from lxml import etree

from archive.text import HAN

from .document import Document, Rejected
from .head import read_head

DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "iframe",
    "template",
    "svg",
    "head",
    "object",
    "embed",
    "select",
    "button",
    "title",
)
BLOCK_TAGS = frozenset(
    "p div br li ul ol tr td th table h1 h2 h3 h4 h5 h6 section article header footer nav aside blockquote pre "
    "dd dt dl figure figcaption form hr address center".split()
)
_CJK = "\u3000-\u303f\uff00-\uffef" + HAN  # Chinese characters and full-width punctuation
_SOURCE_BREAK = re.compile(r"[ \t\r\f\v]*\n[ \t\r\n\f\v]*")  # a line break in the markup's source
_WRAPPED = re.compile(rf"(?<=[{_CJK}])[ \n]*\n[ \n]*(?=[{_CJK}])")  # ... between two Chinese characters: a hard wrap
_SPACES = re.compile(r"[ \t\r\n\f\v]+")  # markup whitespace (not &nbsp;, which the author typed)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_BREAK = "\x00"  # a line break the markup asks for (block or <br>), kept apart from the source's own


def _text(s):
    return _SOURCE_BREAK.sub("\n", s)


def html_to_text(doc: Document) -> Document:
    """Fill doc.text (and doc.head from the page head): from the markup for HTML, the decoded text as is otherwise."""
    if doc.kind != "html":
        doc.text = doc.raw_text
        return doc
    try:
        # control characters are not allowed in HTML (nor by lxml when a library sets a node's text)
        root = lxml.html.fromstring(_CONTROL.sub("", doc.raw_text))
    except (etree.ParserError, ValueError):
        raise Rejected("无法解析这个 HTML 文件") from None
    try:
        doc.head = read_head(root)
    except Exception:  # noqa: BLE001 (trafilatura and htmldate on hostile markup: the page head is extra)
        doc.warnings.append("网页头部信息无法读取：标题、日期和来源只从正文中找")
    for bad in list(root.iter(*DROP_TAGS)):
        bad.drop_tree()
    parts = []

    def walk(el):
        if not isinstance(el.tag, str):  # comments and processing instructions: only their tail is text
            return
        block = el.tag.lower() in BLOCK_TAGS
        if block:
            parts.append(_BREAK)
        if el.text:
            parts.append(_text(el.text))
        for child in el:
            walk(child)
            if child.tail:
                parts.append(_text(child.tail))
        if block:
            parts.append(_BREAK)

    walk(root)
    text = _SPACES.sub(" ", _WRAPPED.sub("", "".join(parts)))  # across text nodes too: <b>贫</b>\n困
    doc.text = re.sub(rf"[ \t\r\f\v\u00a0]*{_BREAK}[\s{_BREAK}]*", "\n", text).strip()
    return doc
