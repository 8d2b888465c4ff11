"""Context rules for place names, as data."""

import re

from archive.text import HAN

from .foreign_patterns import FOREIGN  # noqa: F401 (re-exported: regions.py)

# A name directly followed by one of these is part of a smaller place, a
# mountain or an institution, not the division itself: 老县镇, 朝阳村, 紫云社区,
# 吕梁山区 (the mountains, not 吕梁市).
NOT_A_DIVISION_AFTER = re.compile(
    r"^(镇|乡|村|街道|街|社区|路|大街|大道|大桥|小区|组|湖|河|江|站|寺|山庄|山区|山脉|山)"
)
# Within the same name (no punctuation in between): a company, school or museum name, an international body
# (河南博物院: not 河南; 上海合作组织: not 上海; the
# 新疆生产建设兵团 governs land in 新疆, as a government does, and stays 新疆's).
INSTITUTION_AFTER = re.compile(
    rf"^[{HAN}]{{0,10}}?(有限公司|有限责任公司|股份公司|公司|集团|药业|大学|学院|银行|医院|研究院|研究所|实业|博物院|博物馆|合作组织)"
)
# A county named by its short name (or a two-character full name, 和县) must be
# backed: its prefecture or its own full name named in the report, or its
# province printed at most this many characters before it (广西融水、隆林).
PROVINCE_NEAR = 20
PROVINCE_ADJACENT = 0  # characters at most between a province and a name it backs outright (广西融水, 河北省阜平)
# A short name this common as a word (jieba's frequency) and not a place in the segmenter's dictionary is
# an ordinary word (振兴, 大兴, 金山, 莲花): its province printed somewhere in the report does not back it.
COMMON_WORD_FREQ = 100
# A name rarer than this as a word (洋县, 靖州, 江华) needs no backing once it is a whole word printed twice
# or in the title.
RARE_WORD_FREQ = 50
# The report's subject (primary regions): weighted mentions (a title's count twice) of the leading county
# or prefecture, at least PRIMARY_MIN_COUNT, PRIMARY_MIN_RATIO times any unrelated rival; places within
# PRIMARY_SHARE of the leader are subjects too, at most PRIMARY_MAX_PLACES of them (兴和县 and 西城区 of
# 京蒙 pairing); a province leads with PRIMARY_PROVINCE_MIN and PRIMARY_MIN_RATIO times the next province.
PRIMARY_MIN_COUNT = 2
PRIMARY_MIN_RATIO = 1.8
PRIMARY_SHARE = 0.75
PRIMARY_MAX_PLACES = 2
PRIMARY_PROVINCE_MIN = 3
# A province weighing PRIMARY_PROVINCE_OVER times its leading places is the subject in their stead (习近平参加贵州省
# 代表团讨论: 贵州 twelve times, 毕节 three); a place named only in the body, PRIMARY_MIN_COUNT times, of a report
# longer than PRIMARY_SHORT_TEXT characters is an example, not the subject (芦山县 twice in a report on ambassadors).
PRIMARY_PROVINCE_OVER = 2
# A report about a village names its county once and the village again and again (在湖南省新化县有两个小村庄 …
# 油溪桥村 …): where the report names one county only, each mention of a village printed at least
# PRIMARY_VILLAGE_MIN times (a name of VILLAGE_STEM characters before 村, no word of the dictionary and not ending
# in a common one: not 贫困村, 新农村, 边境村) counts for that county.
PRIMARY_VILLAGE_MIN = 3
VILLAGE_STEM = (2, 4)
PRIMARY_SHORT_TEXT = 500
DIVISION_CHARS = (
    "县市区旗州"  # a short name needs its division's character before the office (平利县委, not 会同扶贫办)
)
# A name followed by its own government or office is the division (洋县扶贫办, 平利县委, 融水县人民政府).
GOVERNMENT_AFTER = re.compile(
    r"(?:县|市|区|旗|州)?(?:委|政府|人民政府|人大|政协|扶贫办|扶贫开发办|扶贫局|乡村振兴局|委员会|党委|纪委|"
    r"公安局|法院|检察院|教育局|财政局|农业农村局|民政局|人社局|卫健局|交通局|融媒体中心)"
)
# A name that is no ordinary word followed by a news outlet is the place the outlet is of (江华新闻网).
MEDIA_AFTER = re.compile(r"(?:县|市|区)?(?:新闻网|电视台|广播电视台|融媒体中心|日报|手机台|发布)")
# FOREIGN (abroad: 美国, 韩国平昌) is shared with metric_context.py and people_things.py: foreign_patterns.py.
# A post of the party's or the state's centre ties its holder to no place, whatever place is printed before it
# (云南全省牢记习近平总书记的嘱托: 习近平 is not 云南's).
NATIONAL_POSTS = re.compile(
    r"总书记|国家主席|国家副主席|总理|国务委员|政治局常委|政治局委员|中央书记处书记|委员长|全国政协主席|中央军委主席"
)
# A title that opens with a body of the centre (国务院扶贫办主任, 中央宣传部部长, 国家发展改革委主任) ties its holder
# to no place either, whatever place is printed before it (全国人大代表, 全国政协委员 sit for a place: not these).
CENTRAL_BODIES = re.compile(r"^(?:中共中央|中央|国务院|国家)")
# What a report is not about (primary regions): the venue of a meeting (全国会议在贵州遵义召开: 在, the place,
# then the meeting held there within its clause); a roundup of items from many places by its title; and a
# report naming PRIMARY_SURVEY_PROVINCES provinces or more whose leading places' provinces hold less than
# PRIMARY_HOME_SHARE of its weighted mentions (a survey that names one county twice among five provinces;
# a pairing of two provinces, 京蒙, 闽宁, is no survey).
VENUE_BEFORE = re.compile(r"在[^，。；！？,;\n]{0,6}$")
VENUE_AFTER = re.compile(r"[^，。；！？,;\n]{0,12}?(?:召开|举行|举办|开幕|闭幕)")
ROUNDUP_TITLE = re.compile(r"快讯|简讯|速览|一览|集锦|各地|多地")  # (…灵丘县奋力脱贫攻坚综述: one county's)
PRIMARY_HOME_SHARE = 0.6
PRIMARY_SURVEY_PROVINCES = 3
# A name followed by one of these is no place at all, whatever its level: 北京时间 (the time zone).
NOT_A_PLACE_AFTER = re.compile(r"^(时间)")
# The statistical tagger's tags of a word that is no place when it is exactly the name (开江/v 以来, 双城/a):
# verbs, adjectives, adverbs and function words (LAC's tag set).
NOT_A_PLACE_TAGS = frozenset({"v", "vd", "vn", "a", "ad", "an", "d", "p", "c", "u", "xc", "f", "m", "q", "r", "t", "w"})
# Full names that are common nouns too (the old town, the new town, a liberated area): read as short names.
ORDINARY_FULL_NAMES = frozenset({"老城区", "新城区", "解放区", "城区", "郊区", "矿区"})
# A short name inside a longer word (a product: 盐源苹果) stays a place when its own prefecture or province
# ends at most this many characters before it (凉山州的盐源苹果).
PARENT_BEFORE = 2
