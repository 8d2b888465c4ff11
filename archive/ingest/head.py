"""What a web page's head says about the report: title, date, site, source, author.

Read with trafilatura's metadata reader (og: and twitter: tags, JSON-LD, <title>
without its "— site" tail) and htmldate (pubdate, publishdate, article:published_time
and the other date metas, without guessing a date from the body), plus the
metas Chinese news sites name their source and author by, which neither reads
(<meta name="source" content="来源：人民网－人民日报">). A fragment without a head
(a CMS body) has nothing here; the body's own datelines are read by datelines.py.
"""

from dataclasses import dataclass
from datetime import date

from .metadata_patterns import AUTHOR_METAS, SOURCE_METAS, SOURCE_PREFIX, SOURCE_SPLIT


@dataclass
class PageHead:
    title: str | None = None
    published: date | None = None
    site: str | None = None  # the site's own name (og:site_name), not its host
    source: str | None = None  # who the page says the report comes from
    author: str | None = None
    url: str | None = None


def _meta(root, names):
    for el in root.iter("meta"):
        key = (el.get("name") or el.get("property") or el.get("itemprop") or "").strip().lower()
        if key in names and (el.get("content") or "").strip():
            return el.get("content").strip()
    return None


def _source(value):
    """来源：人民网－人民日报 -> 人民日报 (the publisher it names last is where it first appeared)."""
    if not value:
        return None
    parts = [p.strip() for p in SOURCE_SPLIT.split(SOURCE_PREFIX.sub("", value)) if p.strip()]
    return parts[-1][:30] if parts else None


def read_head(root) -> PageHead:
    """The page head's metadata, or an empty PageHead for a fragment without one."""
    if root.find(".//title") is None and root.find(".//meta") is None:
        return PageHead()
    from trafilatura.metadata import extract_metadata  # here: only a page with a head pays trafilatura's import

    meta = extract_metadata(root, extensive=False)  # extensive=False: no date guessed from the body's text
    published = None
    if meta.date:
        try:
            published = date.fromisoformat(meta.date[:10])
        except ValueError:
            published = None
    site = meta.sitename if meta.sitename and "." not in meta.sitename else None  # a host name is not a name
    return PageHead(
        title=meta.title or None,
        published=published,
        site=site,
        source=_source(_meta(root, SOURCE_METAS)),
        author=meta.author or _meta(root, AUTHOR_METAS),
        url=meta.url,
    )
