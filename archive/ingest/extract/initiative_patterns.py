"""Local named models: where reports print them, as data (the national programmes are archive/programmes.py)."""

# Words that make a name a model, programme or mechanism.
MODEL_WORDS = (
    "模式",
    "机制",
    "改革",
    "制",
    "体系",
    "工程",
    "行动",
    "计划",
    "做法",
    "经验",
    "路子",
    "办法",
    "平台",
    "制度",
    "治理模式",
    "产业联盟",
    "评选",
    "形式",
)
# Model words that follow the name without being part of it (“贷资入企”的形式, “八星励志”评选 is 八星励志).
MODEL_WORDS_APART = ("做法", "经验", "办法", "形式", "评选")
MODEL_GAP = 5  # characters allowed between a closing quote and its model word: after 的 (“…”的生态建设体系)
# After 的, this many characters before the model word still name the quoted thing's kind (“一水两用”的种养模式).
OF_GAP = 4
PLAIN_GAP = 4  # without 的, this many (“社区工厂”就业脱贫模式)
QUOTED_MAX = 24
# A quoted name is a model when a policy verb takes it as its object: 依靠“借芋还芋”, 推行“四社融合”.
POLICY_VERBS = (
    "依靠",
    "推行",
    "实施",
    "实行",
    "采取",
    "采用",
    "探索出",
    "推出",
    "总结出",
    "首创",
    "创新推行",
    "探索",
    "创新",
    "建立",
    "开展",
    "推广",
    "创建",
    "开设",
    "开办",
    "搭建",
)
QUOTED_OBJECT_MAX = 12
# (打造 is none of them: what it takes in quotes is a brand or a scenic area, 打造“野玉海”大景区, “碧云花海”.)
# Quoted terms that are periods, plans or slogans, never a local model's name.
# A quoted name holding one of these, or followed by one within MODEL_GAP characters, is a newsroom's campaign
# (“走向我们的小康生活”大型采访活动, “百城千县万村调研活动”), no programme.
NEWSROOM_WORDS = ("采访", "报道", "调研", "宣传周")
# (a village's “五年计划”, “三年行动”: a span of years and a plan word, no name of its own)
QUOTED_NOT_MODELS = (
    "十二五",
    "十三五",
    "十四五",
    "一带一路",
    "一对一",
    "两会",
    "最后一公里",
    "造血",
    "输血",
    "五年计划",
    "三年计划",
    "三年行动",
    "五年规划",
)
# Between a quote and its model word, these mean the word belongs to another phrase (“十三五”实施健康扶贫工程).
GAP_NOT = ("实施", "开展", "推进", "启动", "部署", "落实", "是", "为", "在", "和", "与")
# Unquoted: after a launching verb, a name ending in a programme word (启动实施医疗健康精准扶贫工程).
LAUNCH_VERBS = (
    "启动实施",
    "组织实施",
    "部署实施",
    "全面实施",
    "深入实施",
    "大力实施",
    "实施",
    "启动",
    "开展",
    "推进",
    "推行",
    "出台《关于实施",
    "关于实施",
)
LAUNCHED_WORDS = ("三年行动", "攻坚行动", "专项行动", "行动计划", "工程", "行动", "计划")
LAUNCHED_MIN, LAUNCHED_MAX = 4, 14
# A launched name whose head is only one of these is no name (专项行动, 脱贫攻坚工程, 一批重大标志性工程).
GENERIC_HEADS = (
    "一系列",
    "专项",
    "脱贫攻坚",
    "扶贫",
    "重大",
    "一批",
    "各项",
    "系列",
    "民生",
    "惠民",
    "国防发展重大",
    "重点",
    "各类",
)
# A list of measures before 等办法 (推出社会化企业扶贫、光伏扶贫等办法): each item is one.
LIST_HEADS = ("推出", "推行", "实施", "采取", "探索", "创新", "开展", "形成", "建立")
LIST_ENDS = ("等办法", "等模式", "等做法", "等措施", "等机制", "等方式", "等举措", "等形式")
LIST_ITEM_MIN, LIST_ITEM_MAX = 3, 10
# Unquoted: 2-4 characters right before 模式, after a boundary (车河模式).
BARE_MODEL_MIN, BARE_MODEL_MAX = 2, 4
BARE_COMMON_TAIL_FREQ = 300  # 可行商业模式: a bare name ending in a common word (商业) is no name
BARE_MODEL_STOPWORDS = (
    "随即",
    "治理",
    "发展",
    "管理",
    "经营",
    "产业",
    "扶贫",
    "合作",
    "生产",
    "工作",
    "这种",
    "这一",
    "一种",
    "新",
    "该",
    "此",
    "等",
    "的",
    "多种",
    "各种",
    "创新",
)
# Quoted spans that are speech or slogans, not names: they hold these.
NOT_A_NAME = set("，。！？；：,!?;:")
# A broadcast's column title in lenticular brackets (【脱贫攻坚在行动】, 【一枝一叶总关情】) is the programme's
# title, no model: a name wholly inside one is none.
COLUMN_OPEN, COLUMN_CLOSE = "【", "】"
# The report's categories: a programme of the category counts PROGRAMME_WEIGHT, each word of its evidence
# (archive/taxonomy.py) printed one point; EVIDENCE_MIN points put the report in the category.
PROGRAMME_WEIGHT = 2
EVIDENCE_MIN = 2

