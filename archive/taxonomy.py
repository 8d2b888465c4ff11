"""The initiative category taxonomy: the one place that owns it.

CATEGORIES is the fixed list; CATEGORY_KEYWORDS are the phrase rules that put
a report (or a named initiative) into a category. Patterns only, no logic.
"""

CATEGORIES = (
    "产业扶贫",
    "就业扶贫",
    "易地扶贫搬迁",
    "金融扶贫",
    "电商扶贫",
    "消费扶贫",
    "生态扶贫",
    "旅游扶贫",
    "教育扶贫",
    "健康扶贫",
    "资产收益扶贫",
    "党建扶贫",
    "社会扶贫",
    "兜底保障",
    "基础设施",
)

# A category is assigned to a report when any phrase occurs (normalised text).
CATEGORY_KEYWORDS = {
    "产业扶贫": ("产业扶贫", "扶贫产业", "产业发展", "特色产业", "产业园", "合作社", "种植", "养殖", "龙头企业"),
    "就业扶贫": ("就业扶贫", "扶贫车间", "社区工厂", "就近就业", "就业岗位", "务工", "劳务输出", "技能培训", "公益性岗位", "公益岗位", "稳定就业"),
    "易地扶贫搬迁": ("易地扶贫搬迁", "易地搬迁", "搬迁户", "安置点", "安置社区", "移民搬迁", "搬迁群众"),
    "金融扶贫": ("金融扶贫", "扶贫小额信贷", "小额信贷", "扶贫贷款", "贴息", "信贷"),
    "电商扶贫": ("电商扶贫", "电商", "网上售货", "直播带货", "网络直播", "村淘", "互联网+", "拼购", "网上销路"),
    "消费扶贫": ("消费扶贫", "扶贫产品", "以购代捐", "扶贫超市"),
    "生态扶贫": ("生态扶贫", "生态补偿", "生态护林员", "生态产业", "退耕还林", "生态公益"),
    "旅游扶贫": ("旅游扶贫", "乡村旅游", "景区带村", "农家乐", "民宿", "茶旅融合"),
    "教育扶贫": ("教育扶贫", "控辍保学", "精准保学", "精准资助", "教育公平", "助学"),
    "健康扶贫": ("健康扶贫", "医疗保障", "家庭医生", "大病救治", "医疗公平", "先诊疗后付费", "巡诊"),
    "资产收益扶贫": ("资产收益扶贫", "资产收益", "折股量化", "保底分红", "资金变股金", "资源变资产", "入股分红"),
    "党建扶贫": ("党建扶贫", "党建引领", "抓党建促脱贫", "第一书记", "党支部", "基层党组织", "党组织", "党建"),
    "社会扶贫": ("社会扶贫", "对口帮扶", "东西部扶贫协作", "定点扶贫", "社会组织", "爱心人士", "万企帮万村", "结对帮扶", "援建"),
    "兜底保障": ("兜底保障", "社会保障兜底", "低保", "特困供养", "临时救助", "兜底"),
    "基础设施": ("基础设施", "农村公路", "安全饮水", "危房改造", "通村公路", "电网改造", "饮水安全"),
}

# Minimum number of keyword hits (over all phrases of a category) before the
# report is put in it: one passing mention of 信贷 is not a finance story.
CATEGORY_MIN_HITS = 2
# Phrases strong enough to count on their own.
CATEGORY_STRONG = {name for name in CATEGORIES}
