"""Citations of a report: GB/T 7714-2015 (what Chinese researchers cite by), RIS, BibTeX and CSL-JSON;
and what the report page carries for citation managers: Highwire Press `citation_*` meta tags (Zotero's
connector and Google Scholar read them) and a COinS span (an OpenURL ContextObject).

One reading of the report feeds all four (`cited()`): its authors are the people of its byline
(记者, 通讯员, 作者 …; the roles dropped), or, when no one signed it, its source as the responsible
body; with neither, a citation starts with the title (no invented 佚名). It is cited as an
electronic resource: GB/T 7714-2015 §4.8 and 8.8: `作者. 题名[EB/OL]. 出版者, 出版日期(更新日期)[引用日期].
获取和访问路径.`, authors separated by ", " and cut to three with "等"; the path is the page's own address
(its canonical link, kept as Report.url) when it gave one, else the archive's page of it. The title is
cited without the broadcaster's tags ([视频]: they stay in the stored title, as the original has them).
RIS, BibTeX and CSL-JSON, downloaded, are in the reader's display script (简/繁), as the page is.
"""

import json
import re
from datetime import date
from urllib.parse import quote, urlencode

from .context_processors import display_script
from .formats import to_display
from .text import JOURNALIST_ROLES, alternation

# the tags a broadcaster puts before a title ([视频]习近平…, 【图文】…): part of the original, not of its name
TITLE_TAGS = re.compile(r"^\s*(?:[\[【［(（](?:视频|視頻|图文|圖文|组图|組圖|直播|音频|音頻|快讯|快訊)[\]】］)）]\s*)+")
# a source that is a newspaper or a periodical (山西日报, 中国组织人事报, 求是杂志): its reports are cited as
# articles in it (citation_journal_title; COinS's journal format), any other source as a web page's publisher
PERIODICAL = re.compile(r"(?:报|刊|杂志)(?:社)?$")
ROLE = re.compile(rf"^({alternation(JOURNALIST_ROLES)})[:：]?\s*")


def authors(report):
    """The people who signed the report, as printed (roles dropped), in order."""
    out = []
    for part in re.split(r"[\s,，、;；/]+", report.byline or ""):
        name = ROLE.sub("", part).strip()
        if name and not ROLE.fullmatch(part) and name not in out and len(name) <= 12:
            out.append(name)
    return out


def heading(title):
    """The report's name as a heading or a citation gives it: without the broadcaster's tags."""
    return TITLE_TAGS.sub("", title).strip() or title


def cited(report, request=None, display=False):
    """The one reading of a report all citations use; display: its words in the request's display script."""
    here = request.build_absolute_uri(report.get_absolute_url()) if request else report.get_absolute_url()
    shown = (lambda text: to_display(text, display_script(request))) if display and request else (lambda text: text)
    return {
        "title": shown(heading(report.title)),
        "authors": [shown(a) for a in authors(report)],
        "source": shown(report.source.name) if report.source else "",
        "url": report.url or here,
        "archive_url": here,
        "published": report.published,
        "accessed": date.today(),
        "language": "zh-Hant" if report.script == "hant" else "zh-Hans",
        "id": f"fupin-{report.pk}",
    }


def gbt7714(report, request=None):
    c = cited(report, request)
    names = c["authors"][:3] + (["等"] if len(c["authors"]) > 3 else [])
    who = ", ".join(names) if names else c["source"]
    out = (f"{who}. " if who else "") + f"{c['title']}[EB/OL]. "
    when = f"({c['published'].isoformat()})" if c["published"] else ""
    if names and c["source"]:  # the publisher, when the authors are people
        out += f"{c['source']}, {c['published'].year}" if c["published"] else c["source"]
    return out + f"{when}[{c['accessed'].isoformat()}]. {c['url']}."


def ris(report, request=None):
    c = cited(report, request, display=True)
    lines = ["TY  - ELEC", f"TI  - {c['title']}"]
    lines += [f"AU  - {a}" for a in c["authors"]]
    if c["source"]:
        lines.append(f"PB  - {c['source']}")
    if c["published"]:
        lines += [f"PY  - {c['published'].year}", f"DA  - {c['published']:%Y/%m/%d}"]
    lines += [f"UR  - {c['url']}"] + ([f"UR  - {c['archive_url']}"] if c["archive_url"] != c["url"] else [])
    lines += [
        f"Y2  - {c['accessed']:%Y/%m/%d}",
        f"LA  - {c['language']}",
        f"ID  - {c['id']}",
        "ER  - ",
    ]
    return "\r\n".join(lines) + "\r\n"


