"""Initiatives: named programmes and models, as data."""

# Known programme names, found wherever they are printed.
KNOWN = (
    "社区工厂", "扶贫车间", "易地扶贫搬迁", "对口帮扶", "东西部扶贫协作", "定点扶贫", "第一书记", "直播带货",
    "消费扶贫", "光伏扶贫", "扶贫小额信贷", "资产收益扶贫", "金融扶贫", "电商扶贫", "旅游扶贫", "生态扶贫",
    "健康扶贫", "教育扶贫", "集体经济破零", "扶贫超市", "万企帮万村", "以工代赈", "生态护林员", "公益性岗位",
    "三变改革", "总队长制", "借芋还芋", "互联网+劳务输出", "村级财务代理记账", "扶贫互助资金",
)
# A quoted name followed (within a few characters) by one of these is a named model.
MODEL_WORDS = ("模式", "机制", "改革", "制", "体系", "工程", "行动", "计划", "做法", "经验", "治理模式")
MODEL_GAP = 8  # characters allowed between the closing quote and the model word
QUOTED_MAX = 24
# Unquoted: 2-4 characters right before 模式 (车河模式), after a boundary.
BARE_MODEL_MIN, BARE_MODEL_MAX = 2, 4
BARE_MODEL_STOPWORDS = ("随即", "治理", "发展", "管理", "经营", "产业", "扶贫", "合作", "生产", "工作", "这种", "这一", "一种", "新", "该", "此", "等")
