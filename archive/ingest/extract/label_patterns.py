"""What a figure counts: the words around a number that make up its label or stand between, as data
(labels.py reads them; the figure itself is found by metric_patterns.py)."""

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
    "持续保持",
    "等",
    "低于",
    "高于",
    "少于",
    "多于",
    "不低于",
    "不少于",
    "不超过",
    "不高于",
    "可能",
    "或将",
    "有望",
    "一度",
    "触及",
    "跌破",
    "仍",
    "仍然",
    "依然",
)
# Characters that end a measure, never a personal name the tagger thinks it sees (巩固率/nr).
MEASURE_ENDS = set("率量数额费金款值比")
# 分别 before a list of figures: each number is of the list item in its place (贫困村和贫困人口分别减少345个和
# 551万人 -> 贫困村, 贫困人口); the words between 分别 and the first number say how (分别同比增长, 分别为).
EACH_WORD = "分别"
EACH_GAP = 8  # at most this many characters between 分别 and the first number (no punctuation)
# A clause of only one of these before its figure counts what the figure of the clause before did (确诊病例逼近
# 17000例，达到16926例); not 有 (有40多户，有22户是贫困户: what they are follows).
SAME_COUNT_BEFORE = ("达到", "达", "已达", "为", "共", "共计", "累计", "合计", "总计", "总共", "一共")
# What stands between two figures of such a list (345个和551万人, 10.6%、9.1%).
LIST_JOINERS = ("和", "、", "与", "及")
# Measures the last item of a list ends in that its other items share when they name none of their own
# (装备制造业和高技术制造业增加值 -> 装备制造业增加值): besides MEASURE_ENDS (产量, 人数, 增加值).
SHARED_MEASURES = ("收入", "利润", "规模", "价格", "指数", "增速", "支出", "投资", "进出口", "出口", "进口", "产能")
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
    "青年",
    "村",
    "镇",
    "乡",
    "县",
    "户",
    "点",
    "车",
    "站",
)
# The verbs of change both lists below share (增长, 减少, 扩大 …).
CHANGES = ("增长", "增加", "提高", "提升", "下降", "降低", "减少", "上升", "跃升", "扩大", "缩小")
# Verbs of change before 到/至: with it, they stand between a label and its number (资金增加到1561亿元).
CHANGE_VERBS = CHANGES + ("调整", "发展", "蔓延")
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
GROWTH_WORDS = CHANGES + (
    "攀升", "翻", "翻了", "减到", "降到", "升至", "升到", "涨至", "增至", "降至", "跌至", "回升", "回落",
    "加快", "放缓", "下滑", "下跌", "上涨", "萎缩", "猛涨",
)  # fmt: skip
# How a growth word ends when the number after it is the level reached (森林覆盖率升至40.2%, 降至, 涨至), not a
# change: the label is the noun before it alone.
LEVEL_ENDS = ("至", "到")
GROWTH_ADVERBS = ("同比", "环比", "分别", "均", "都", "已", "年均", "比上年", "较上年", "逐年", "持续", "大幅", "转为")
# What a change is measured against, between its subject and how it changed (投资规模比去年同期增加252亿元,
# 较上月回升2.7个百分点, 同比分别增长): the label is the subject before it and the change.
COMPARE_START = r"(?:[与和同跟][^，,。；;：:、！!？?\s]{1,8}?相比|相比|同比|环比|(?<![占对无好相])比(?![例重赛率较])|(?<![比])较(?![大小多少好快慢高低为]))"
COMPARE_GAP = 10  # at most this many characters between 比 and how it changed (no punctuation)
# Words of a time that end a label on its left (5月份非制造业商务活动指数 -> 非制造业商务活动指数).
LABEL_TIME_WORDS = (
    "月份", "月末", "月底", "月初", "年底", "年末", "年初", "年中", "季度", "上半年", "下半年", "日",
    "目前", "当前", "现在", "如今", "截至目前",
)  # fmt: skip
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
# A currency printed after an amount of money (3309.5亿元人民币): the money's, not what it is.
CURRENCY_AFTER = ("人民币", "港币", "港元", "澳门元", "新台币")
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