def _bib(value):
    return str(value).replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}")


def bibtex(report, request=None):
    c = cited(report, request, display=True)
    fields = [("title", c["title"])]
    if c["authors"]:
        fields.append(("author", " and ".join(c["authors"])))
    if c["source"]:
        fields.append(("organization", c["source"]))
    if c["published"]:
        fields += [("date", c["published"].isoformat()), ("year", c["published"].year)]
    fields += [("url", c["url"]), ("urldate", c["accessed"].isoformat()), ("langid", c["language"])]
    body = ",\n".join(f"  {k} = {{{_bib(v)}}}" for k, v in fields)
    return f"@online{{{c['id']},\n{body}\n}}\n"


def csl_json(report, request=None):
    c = cited(report, request, display=True)
    item = {
        "id": c["id"],
        "type": "webpage",
        "title": c["title"],
        "URL": c["url"],
        "language": c["language"],
        "accessed": {"date-parts": [[c["accessed"].year, c["accessed"].month, c["accessed"].day]]},
    }
    if c["authors"]:
        item["author"] = [{"literal": a} for a in c["authors"]]
    if c["source"]:  # the publisher only: as container-title too, styles print it twice (新闻联播. 新闻联播.)
        item["publisher"] = c["source"]
    if c["published"]:
        item["issued"] = {"date-parts": [[c["published"].year, c["published"].month, c["published"].day]]}
    return json.dumps([item], ensure_ascii=False, indent=1)


def highwire(report, request=None):
    """[(name, content)] of the Highwire Press meta tags: title, authors, date (YYYY/MM/DD), publisher
    (and the periodical, for a newspaper's report), the access path, the archive's full text, language,
    categories. In the archive's text: the page they are on is converted to the display script whole."""
    c = cited(report, request)
    tags = [("citation_title", c["title"])] + [("citation_author", a) for a in c["authors"]]
    if c["published"]:
        tags.append(("citation_publication_date", f"{c['published']:%Y/%m/%d}"))
    if c["source"]:
        tags.append(("citation_publisher", c["source"]))
        if PERIODICAL.search(c["source"]):
            tags.append(("citation_journal_title", c["source"]))
    tags.append(("citation_public_url", c["url"]))
    if c["archive_url"] != c["url"]:
        tags.append(("citation_fulltext_html_url", c["archive_url"]))
    tags.append(("citation_language", c["language"]))
    tags += [("citation_keywords", k) for k in report.categories]
    return tags


def coins(report, request=None):
    """The OpenURL ContextObject (Z39.88-2004, KEV) of a COinS span: a newspaper's report as a journal
    article (atitle, jtitle), any other as Dublin Core (title, creator, publisher); percent-encoded, so
    in the reader's display script already (the page's conversion cannot reach inside it)."""
    c = cited(report, request, display=True)
    periodical = bool(c["source"] and PERIODICAL.search(c["source"]))
    kev = [("ctx_ver", "Z39.88-2004"), ("rfr_id", "info:sid/fupin.archive")]
    if periodical:
        kev += [("rft_val_fmt", "info:ofi/fmt:kev:mtx:journal"), ("rft.genre", "article")]
        kev += [("rft.atitle", c["title"]), ("rft.jtitle", c["source"])]
        kev += [("rft.au", a) for a in c["authors"]]
    else:
        kev += [("rft_val_fmt", "info:ofi/fmt:kev:mtx:dc"), ("rft.type", "webpage"), ("rft.title", c["title"])]
        kev += [("rft.creator", a) for a in c["authors"]]
        if c["source"]:
            kev.append(("rft.publisher", c["source"]))
        kev.append(("rft.language", c["language"]))
    if c["published"]:
        kev.append(("rft.date", c["published"].isoformat()))
    kev.append(("rft_id", c["url"]))
    return urlencode(kev, quote_via=quote)
