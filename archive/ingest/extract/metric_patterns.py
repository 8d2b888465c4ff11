"""Figures: what may stand around a number, as data (units live in archive/units.py)."""

APPROX_BEFORE = ("将近", "逼近", "接近", "超过", "近", "超", "约", "逾", "达到近")
APPROX_AFTER = ("余", "多", "左右")  # (5000万左右贫困人口: before the unit too)
# 近万元, 近千人 (将近万人): a magnitude alone after 近 is that magnitude, about.
NEAR_MAGNITUDE = "近"
APPROX_TAIL = ("以上", "左右", "多")
# A number followed by one of these nouns (and no classifier) counts that noun:
# 22.7万建档立卡贫困人口 -> 人, 28万农户 -> 户, 141行政村 -> 个.
NOUN_UNITS = {
    "建档立卡贫困人口": "人",
    "贫困人口": "人",
    "农业人口": "人",
    "是贫困人口": "人",
    "未脱贫人口": "人",
    "人口": "人",
    "贫困群众": "人",
    "群众": "人",
    "爱心人士": "人",
    "贫困劳动力": "人",
    "劳动力": "人",
    "农户": "户",
    "贫困户": "户",
    "行政村": "个",
    "贫困村": "个",
    "自然村": "个",
    "农村贫困人口": "人",
    "农村人口": "人",
    "脱贫人口": "人",
    "中国人": "人",
    "农民": "人",
    "脱贫农民": "人",
    "贫困农民": "人",
    "干部": "人",
    "党员": "人",
    "村民": "人",
    "移民": "人",
    "学生": "人",
    "儿童": "人",
    "患者": "人",
    "脱贫户": "户",
    "贫困家庭": "户",
    "搬迁户": "户",
}
# 个 followed by these counts households.
HOUSEHOLD_AFTER_GE = ("贫困家庭", "家庭")
# Chinese numerals: digits and magnitudes. A Chinese number must start with a
# digit and be worth at least MIN_CHINESE_VALUE (一人一村, 四位一体 are not figures).
CN_DIGITS = "零一二三四五六七八九两十"
CN_ALL = "零一二三四五六七八九两十百千万亿"
MIN_CHINESE_VALUE = 10
# Quoted spans this short are slogans or model names ("五个十万", "138"): no figures inside.
SLOGAN_MAX_LEN = 12
LABEL_MAX = 12
LABEL_STOP = '，,。、；;：:！!？?“”"（()）…—的和与及在是为将把被了着从到由至共均'

# What a figure counts (labels.py): label_patterns.py.
# Between two figures of one thing: the second is where the first went (由45%下降至0.74%).
CHANGE_FROM = ("由", "从")
CHANGE_TO = r"(?:(?:持续|逐步|大幅|已|已经|迅速|快速|明显|进一步)?(?:下降|降低|减少|增长|增加|提高|提升|上升|跃升|攀升|扩大|缩小|减|降|增|升)(?:了)?(?:到|至|为)|(?:到|至))"
# When each end of a change stands: a year (2012年底的) or a time word (搬迁之初的, 现在的).
CHANGE_WHEN = (
    r"(?:(?:19|20)\d{2}年(?:年?底|年?初|末|中)?|现在|目前|如今|当时|(?:去年|今年|前年)(?:年?底|年?初)?|年初|年底|[\u4e00-\u9fff]{1,4}(?:之初|初期)|[\u4e00-\u9fff]{1,5}成立时)?"
    r"的?(?:只有|仅有|仅剩|还有|只剩)?"
)

