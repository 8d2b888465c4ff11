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
BYLINE_LINE = re.compile(r"^(?:本报记者|记者|通讯员|特约记者|作者|文\s*/)\s*[:：]?\s*[\u4e00-\u9fff]{2,4}(?:[\s、，,]+[\u4e00-\u9fff]{2,4})*"
                         r"(?:\s+(?:记者|通讯员|实习生|摄影)\s*[:：]?\s*[\u4e00-\u9fff]{2,4}(?:[\s、，,]+[\u4e00-\u9fff]{2,4})*)*$")
BYLINE_PART = re.compile(r"(本报记者|特约记者|记者|通讯员|实习生|作者|文\s*/|摄影)\s*[:：]?\s*"
                         r"((?:(?!本报记者|特约记者|记者|通讯员|实习生|摄影)[\u4e00-\u9fff]{2,4}[\s、，,]*)+)")

TITLE_MIN, TITLE_MAX = 4, 60
TITLE_NOT_END = ("。", "！", "？", "；", "…", "摄", ":", "：")
SUBTITLE_START = re.compile(r"^(——|--|—)\s*")
TITLE_SCAN_LINES = 4