# -- about poverty alleviation ----------------------------------------------------------------------
# A programme is one of poverty alleviation, and a word is evidence of a category, only where the text is
# about it: these words in the name itself or within CUE_WINDOW characters of it (the same sentence or
# the next). 军令状 of a reform, 放管服改革, 净网行动, 两国方案, an electricity report's 产业 have none.
POVERTY_CUES = (
    "扶贫",
    "脱贫",
    "贫困",
    "减贫",
    "帮扶",
    "致富",
    "增收",
    "返贫",
    "低收入",
    "困难群众",
    "困难家庭",
    "建档立卡",
    "搬迁",
    "摘帽",
)
CUE_WINDOW = 120
# A one-word piece of evidence (产业, 金融, 教育, 保险) is common outside poverty alleviation: it counts with a
# cue word this near it only (健康教育 in a health document, 开发性金融 for shanty towns are none).
EVIDENCE_SHORT, EVIDENCE_SHORT_WINDOW = 2, 30

# -- names of a number model: 三联三帮, 六到户六落实, 一户一策, 四跟四走 -------------------------------------
# Two numerals, each followed by one to three characters, 4 to 8 in all; an idiom (三心二意, 千家万户,
# 十年九旱, 一年一度: words the dictionary knows) or counts (一天两次, 三年五万元) are none.
NUMERALS = "一二三四五六七八九十两百千万"
NUMBER_PART_MAX = 3
NUMBER_MODEL_MIN, NUMBER_MODEL_MAX = 4, 8
# Parts that all begin with these are counts, not a model's words (一亩地一次, 一天两次; 一户一策 is a model).
COUNT_WORDS = set("个位名人户家次回遍年月日天周岁亩元斤公里米吨件项条批期届栋座口只头种省市县区州乡镇村")
# A part that is only one of these joins a range or a comparison (三到五个, 一对一的, 十种九不收).
NUMBER_JOINERS = ("到", "至", "或", "比", "对", "之", "分之", "是", "的", "和", "与", "多", "点", "成", "不")
NUMBER_NOT_END = "的了着可地得"  # 一年比一年好 aside, a name does not end in a particle

