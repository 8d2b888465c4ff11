"""Figures: what may stand around a number, as data (units live in archive/units.py)."""

APPROX_BEFORE = ("将近", "超过", "近", "超", "约", "逾", "达到近")
APPROX_AFTER = ("余", "多")
APPROX_TAIL = ("以上", "左右", "多")
# A number followed by one of these nouns (and no classifier) counts that noun:
# 22.7万建档立卡贫困人口 -> 人, 28万农户 -> 户, 141行政村 -> 个.
NOUN_UNITS = {
    "建档立卡贫困人口": "人", "贫困人口": "人", "农业人口": "人", "是贫困人口": "人", "未脱贫人口": "人", "人口": "人", "贫困群众": "人", "群众": "人",
    "爱心人士": "人", "贫困劳动力": "人", "劳动力": "人", "农户": "户", "贫困户": "户", "行政村": "个",
    "贫困村": "个", "自然村": "个",
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
LABEL_MAX = 10
LABEL_STOP = "，,。、；;：:！!？?“”\"（()）…—的和与及在是为将把被了着从到由至共均"
