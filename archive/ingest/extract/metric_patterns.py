"""Figures: what may stand around a number, as data (units live in archive/units.py)."""

APPROX_BEFORE = ("将近", "超过", "近", "超", "约", "逾", "达到近")
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

# -- what a figure counts (labels.py) -------------------------------------------------------------
# Tokens (jieba's tag set) that make up a label: nouns, abbreviations, fixed phrases, place and
# organisation names; a verb only as the label's head (减贫20466户, 带动372人).
LABEL_NOUN_TAGS = ("n", "nz", "nt", "ns", "nr", "j", "l", "s", "vn", "an", "ng", "i", "eng")  # eng: GDP
LABEL_MODIFIER_TAGS = ("a", "b", "v", "vn", "m", "zg")  # before a noun already taken: 贫困/a 发生率
# Words between a label and its number that belong to neither (贫困发生率由45%, 资金增加到1561亿元).
SKIP_BEFORE = (
    "由",
    "从",
    "为",
    "达",
    "达到",
    "已达",
    "有",
    "有近",
    "共",
    "共有",
    "一共",
    "总共",
    "总计",
    "累计",
    "约",
    "近",
    "超过",
    "是",
    "的",
    "在",
    "还",
    "不到",
    "还不到",
    "已",
    "已经",
    "都",
    "就",
    "仅",
    "只有",
    "增加到",
    "增至",
    "增长到",
    "提高到",
    "提升到",
    "下降到",
    "下降至",
    "降至",
    "降到",
    "降低到",
    "减少到",
    "减少至",
    "到",
    "至",
    "突破",
    "实现",
    "超",
    "逾",
    "将近",
    "全",
    "总",
    "共计",
    "合计",
    "分别",
    "每",
    "每户",
    "每人",
    "年均",
    "不足",
    "仅有",
    "高达",
    "约有",
    "近",
    "保持",
    "保持在",
    "稳定",
    "稳定在",
    "维持",
    "维持在",
    "控制在",
)
# Characters that end a measure, never a personal name the tagger thinks it sees (巩固率/nr).
MEASURE_ENDS = set("率量数额费金款值比")
# A label may start with these before a noun and a verb (因病致贫、因病返贫人员).
LABEL_PREFIXES = ("因",)
# Words the tagger reads as verbs or morphemes that name what a figure counts (60万元的收入, 137个村).
LABEL_NOUNS = (
    "收入",
    "投入",
    "支出",
    "贷款",
    "补贴",
    "补助",
    "分红",
    "工资",
    "产值",
    "营业额",
    "销售额",
    "村",
    "镇",
    "乡",
    "县",
    "户",
    "点",
    "车",
    "站",
)
# Verbs of change before 到/至: with it, they stand between a label and its number (资金增加到1561亿元).
CHANGE_VERBS = (
    "增加",
    "增长",
    "提高",
    "提升",
    "下降",
    "降低",
    "减少",
    "上升",
    "跃升",
    "扩大",
    "缩小",
    "调整",
    "发展",
    "蔓延",
)
# Predicates that end a noun phrase after a number (37974名群众需要…, 84.8万户的住房进行…).
AFTER_STOP_VERBS = (
    "需要",
    "进行",
    "实现",
    "是",
    "有",
    "成为",
    "享受",
    "享受到",
    "获得",
    "领到",
    "参加",
    "开展",
    "完成",
    "达到",
    "得到",
    "纳入",
    "属",
    "属于",
    "占",
    "在",
    "被",
)
# People counted by a number: a label of just these takes the verb phrase after it (37974名群众需要易地扶贫搬迁).
GENERIC_PEOPLE = ("群众", "人", "人口", "农户", "村民", "农民", "贫困户", "人员", "人群", "患者", "家庭")
# What money is, when printed after the amount (60万元收入); any other noun there is not what is counted (1400元的历史).
MONEY_NOUNS = (
    "收入",
    "资金",
    "补贴",
    "补助",
    "贷款",
    "分红",
    "工资",
    "投资",
    "奖金",
    "奖励",
    "扶贫款",
    "产值",
    "销售额",
    "营业额",
    "援助",
    "捐款",
    "善款",
    "保费",
    "专项资金",
)
# Verbs that say what an amount of money is when nothing else does (投资100亿元, 增收3000元); any other verb
# alone before an amount (给予, 安排, 拿出, 已有) is no label.
MONEY_VERBS = (
    "投资", "投入", "融资", "捐款", "捐赠", "捐资", "增收", "出资", "筹资", "筹集", "贷款", "补贴", "补助", "奖励",
    "销售", "出口", "进口", "进出口", "消费", "减免", "减负", "节约", "创收", "盈利", "亏损", "赔偿", "分红", "援助",
    "资助", "减税", "降费", "退税", "收入", "支出", "营收", "成交", "交易", "产值", "结余", "授信", "放贷", "发放贷款",
)  # fmt: skip
# Words before a number that say how it changed, not what it counts (同比分别增长9.9%, 比2015年的2600元翻了):
# a label ending in them is the noun before them (城乡低保标准), else the clause's subject.
GROWTH_WORDS = (
    "增长",
    "增加",
    "提高",
    "提升",
    "下降",
    "降低",
    "减少",
    "上升",
    "跃升",
    "攀升",
    "翻",
    "翻了",
    "减到",
    "降到",
    "升至",
    "升到",
    "涨至",
    "增至",
    "降至",
    "跌至",
    "回升",
    "回落",
    "加快",
    "放缓",
    "下滑",
    "下跌",
    "上涨",
    "萎缩",
    "猛涨",
    "扩大",
    "缩小",
)
GROWTH_ADVERBS = ("同比", "环比", "分别", "均", "都", "已", "年均", "比上年", "较上年", "逐年", "持续", "大幅", "转为")
# What a change is measured against, between its subject and how it changed (投资规模比去年同期增加252亿元,
# 较上月回升2.7个百分点, 同比分别增长): the label is the subject before it and the change.
COMPARE_START = r"(?:相比|同比|环比|(?<![占对无好相])比(?![例重赛率较])|(?<![比])较(?![大小多少好快慢高低为]))"
COMPARE_GAP = 10  # at most this many characters between 比 and how it changed (no punctuation)
# Words of a time that end a label on its left (5月份非制造业商务活动指数 -> 非制造业商务活动指数).
LABEL_TIME_WORDS = ("月份", "月末", "月底", "月初", "年底", "年末", "年初", "年中", "季度", "上半年", "下半年", "日")
# Verbs that stand inside a noun phrase after its first noun (农村留守儿童, 易地扶贫搬迁户, 产业扶贫项目,
# 医保统筹地区); any other verb after a noun starts what the counted thing does (供应商入驻平台 -> 供应商).
COMPOUND_VERBS = (
    "扶贫", "脱贫", "致贫", "返贫", "减贫", "留守", "搬迁", "安置", "统筹", "务工", "就业", "创业", "帮扶",
    "驻村", "监测", "救助", "供养", "培训", "养殖", "种植", "加工", "销售", "改造", "建设", "示范", "试点",
    "援建", "挂职", "移民", "扶持", "转移", "贷款", "保障", "托管", "配套", "服务", "生产", "经营",
    "振兴", "开发", "扶助", "互助", "支付", "保护", "治理", "救济", "资助", "兜底", "结对", "定点", "对口",
    "巡回", "巡诊", "招聘", "研发", "孵化", "检测", "维修", "营销", "运营", "养老", "康复", "寄宿", "旅游",
    "观光", "展示", "展销", "直播", "认证", "认定", "保险", "储备", "灌溉", "节水", "防护", "防控", "防治",
)  # fmt: skip
# Words of a verb phrase label that it does not say (贫困户都有了签约医生 -> 贫困户有签约医生); never a
# negation or a tense (没有, 未, 已): 村民没有脱贫, 已搬迁入住.
UNSAID_WORDS = ("都", "全都", "全部", "均", "也", "还", "又", "了", "着", "过", "地", "一共", "正式")
# Ends of nouns that name people: after a count of people (名, 人, 位), 的 joins what they belong to and them
# (5名贫困家庭的适龄孩子), not people and what they are in (22名中国乘客的海航商用飞机 -> 中国乘客).
PERSON_ENDS = "人员者生民师客工众童士官兵属友农户家"
PERSON_UNITS = ("人", "人次", "位")
# A share printed as 占15.8% / 占比58.5%: the label is what it is a share of, with 占比 (专业技术人员占比).
SHARE_WORDS = ("占", "占比", "约占", "仅占", "占到", "所占比例", "比例", "比重", "占比达")
# Nouns after a unit that only repeat it: what is counted is the unit's household (30多户人家 -> 农户).
UNIT_NOUNS_AFTER = {"人家": "农户"}
# Words the tagger reads as numerals that begin what is counted (345名一线扶贫队员).
NUMERAL_WORDS = ("一线", "一级", "二级", "三级", "一类", "二类", "三类")
# A one-character word after the unit that is the unit's own noun, not what is counted (194户人).
NOT_LABELS_AFTER = ("人", "户", "家", "个", "名")
# After its number: words that end a label (137个村全部出列).
LABEL_STOP_AFTER = (
    "全部",
    "全",
    "都",
    "均",
    "已",
    "共",
    "等",
    "以上",
    "左右",
    "以下",
    "分别",
    "相继",
    "先后",
    "陆续",
    "则",
    "全都",
    "已经",
    "正在",
    "也",
    "还",
    "范围内",
    "以内",
    "之内",
)
# A number right after one of these counts what follows it, verb and all (实现4.48万人稳定脱贫, 带来60万元收入).
LIGHT_VERBS = (
    "实现",
    "带动",
    "帮助",
    "解决",
    "吸纳",
    "安置",
    "覆盖",
    "带来",
    "惠及",
    "有",
    "先后有",
    "让",
    "使",
    "培训",
    "转移",
    "新增",
    "创造",
    "提供",
    "涉及",
    "造成",
    "导致",
)
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
NOT_PRESENT = r"过去|成立时|解放时|之初|初期|起初|最初|曾|当时|那时|原来|原先|原本|以前|从前|此前|早年|当年|昔日|解放前|将(?!近)|计划|预计|力争|争取|拟|目标|规划|预期"
# Five-year plans as times: the plan's last year (十三五期间, 十三五时期: 2020), its first for 初期 / 开局.
FIVE_YEAR_PLANS = {"十一五": 2010, "十二五": 2015, "十三五": 2020, "十四五": 2025, "十五五": 2030}
PLAN_START = ("初期", "开局", "第一年")
# Words that look like a time but are a comparison's basis (比去年同期增长12%: the figure is this year's).
NOT_TIME = ("去年同期", "上年同期", "同期")
COMPARED_WITH = "比较"  # 比2015年提高10.2个百分点, 较上年增长: the time after these is the basis

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
# 占全国毛南族总人口的70%, 居全省第一): no scope.
NOT_SCOPE_BEFORE = "比较占于与同居列"
# 中国 is the country's scope only as the subject of a statistic (中国农村贫困人口, 中国的减贫), not in a
# name (中国扶贫基金会, 中国人民银行).
CHINA_SCOPE = r"中国(?=农村|贫困|城镇|城乡|经济|的|已|共|累计|有|人口|居民|减贫|现行|脱贫)"
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
