"""Variant characters OpenCC's t2s leaves alone, folded to the simplified standard form.

Data only. OpenCC maps 陝 but not the variant 陜 (as printed in seed 000: 陜西).
Every entry maps one character to one character, so folding keeps offsets.
"""

VARIANTS = {
    "陜": "陕",
    "峯": "峰",
    "羣": "群",
    "囯": "国",
    "啓": "启",
    "綫": "线",
    "衆": "众",
    "爲": "为",
    "裏": "里",
    "麪": "面",
    "敎": "教",
    "緖": "绪",
    "靑": "青",
    "卽": "即",
    "旣": "既",
    "眞": "真",
    "淸": "清",
    "戶": "户",
    "內": "内",
    "㑹": "会",
    "傢": "家",
    "𥫩": "簪",
}

# 著 (zhù / zhuó / zhe): traditional script writes 著 for all three; simplified keeps 著 only for
# "write, notable" (著名, 著作, 显著, 土著) and writes 着 for the verb zhuó and the aspect particle
# (着力, 着手, 着眼, 随着, 看着). OpenCC's t2s leaves 著 alone, so 着力 would miss 著力.
# 著 is folded to 着 unless one of these stands beside it; a 着-word after it wins over both.
ZHU_KEEP_BEFORE = "名作称述录书者"  # 著名 著作 著称 著述 著录 著书 著者
ZHU_KEEP_AFTER = "显土卓名原专编巨昭论遗译合拙"  # 显著 土著 卓著 名著 原著 专著 编著 巨著 昭著 论著 遗著 译著 合著 拙著
ZHUO_WORDS_AFTER = "力手眼想重落陆装实急迷凉火"  # 着力 着手 着眼 着想 着重 着落 着陆 着装 着实 着急 ...
