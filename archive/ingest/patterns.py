"""Page furniture and spam, as data. Matched against the simplified form of each line."""

import re

from archive.text import HAN as _HAN
from archive.text import HAN_CHAR

# A line matching any of these is furniture wherever it stands.
FURNITURE_LINE = [
    re.compile(p)
    for p in (
        r"^投稿(邮箱|信箱)",
        r"^(您的位置|当前位置|你的位置|您现在的位置)",
        r"^首页\s*[>»/›]",
        r"[>»›]\s*正文\s*$",
        r"^手机版$|^手机看$|^打印本页|^关闭窗口|^【?字号|^分享到",
        r"浏览量|浏览次数|阅读量|点击数|点击量|阅读次数",
        r"扫一扫|扫描二维码|微信公众号二维码",
        r"^(copyright|©)|版权所有|all rights reserved",
        r"icp备|icp证|公网安备",
        r"^技术支持|^主办单位|^承办单位|^网站标识码",
        r"^(地址|通讯地址|邮编|邮政编码|电话|联系电话|传真)\s*[:：]",
        r"^(关于我们|联系我们|网站地图|有奖调查|设为首页|加入收藏)",
        r"^(来源|發布時間|发布时间|发布日期|日期|时间)\s*[:：]",
        r"^(责任编辑|编辑|责编|审核|校对)\s*[:：]",
        r"^声明\s*[:：]|转载此文|侵犯了您的合法权益",
        r"<(蜘蛛词|文本链)>",
    )
]

# A line starting with one of these, in the back part of a page, ends the article:
# it and everything after it are furniture (related links, footers, spam).
TAIL_MARKERS = [
    re.compile(p)
    for p in (
        r"^(责任编辑|责编)\s*[:：]",
        r"^(延伸阅读|相关阅读|相关新闻|相关链接|相关文章|推荐阅读|热点推荐|更多阅读)",
        r"^扫一扫",
        r"^声明\s*[:：]",
        r"^(copyright|©)|版权所有",
        r"^(关于我们|联系我们|网站地图)",
        r"^发布时间\s*[:：]",
    )
]
TAIL_START = 0.5  # only in the back half of the lines
BODY_SENTENCE_END = "。！？"  # ... and only after the first line that holds a sentence of the body

# Whole lines of SEO spam: short lines with one of these words.
SPAM_WORDS = (
    "炒股",
    "赚钱",
    "色天使",
    "成人网",
    "伊人在线",
    "彩票",
    "博彩",
    "棋牌",
    "网赌",
    "代孕",
    "六合彩",
    "av在线",
)
SPAM_MAX_LEN = 60
HAN = HAN_CHAR  # a Chinese character (archive/text.py), for the stages that import it from here
SENTENCE_PUNCTUATION = "，。；！？,;!?"  # a line with these is a sentence, not a list of spam words

# Characters dropped outright: zero-width marks and private-use code points.
DROP_CHARS = re.compile("[\u200b-\u200f\u2060\ufeff\ue000-\uf8ff]")
# A reading in pinyin printed inside a word (就業(yè)扶貧, 脱贫(tuō pín)攻坚: pages converted by a tool that
# glosses characters): lowercase syllables with a tone mark or a tone digit, in brackets, between two Chinese
# characters. It goes, so the word is whole again; brackets of Latin words (APP, GDP) or without tones stay.
PINYIN_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
PINYIN_GLOSS = re.compile(
    rf"(?<=[{_HAN}])[(（]\s*(?=[^()（）]*(?:[{PINYIN_TONED}]|[a-zü][1-5]))"
    rf"(?:[a-zü{PINYIN_TONED}]{{1,6}}[1-5]?[\s'’]?){{1,4}}\s*[)）](?=[{_HAN}])"
)
# Spaces of every width become one plain space.
SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