# -- when a figure stands (metrics.py: the year) ----------------------------------------------------
# Words that date what follows them against the report's publication year: an offset from it.
RELATIVE_YEARS = {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "前年": -2, "明年": 1, "后年": 2}
# Words of the report's present (截至目前, 如今, 现有), of a part of its year (上半年, 前三季度), and
# the end of a span that runs to it (2013年以来, 十八大以来, 近五年, 四年来, 至今): the publication year.
PRESENT_WORDS = (
    "截至目前",
    "目前",
    "当前",
    "现在",
    "如今",
    "眼下",
    "至今",
    "迄今",
    "现有",
    "以来",
    "上半年",
    "下半年",
    "前三季度",
    "一季度",
    "第一季度",
    "年初以来",
    "近日",
    "日前",
    "近期",
    "今天",
    "昨天",
    "昨日",
    "今日",
    "本周",
    "本月",
)
# A span ending now (近年来, 近五年, 近3年, 四年来, 过去五年): also the publication year.
PRESENT_SPAN = r"近(?:[0-9]{1,2}|[一二两三四五六七八九十]{1,2})?年来?|(?:[0-9]{1,2}|[一二两三四五六七八九十]{1,2})年来|过去(?:[0-9]{1,2}|[一二两三四五六七八九十]{1,2})年"
# N years before the report (十年前, 3年前).
YEARS_AGO = r"(?P<ago>[0-9]{1,2}|[一二两三四五六七八九十]{1,2})年前"
# A figure with no time of its own, in a dated report, is of the report's present (全县现有贫困户1596户,
# 共设13个赛段) unless its sentence puts it in the past or the future before it (过去, 当时, 原来, 将, 计划):
# then it has no year; nor has the first end of a change (从42头增加到400多头: 42 is of an earlier time).
NOT_PRESENT = r"过去|成立时|解放时|之初|初期|起初|最初|曾|(?<!年)一度|当时|那时|原来|原先|原本|以前|从前|此前|早年|当年|昔日|解放前|将(?!近)|计划|预计|力争|争取|拟|目标|规划|预期"
# Five-year plans as times: the plan's last year (十三五期间, 十三五时期: 2020), its first for 初期 / 开局.
FIVE_YEAR_PLANS = {"十一五": 2010, "十二五": 2015, "十三五": 2020, "十四五": 2025, "十五五": 2030}
PLAN_START = ("初期", "开局", "第一年")
# Words that look like a time but are a comparison's basis (比去年同期增长12%: the figure is this year's).
NOT_TIME = ("去年同期", "上年同期", "同期")
COMPARED_WITH = "比较"  # 比2015年提高10.2个百分点, 较上年增长: the time after these is the basis
OPEN_QUOTES = '“"「'  # 比“十三五”末提高: a quotation mark may stand between 比 and the basis
# A year a plan is to be reached by (到2020年实现4335万贫困人口全部脱贫, 力争2025年), later than the report: the figure
# is a count of the report's time or the target's, which the words do not tell: no year, neither the plan's nor
# the report's (unless a time of its own is printed nearer). Not a span's end (2013年至2020年, 从2013年到2020年).
TARGET_BEFORE = ("到", "至", "力争", "争取", "计划", "预计", "确保", "力争到", "争取到", "计划到", "预计到", "确保到")
SPAN_BEFORE = "从自由"  # a clause with one of these before the year is a span (从2013年到2020年): its end is a date
# A span's start (2013年起, 从2016年开始) dates a total over it (累计, 年均) to its end, the report's present, not to
# the start: 从2016年开始…累计超过了113亿元 is of the report's year.
SPAN_START = r"底?(?:起(?!步|草|诉|义|飞)|开始)"
SPAN_TOTAL = ("累计", "累积", "总计", "合计", "共计", "一共", "先后", "年均", "平均每年")

