"""The unit table: the one place that owns units and multipliers.

MAGNITUDES: Chinese magnitude characters before a unit.
UNITS: every counted unit the metric extractor accepts, mapped to its
canonical unit (名/位/人 -> 人). Money, area and people units that carry a
magnitude in their spelling (万元) are resolved by the magnitude table.
"""

MAGNITUDES = {"十": 10, "百": 100, "千": 1_000, "万": 10_000, "亿": 100_000_000, "万亿": 1_000_000_000_000}

# unit as printed -> canonical unit
UNITS = {
    "元": "元",
    "块": "元",
    "人": "人",
    "名": "人",
    "位": "人",
    "口人": "人",
    "人次": "人次",
    "户": "户",
    "亩": "亩",
    "平方米": "平方米",
    "平方公里": "平方公里",
    "公顷": "公顷",
    "公里": "公里",
    "千米": "公里",
    "米": "米",
    "吨": "吨",
    "斤": "斤",
    "公斤": "公斤",
    "千克": "公斤",
    "头": "头",
    "只": "只",
    "羽": "只",
    "棒": "棒",
    "袋": "袋",
    "架": "架",
    "粒": "粒",
    "株": "株",
    "棵": "棵",
    "栋": "栋",
    "套": "套",
    "间": "间",
    "个": "个",
    "家": "家",
    "支": "支",
    "项": "项",
    "所": "所",
    "处": "处",
    "座": "座",
    "条": "条",
    "件": "件",
    "件次": "件次",
    "批": "批",
    "辆": "辆",
    "台": "台",
    "场": "场",
    "期": "期",
    "次": "次",
    "个百分点": "个百分点",
    "美元": "美元",
    "例": "例",
    "种": "种",
    "%": "%",
    "％": "%",
}

# Units that never follow a bare number in a counted fact (they are dates,
# ordinals or durations): the extractor does not emit these.
NON_METRIC_UNITS = {"年", "月", "日", "号", "时", "分", "秒", "岁", "倍", "天", "周"}

# Figure labels that name only a kind of place or of counted thing (平利县 has 3 县? 10 村, 300 人):
# two such figures count different things, so they are never shown as a contradiction (说法不一).
GENERIC_LABELS = frozenset(
    {"县", "市", "区", "乡", "镇", "村", "组", "户", "人", "名", "家", "个", "所", "处", "项", "次", "万", "亿", "人家"}
)