# -- a compound named for poverty alleviation, ending in a kind of thing: 脱贫致富电视夜校, 扶贫夜校,
# 医疗健康精准扶贫试点工程, 扶贫爱心超市. The words before the kind are read back over the segmenter's nouns
# (and the cue words) to the first verb, particle or punctuation; the name must hold a cue.
COMPOUND_KINDS = (
    "夜校",
    "小镇",
    "超市",
    "存折",
    "专岗",
    "讲习所",
    "工作法",
    "平台",
    "工程",
    "计划",
    "行动",
)
# Kinds too ordinary to make a name of a cue alone: 扶贫工程, 精准扶贫行动 are no names; 扶贫夜校 is.
COMPOUND_KINDS_NEED_HEAD = ("工程", "计划", "行动")
COMPOUND_MAX = 20
# The segmenter's tags a compound's words may carry (nouns, verbal nouns, names, adjectives of kind, idioms);
# a launching or policy verb (启动, 开展 are tagged vn) and COMPOUND_NOT_START end it all the same.
COMPOUND_TAGS = ("n", "nz", "ns", "nt", "vn", "l", "a", "b", "j", "i", "eng", "an", "nrt", "f")
COMPOUND_PLACE_TAGS = ()  # a place before a compound is part of its name as printed (甘肃中部…供水工程)
# Words a compound never starts with, whatever the segmenter calls them (投身 is tagged a noun).
COMPOUND_NOT_START = ("投身", "参与", "助力", "聚焦", "围绕", "推动", "深化", "加强", "全面", "召开", "举办", "举行")
COMPOUND_CUE_WORDS = ("扶贫", "脱贫", "脱贫致富", "致富", "帮扶", "减贫", "精准扶贫", "精准脱贫")

# A report about poverty alleviation (at least REPORT_CUES_MIN cue words, REPORT_CUE_DENSITY a thousand
# characters): the thesaurus's names count anywhere in it, a local model still only near a cue word.
REPORT_CUES_MIN, REPORT_CUE_DENSITY = 3, 2.0

# A quoted name of numbers is a model (“百企联百村”, “五通八有”): a numeral first and one more inside.
QUOTED_NUMBER_MAX = 10

# A plan printed as a document's title holding a cue word (《中国农村扶贫开发纲要（2011-2020年）》,
# 《“十三五”脱贫攻坚规划》): the plan is a programme; its years in brackets are no part of its name.
PLAN_ENDS = ("纲要", "规划", "计划", "工程", "行动")
PLAN_MIN, PLAN_MAX = 4, 30

# A short quoted name holding a cue word and ending in a kind of place or thing names one made for poverty
# alleviation (名副其实的“扶贫园”, “扶贫微工厂”); others are slogans (“扶贫先扶志”, “脱贫不脱政策”).
QUOTED_CUE_MAX = 8
QUOTED_CUE_KINDS = (
    "园",
    "馆",
    "站",
    "点",
    "车间",
    "工厂",
    "超市",
    "银行",
    "基金",
    "岗",
    "队",
    "班",
    "校",
    "屋",
    "路",
    "田",
    "林",
    "场",
    "所",
    "中心",
    "基地",
    "驿站",
    "商城",
    "书屋",
    "食堂",
)

# -- what a thesaurus name prints that is no programme (issue 24's judged errors) ----------------------
# Names the thesaurus keeps for search and for the programme pages (a query for 三区三州 finds the reports
# of 深度贫困地区), but that print a programme's target area, its outcome, the people it sends, or are
# the Party's slogans, not the programme itself: never a report's programme on their own. A longer name
# holding one (深度贫困地区脱贫攻坚, 贫困退出机制) still counts. (乡村旅游, 技能培训, 军令状, 农村公路 are
# the thesaurus's `quoted` names: programmes only in quotes.)
NOT_PROGRAMMES = (
    # target areas
    "集中连片特困地区",
    "连片特困地区",
    "集中连片特殊困难地区",
    "深度贫困地区",
    "三区三州",
    "深度贫困县",
    "深度贫困村",
    "深度贫困",
    "国家扶贫开发工作重点县",
    "扶贫开发工作重点县",
    "扶贫开发重点县",
    "国家级贫困县",
    "空壳村",
    # outcomes
    "脱贫摘帽",
    "贫困县摘帽",
    "贫困县退出",
    "脱贫退出",
    # people
    "致富带头人",
    "驻村干部",
    # slogans of the Party's line and sayings, printed in quotes in poverty reports as anywhere
    "两个一百年",
    "五位一体",
    "四个全面",
    "四个意识",
    "四个自信",
    "两个维护",
    "两个确立",
    "不忘初心、牢记使命",
    "两学一做",
    "三严三实",
    "一国两制",
    "伟大工程",
    "四梁八柱",
    "放管服",
    "放管服改革",
    "三去一降一补",
    "一方水土养不起一方人",
    "一方水土养不活一方人",
    "一方水土养不了一方人",
    "中国梦",
)
# A cue word (POVERTY_CUES) must be this near a local model in a report that is not about poverty
# alleviation (a news bulletin's other items: 高校搬迁 is no cue for 合作办学): the same sentence.
LOCAL_CUE_IN_SENTENCE = True

