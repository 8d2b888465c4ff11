"""Stage 2: text from HTML, one paragraph a line.

lxml parses even broken markup (mixed </P> case, unclosed tags, entities).
Scripts, styles and other non-content elements are dropped; block elements
and <br> end a line, so paragraphs survive as lines for the cleaning stage.
"""

import re

import lxml.html
from lxml import etree  # noqa: F401  (ParserError)

from .document import Document, Rejected

DROP_TAGS = ("script", "style", "noscript", "iframe", "template", "svg", "head", "object", "embed", "select", "button")
BLOCK_TAGS = frozenset(
    "p div br li ul ol tr td th table h1 h2 h3 h4 h5 h6 section article header footer nav aside blockquote pre "
    "dd dt dl figure figcaption form hr address center title".split()
)


def html_to_text(doc: Document) -> Document:
    """Fill doc.text: from the markup for HTML, the decoded text as is otherwise."""
    if doc.kind != "html":
        doc.text = doc.raw_text
        return doc
    try:
        root = lxml.html.fromstring(doc.raw_text)
    except (etree.ParserError, ValueError):
        raise Rejected("the HTML could not be parsed") from None
    for bad in list(root.iter(*DROP_TAGS)):
        bad.drop_tree()
    parts = []

    def walk(el):
        if not isinstance(el.tag, str):  # comments and processing instructions: only their tail is text
            return
        tag = el.tag.lower()
        block = tag in BLOCK_TAGS
        if block:
            parts.append("\n")
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if block:
            parts.append("\n")

    walk(root)
    text = "".join(parts)
    doc.text = re.sub(r"[ \t\r\f\v]*\n[\s]*", "\n", text).strip()
    return doc
