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