# -- number models: the words that make a run of numerals no model -------------------------------------
# A part that, with its numeral, is a common word (一起, 一直, 一样, 一个, 十分, 百姓, 四川, 一系列: the
# dictionary's frequency at least this) is prose, not a model's word (一户, 一村, 一品, 一事 are rarer).
NUMBER_COMMON_FREQ = 1000
# A run of numerals right before one of these is a place's name (百色百坭村), no model.
NUMBER_PLACE_NEXT = set("村乡镇县市区州省")
# Characters of prose a model's part never holds (百姓们一起在, 一家出几万块钱就).
NUMBER_PART_NOT = set("们在都就我你他她它让把了着和与也还又很将被对从向给这那么几来去说要过得地的是有")
# A launched name's first word, when it is one character of these tags (好, 了, 起: degree, aspect), is the
# verb's, not the name's (实施好重大环保工程).
LAUNCHED_NOT_FIRST = ("a", "d", "u", "ul", "uz", "uv", "ud", "ug", "p", "c", "q", "m", "r", "y")
# A compound whose head ends in an office (扶贫办, 扶贫局) is the office acting: 扶贫办计划选派 plans, names none.
COMPOUND_NOT_HEAD_END = ("办", "局", "部", "委", "厅", "处", "署", "站长")
# A short quoted name ending in one of these kinds, with a cue word in its sentence though none in the name,
# names a local model too (开办“农民夜校”，助力脱贫攻坚; “背包工作队”; 这趟“慢火车”…深度贫困地区); not 银行,
# a metaphor without a cue of its own (村民的“绿色银行”: the forest).
QUOTED_NEAR_KINDS = (
    "存折",
    "夜校",
    "超市",
    "车间",
    "工厂",
    "书屋",
    "食堂",
    "小镇",
    "专岗",
    "讲习所",
    "牧场",
    "工作队",
    "服务队",
    "宣讲队",
    "火车",
    "专列",
)
# A thesaurus name followed by one of these is an office's name (国家乡村振兴局, 省扶贫开发办公室), not the
# programme: 办 alone is also 办法, 办理, so only the office's own words.
OFFICE_WORDS = ("局", "办公室", "厅", "署", "领导小组")

# -- an unquoted short name of a kind made for poverty alleviation, right after a verb that makes it:
# 推出阳光存折, 打造天文小镇, 开办农民夜校. The name is 2-4 characters of whole words before the kind, with a
# cue word in its sentence; a word the dictionary knows (特色小镇) or a head holding one of these is no name
# of its own (建设|发展特色小镇: a verb and a generic kind).
BARE_KIND_VERBS = ("推出", "打造", "建成", "开办", "创办", "设立", "开设", "创建", "建设", "依托", *POLICY_VERBS)
BARE_KINDS = ("存折", "夜校", "小镇", "讲习所", "专岗")
BARE_KIND_MIN, BARE_KIND_MAX = 2, 4
BARE_KIND_NOT_HEADS = ("特色", "发展", "旅游", "一个", "一批", "这个", "新型", "一座", "多个", "各类", "美丽")