# -- what a figure is about (metrics.py: the scope) ---------------------------------------------------
# A level's own word before the figure in its sentence: the figure is that level's, not the place's
# the report is about (全国农村贫困人口9899万人, 全省减贫120万人, 全县有贫困村56个).
SCOPE_WORDS = {
    "全国": "national",
    "我国": "national",
    "全中国": "national",
    "全省": "province",
    "全区": "district",  # of a district (a county-level 区) or of an autonomous region (广西, 西藏)
    "全市": "prefecture",
    "全州": "prefecture",
    "全盟": "prefecture",
    "全县": "county",
    "全旗": "county",
}
# A level word after one of these is what the figure is compared with or a share of (增速比全国农村高2.3个百分点,
# 占全国毛南族总人口的70%, 居全省第一), where it goes (走向全国, 销往全国) or whom a call is to (向全党全国): no scope.
NOT_SCOPE_BEFORE = "比较占于与同居列向往党"
# 中国 is the country's scope only as the subject of a statistic (中国农村贫困人口, 中国的减贫), not in a
# name (中国扶贫基金会, 中国人民银行); so is 中国 before a count (带动中国3亿多人) or a comma (今天的中国，经济总量…).
CHINA_SCOPE = r"中国(?=农村|贫困|城镇|城乡|经济|的|已|共|累计|有|人口|居民|减贫|现行|脱贫|[0-9]|，)"
# The level word as part of an honour, a body or a meeting: no scope (全国人大代表, 全省脱贫攻坚奖).
NOT_SCOPE_AFTER = (
    "人大",
    "政协",
    "劳模",
    "劳动模范",
    "人民代表",
    "优秀",
    "先进",
    "文明",
    "道德模范",
    "十佳",
    "脱贫攻坚奖",
    "示范",
    "妇联",
    "总工会",
    "工商联",
    "青联",
    "重点",
    "知名",
    "首个",
    "首家",
    "第一",
    "唯一",
    "性",
    "各地",
    "范围内首",
    "闻名",
    "最大",
    "最早",
    "率先",
    "著名",
)

# -- numbers that are no quantity (metrics.py) -------------------------------------------------------
# After 次 these make the number a train's or a flight's (5633次列车, K9次): no figure.
# After 个 these make the number a duration, no count (6个小时, 3个多月).
DURATION_AFTER_GE = ("小时", "月", "钟头", "星期", "工作日", "多小时", "多月", "半小时", "半月")
# 前 + a number + one of these is a rank (进入全市前十名, 排名前3位), no count; not after 目, 当, 提, 日 (目前10名患者).
RANK_BEFORE = "前"
RANK_UNITS = ("名", "位", "强")
NOT_RANK_BEFORE = "目当提日此之"
# After an amount of money this makes it a rate of exchange (1美元兑160.7日元), no amount.
EXCHANGE_AFTER = "兑"
# A train's code (K7825, G1234): a 次 number in a clause that prints one is a train's too (太原至永济4625次).
TRAIN_CODE = r"(?<![A-Za-z])[GDCZTKYSL][0-9]{1,5}(?![0-9])"
TRAIN_WINDOW = 40  # characters either side of a 次 number read for a train's code (within its clause)
NUMBER_NAMES_AFTER = ("列车", "动车", "火车", "航班", "班列", "旅客列车", "特快", "快车", "直快")
# The number right after one of these characters names something (G1234次, ARJ21, 0871-6543210): no figure.
NAME_BEFORE_NUMBER = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-－/／#＃"
# A unit price: 每 + the goods sold by it (每公斤40元 -> 40 元/公斤), or the unit after the amount (40元/公斤,
# 40元一斤). Not a wage or a rate per month, day, household, person or mu (每个月工资2000元, 每亩4000元): those
# stay amounts of 元, as readers and the gold files write them.
PRICE_UNITS = {
    "公斤": "公斤",
    "千克": "公斤",
    "斤": "斤",
    "吨": "吨",
    "头": "头",
    "只": "只",
    "株": "株",
    "棵": "棵",
    "袋": "袋",
    "箱": "箱",
    "盒": "盒",
    "瓶": "瓶",
    "盎司": "盎司",
    "桶": "桶",
}
PRICE_GAP = 6  # at most this many characters between 每公斤 and its amount (每公斤能卖到40元)

# -- numbers that are no exact value (metrics.py: approximate) ----------------------------------------
# 数十家, 几百人, 上千户, 成千, 好几万, 十几, 二十几, 几十万, 两三次, 三四十, 一两个: the words are kept
# (the pages show them) and no value is invented.
VAGUE_NUMBER = (
    r"(?:好几|数|几|上|成)[十百千万]+"
    r"|(?:[二三四五六七八九]?十|[一二两三四五六七八九][百千万])几[十百千万]?"
    r"|(?:一两|两三|二三|三四|三五|四五|五六|六七|七八|八九)(?:十|百|千|万)?"
)
