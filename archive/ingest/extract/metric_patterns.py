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
LABEL_NOUN_TAGS = ("n", "nz", "nt", "ns", "nr", "j", "l", "s", "vn", "an", "ng", "i")
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
CHANGE_VERBS = ("增加", "增长", "提高", "提升", "下降", "降低", "减少", "上升", "跃升", "扩大", "缩小")
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
)
# Between two figures of one thing: the second is where the first went (由45%下降至0.74%).
CHANGE_FROM = ("由", "从")
CHANGE_TO = r"(?:(?:持续|逐步|大幅|已)?(?:下降|降低|减少|增长|增加|提高|提升|上升|跃升|攀升|扩大|缩小)(?:了)?(?:到|至|为)|降至|降到|增至|升至|(?:到|至))"
# When each end of a change stands: a year (2012年底的) or a time word (搬迁之初的, 现在的).
CHANGE_WHEN = (
    r"(?:(?:19|20)\d{2}年(?:底|初|末|中)?|现在|目前|如今|当时|去年|今年|年初|年底|[\u4e00-\u9fff]{1,4}之初)?的?"
)
