"""Metadata patterns, as data: sources, dates, editors, bylines, title rules."""

import re

SOURCE = re.compile(r"(?:来源|稿源|来源于)\s*[:：]\s*([^\s:：|]{2,30}?)(?=\s|$|日期|时间|发布|作者|编辑|浏览)")
COPYRIGHT_HOLDER = [
    re.compile(r"版权所有\s*[:：]?\s*(?:\S*[部委厅局办])?(\S{2,20}?[网台报社])"),
    re.compile(r"(\S{2,20}?[网台报社])\s*版权所有"),
]
EDITOR = re.compile(r"(?:责任编辑|编辑|责编)\s*[:：]\s*([\u4e00-\u9fff·]{2,4})")
DATE_LINE_KEY = re.compile(r"日期|时间|发布|发表|来源|更新")
DATES = [
    re.compile(r"(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"),
    re.compile(r"(?P<y>(?:19|20)\d{2})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)"),
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)(?!\d)"),
]
# A byline: roles followed by names, e.g. 记者 王拥 吴苏 通讯员 盛安智
BYLINE_LINE = re.compile(
    r"^(?:本报记者|记者|通讯员|特约记者|作者|文\s*/)\s*[:：]?\s*[\u4e00-\u9fff]{2,4}(?:[\s、，,]+[\u4e00-\u9fff]{2,4})*"
    r"(?:\s+(?:记者|通讯员|实习生|摄影)\s*[:：]?\s*[\u4e00-\u9fff]{2,4}(?:[\s、，,]+[\u4e00-\u9fff]{2,4})*)*$"
)
BYLINE_PART = re.compile(
    r"(本报记者|特约记者|记者|通讯员|实习生|作者|文\s*/|摄影)\s*[:：]?\s*"
    r"((?:(?!本报记者|特约记者|记者|通讯员|实习生|摄影)[\u4e00-\u9fff]{2,4}[\s、，,]*)+)"
)

TITLE_MIN, TITLE_MAX = 4, 60
TITLE_NOT_END = ("。", "！", "？", "；", "…", "摄", ":", "：")
SUBTITLE_START = re.compile(r"^(——|--|—)\s*")
TITLE_SCAN_LINES = 4

# The page head (head.py): metas that name a report's source and author, which trafilatura does not read.
SOURCE_METAS = ("source", "contentsource", "copysource", "来源", "article:source")
AUTHOR_METAS = ("author", "byline", "dc.creator", "article:author")
SOURCE_PREFIX = re.compile(r"^\s*(?:来源|稿源|來源)\s*[:：]\s*")
SOURCE_SPLIT = re.compile(r"\s*[－—\-|｜/／]\s*")

# Datelines (datelines.py), matched at the start of a body line in its simplified, width-folded form.
# 央视网消息（新闻联播）： / 中国网络电视台消息(新闻联播)： -> the programme is the source;
# 央视网消息： -> the outlet is.
BROADCAST_DATELINE = re.compile(
    r"^(?P<outlet>央视网|中国网络电视台|央视新闻客户端|央视新闻|中央电视台|中国之声|央广网|新华网|人民网|中国网|光明网|"
    r"中国新闻网|中新网)消息\s*(?:[（(]\s*(?P<programme>[^）)]{2,16}?)\s*[）)])?\s*[:：]?\s*"
)
# 新华社北京6月8日电 / 本报乌兰察布12月23日电 / 本报讯 / 据新华社电, then an optional (记者 胡浩 通讯员 ...).
WIRE_DATELINE = re.compile(
    r"^(?:据)?(?P<agency>本报|本刊|本台|本网|新华社|中新社|中新网|中国新闻网|人民网|新华网|央视网|央广网|光明网|"
    r"[\u4e00-\u9fff]{2,8}?(?:日报|晚报|时报|报社|通讯社|电视台|广播电台|新闻网))"
    r"(?:讯|[\u4e00-\u9fff]{0,10}?\d{1,2}月\d{1,2}日电|[\u4e00-\u9fff]{0,6}?电(?=[\s（(:：]|$))"
    r"\s*(?:[（(](?P<credits>[^（()）]{2,60})[）)])?\s*[:：]?\s*"
)
# Credits inside a dateline's brackets: 记者 胡浩 通讯员 张三、李四 (a role, then its names).
CREDIT_PART = re.compile(
    r"(?P<role>本报记者|特约记者|见习记者|记者|通讯员|实习生|摄影)\s*[:：]?\s*"
    r"(?P<names>(?:(?!本报记者|特约记者|见习记者|记者|通讯员|实习生|摄影)[\u4e00-\u9fff·]{2,5}[\s、，,]*)+)"
)
# Agencies named by the house they write for: no source can be read from these.
HOUSE_AGENCIES = ("本报", "本刊", "本台", "本网")
# The print line of a newspaper page: 《 人民日报 》（ 2019年02月10日 01 版） -> source, date; the line goes.
PRINT_LINE = re.compile(
    r"《\s*(?P<paper>[^《》]{2,16}?)\s*》\s*[（(]\s*(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"
    r"\s*(?:第?\s*\d{1,3}\s*版)?\s*[）)]"
)

# A line near the top that is only a date (a plain-text report's: 新闻联播 2021年05月28日, 2021-05-28,
# 发布时间：2021-05-28 10:00, 【2021年5月28日 星期五】): the report's date; the line is furniture, never a title.
# An optional short label before the date (a programme, column or 发布时间：) and after it (来源 name).
DATE_LINE_SCAN = 4  # the first lines of the body looked at
_DATE_TEXT = r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}"
DATE_ONLY_LINE = re.compile(
    r"^(?:[\u4e00-\u9fff]{1,12}\s*[:：]?\s*)?[\[【(（]?\s*"
    rf"(?:{_DATE_TEXT})"
    r"(?:\s*(?:星期|周)[一二三四五六日天])?(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?\s*[\]】)）]?"
    r"(?:\s+(?:(?:来源|作者|编辑|浏览)\s*[:：]\s*)?[\u4e00-\u9fff]{1,12})?\s*$"
)
