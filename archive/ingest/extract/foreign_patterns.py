"""What the extraction treats as abroad, as data: one table for places (regions.py), figures'
regions (metric_context.py) and persons (people_things.py).

COUNTRIES are the full names of countries and regions abroad and of the world as a whole; a few carry a
guard where a Chinese word starts with them (朝鲜族 and 蒙古族 are Chinese peoples, 内蒙古 a province).
中非 is left out: it is also 中国和非洲 (中非合作论坛). COUNTRY_SHORT are the one-character short names
a report prints for a country (巴方, 乌军, 中美, 欧中); 中 is among them, being one side of such a pair."""

import re

# (name, regular-expression guard around it)
COUNTRIES = (
    "美国", "日本", "韩国", ("朝鲜", "{}(?!族)"), ("蒙古国", "(?<!内){}"), "俄罗斯", "乌克兰", "白俄罗斯",
    "英国", "法国", "德国", "意大利", "西班牙", "葡萄牙", "希腊", "荷兰", "比利时", "瑞士", "瑞典", "挪威",
    "芬兰", "丹麦", "奥地利", "匈牙利", "捷克", "波兰", "塞尔维亚", "罗马尼亚", "保加利亚", "爱尔兰",
    "加拿大", "墨西哥", "巴西", "阿根廷", "智利", "秘鲁", "哥伦比亚", "委内瑞拉", "古巴", "澳大利亚",
    "新西兰", "新加坡", "马来西亚", "印度尼西亚", "印尼", "菲律宾", "越南", "老挝", "柬埔寨", "缅甸",
    "泰国", "孟加拉国", "巴基斯坦", "阿富汗", "尼泊尔", "斯里兰卡", "印度", "哈萨克斯坦", "乌兹别克斯坦",
    "吉尔吉斯斯坦", "塔吉克斯坦", "土库曼斯坦", "伊朗", "伊拉克", "叙利亚", "土耳其", "以色列", "巴勒斯坦",
    "黎巴嫩", "约旦", "沙特", "阿联酋", "卡塔尔", "科威特", "也门", "埃及", "利比亚", "突尼斯",
    "阿尔及利亚", "摩洛哥", "苏丹", "埃塞俄比亚", "肯尼亚", "坦桑尼亚", "尼日利亚", "南非", "津巴布韦",
    "安哥拉", "刚果", "汤加", "斐济",
)  # fmt: skip
# Bodies and parts of the world abroad, and abroad itself.
ABROAD_WORDS = ("欧盟", "欧洲", "非洲", "拉美", "联合国", "全球", "海外", "国外", "境外")

COUNTRY_SHORT = frozenset(
    "中美俄英法德日韩朝印巴阿伊欧非澳加越老柬泰缅菲马哈乌土叙以埃沙索古委墨意荷瑞挪芬丹葡希波捷匈蒙孟"
)


def _alternative(entry):
    if isinstance(entry, tuple):
        name, guard = entry
        return guard.format(re.escape(name))
    return re.escape(entry)


# Countries and regions abroad (and the world as a whole): a figure whose nearest place before it is one
# of these is no Chinese division's (美国累计确诊病例超过8169万例), and a division's name right after one of
# them is a place abroad of the same name (韩国平昌, not 平昌县).
FOREIGN = re.compile("(?:" + "|".join(_alternative(e) for e in COUNTRIES + ABROAD_WORDS) + ")")
