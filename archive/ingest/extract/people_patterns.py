"""People: titles, surnames and speech verbs, as data."""

from archive.text import HAN, JOURNALIST_ROLES

# Common Chinese surnames (single character), by frequency; double surnames after.
SURNAMES = set(
    "习王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄计索宣晋相初门云容敬扈晁芮普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡尧闭由"
)
DOUBLE_SURNAMES = (
    "欧阳",
    "司马",
    "诸葛",
    "上官",
    "东方",
    "皇甫",
    "尉迟",
    "公孙",
    "慕容",
    "长孙",
    "令狐",
    "夏侯",
    "端木",
    "宇文",
    "司徒",
)

# Titles that come right before (or after) a name, longest first at match time.
# (title, kind). '党' and '政' may be printed censored as '*'.
TITLES = {
    "总书记": "official",
    "国家主席": "official",
    "总理": "official",
    "副总理": "official",
    "省委书记": "official",
    "省长": "official",
    "副省长": "official",
    "市委书记": "official",
    "市长": "official",
    "副市长": "official",
    "州委书记": "official",
    "州长": "official",
    "副州长": "official",
    "县委书记": "official",
    "县长": "official",
    "副县长": "official",
    "县委副书记": "official",
    "区委书记": "official",
    "区长": "official",
    "副区长": "official",
    "旗委书记": "official",
    "旗长": "official",
    "县人大常委会主任": "official",
    "人大常委会主任": "official",
    "县政协主席": "official",
    "政协主席": "official",
    "县扶贫办主任": "official",
    "扶贫办主任": "official",
    "扶贫办副主任": "official",
    "县委常委": "official",
    "组织部长": "official",
    "宣传部长": "official",
    "局长": "official",
    "副局长": "official",
    "镇长": "official",
    "副镇长": "official",
    "乡长": "official",
    "副乡长": "official",
    "镇党委书记": "official",
    "乡党委书记": "official",
    "党委书记": "official",
    "党委副书记": "official",
    "主任": "official",
    "副主任": "official",
    "主席": "official",
    "书记": "official",
    "厅长": "official",
    "第一书记": "cadre",
    "驻村第一书记": "cadre",
    "村党支部书记": "cadre",
    "村党委书记": "cadre",
    "党支部书记": "cadre",
    "支部书记": "cadre",
    "村支书": "cadre",
    "村主任": "cadre",
    "村委会主任": "cadre",
    "村干部": "cadre",
    "工作队队长": "cadre",
    "驻村工作队队长": "cadre",
    "队长": "cadre",
    "村委委员": "cadre",
    "社区书记": "cadre",
    "网格员": "cadre",
    "护林员": "resident",
    "工作人员": "official",
    "贫困户": "resident",
    "搬迁户": "resident",
    "脱贫户": "resident",
    "村民": "resident",
    "农民": "resident",
    "群众": "resident",
    "养殖户": "resident",
    "种植户": "resident",
    "残疾人": "resident",
    "低保户": "resident",
    "干部": "official",
    "副科级干部": "official",
    "驻村干部": "cadre",
    "总经理": "entrepreneur",
    "董事长": "entrepreneur",
    "负责人": "entrepreneur",
    "理事长": "entrepreneur",
    "创始人": "entrepreneur",
    "经理": "entrepreneur",
    "老板": "entrepreneur",
    "厂长": "entrepreneur",
    "致富带头人": "entrepreneur",
    "返乡创业者": "entrepreneur",
    "校长": "official",
    "院长": "official",
    "教授": "other",
    "专家": "other",
    "医生": "other",
    "教师": "other",
    "记者": "journalist",
    "通讯员": "journalist",
    "编辑": "journalist",
    "责任编辑": "journalist",
    "摄影": "journalist",
    "作者": "journalist",
    # role nouns reports put before a name (村民罗志, 贫困户谭登周, 领队陆菁, 队员任红梅)
    "副书记": "official",
    "副组长": "official",
    "组长": "official",
    "副厅长": "official",
    "部长": "official",
    "副部长": "official",
    "司长": "official",
    "副司长": "official",
    "处长": "official",
    "科长": "official",
    "所长": "official",
    "站长": "official",
    "秘书长": "official",
    "委员": "official",
    "常委": "official",
    "村支部书记": "cadre",
    "村党总支书记": "cadre",
    "支书": "cadre",
    "村长": "cadre",
    "村医": "other",
    "领队": "cadre",
    "带头人": "entrepreneur",
    "能手": "resident",
    "党员": "resident",
    "老党员": "resident",
    "移民": "resident",
    "老人": "resident",
    "户主": "resident",
    "村民代表": "resident",
    "工人": "resident",
    "员工": "resident",
    "职工": "resident",
    "管护员": "resident",
    "保洁员": "resident",
    "队员": "other",
    "调度员": "other",
    "讲解员": "other",
    "技术员": "other",
    "农技员": "other",
    "志愿者": "other",
    "大学生": "other",
    "乡村医生": "other",
    "护士": "other",
    "院士": "other",
    "研究员": "other",
    "工程师": "other",
    "会长": "other",
    "社长": "entrepreneur",
    "场长": "entrepreneur",
    "店主": "entrepreneur",
    "主持人": "other",
    "人大代表": "official",
    "全国人大代表": "official",
    "党代表": "official",
    "联系人": "other",
}
# Titles printed after the name (习近平总书记, 李斌同志, 李斌主任).
POST_TITLES = (
    "总书记",
    "主席",
    "总理",
    "委员长",
    "同志",
    "副主任",
    "主任",
    "书记",
    "院士",
    "教授",
    "夫妇",
    "老人",
    "老汉",
)
# Between a place and a person, these mean the person went there, and is not of it (在兰考县调研的X).
PLACE_VISIT_VERBS = (
    "调研",
    "考察",
    "视察",
    "来到",
    "走访",
    "看望",
    "慰问",
    "访问",
    "出席",
    "参加",
    "陪同",
    "参观",
    "到达",
    "赴",
    "前往",
    "抵达",
    "途经",
    "会见",
    "会谈",
    "召开",
    "举行",
)
# A noun right before a name that ends in one of these is the person's role (小伙子, 小哥, 种烟户, 专干),
# unless it is one of NOT_ROLE_NOUNS (日子, 村子: things).
ROLE_NOUN_ENDS = set("子哥姐嫂妹弟娃员工户农手师生士长官匠夫妇干爷奶婆翁娘叔者")  # 者: 重症患者彭博, 志愿者
NOT_ROLE_NOUNS = (
    "前者",
    "后者",
    "或者",
    "两者",
    "二者",
    "三者",
    "日子",
    "样子",
    "法子",
    "例子",
    "院子",
    "房子",
    "村子",
    "镇子",
    "路子",
    "点子",
    "园子",
    "盘子",
    "票子",
    "本子",
    "牌子",
    "棚子",
    "种子",
    "鸭子",
    "鸡子",
    "桌子",
    "架子",
    "场子",
    "摊子",
    "担子",
    "底子",
    "胆子",
    "圈子",
    "孩子们",
    "学生",
    "师生",
    "手工",
    "员工",
)
# The last character of an office's name (政策法规司, 医政医管局, 后勤保障部): one may stand between a
# contact's title and colon and the name (联系人：政策法规司陈洪波).
OFFICE_ENDS = set("局司处部办厅委室科所")
# A short life opening with the name: up to three clauses (1959年生于重庆, 中共党员), then the post.
BIO_VERBS = ("现任", "现为", "生前任", "生前系", "生前是", "系", "任")
BIO_CLAUSE_MAX = 24
# Kinds of people who are of the report's place when no other is printed (村民王永浩 in a report about 利川).
LOCAL_KINDS = ("resident", "cadre")
# Titles whose county comes from the report when not printed before them (县委书记 = this county's).
COUNTY_TITLES = ("县", "县委", "县人大", "县政协", "县扶贫办", "县政府")

# Words that follow a speaker's name: 陈封学说 -> 陈封学.
SPEECH = (
    "说",
    "表示",
    "介绍",
    "告诉记者",
    "告诉",
    "坦言",
    "感慨",
    "感叹",
    "回忆",
    "笑着说",
    "高兴地说",
    "深有感触地说",
    "指出",
    "认为",
    "说道",
    "透露",
    "强调",
    "谈到",
    "带领",
)
# The tagger's personal names (tagger.py) stand where a person does: after a clause boundary or one of
# these words, and before punctuation, a verb or adverb (its tag), or one of these words.
PERSON_BEFORE_WORDS = (
    "像",
    "和",
    "与",
    "让",
    "给",
    "对",
    "帮",
    "叫",
    "找到",
    "带领",
    "跟着",
    "跟",
    "同",
    "向",
    "请",
    "的",
    "是",
    "为",
    "见到",
    "来到",
    "看到",
    "陪着",
    "及",
    "被",
    "由",
    "当",
)
PERSON_AFTER_TAGS = ("v", "d", "p", "c", "l")  # jieba's tags: verb, adverb, preposition, conjunction, idiom
PERSON_AFTER_WORDS = ("的", "一家", "夫妻", "家", "等")
BOUNDARY_CHARS = '，,。；;：:！!？?“”"（(）)、 \n'
# What may stand between a title and the name after it (记者 王辉, 国家卫生计生委联系人：王斐).
TITLE_NAME_GAP = (" ", "：", ":", "】", "]")  # (【记者】黎赛明)
# The roles of a credit in brackets and the titles they give: (文 陈以显 刘智良), （记者 胡浩）, 记者 王 辉.
CREDIT_ROLE_TITLES = JOURNALIST_ROLES  # archive/text.py
# Between names of a list after one title (贫困户刘福有、曹六仁、王三女).
LIST_SEPARATORS = ("、",)
# A name followed by this is at home (谭登周家): not a reason to cut it short.
HOME_AFTER = "家"
# Characters that end places and things, never a name the tagger alone found (鹿园, 华屋).
UNANCHORED_BAD_END = set(
    "园湖寺庙桥场厂店馆院校楼街路坝沟湾谷港岛屿屋庄寨阁峡滩"
)  # (not 峰 岭 城 坪 亭 洲: given names end so, 何立峰)
# The statistical tagger's person ending in one of these had a word glued on: the name is without it
# (肖捷作, 吕有金家, 王小兵深).
LAC_TRIM = set("说的在是等了对也摄作家将还就又才都曾已和与深")
# A "given name" that is a title or a kinship word is an address, not a name (王主任, 张妈妈, 李大爷).
ADDRESS_WORDS = (
    "主任",
    "书记",
    "妈妈",
    "大妈",
    "大爷",
    "大娘",
    "大叔",
    "大哥",
    "大姐",
    "阿姨",
    "奶奶",
    "爷爷",
    "叔叔",
    "婶婶",
    "老师",
    "师傅",
    "校长",
    "局长",
    "县长",
    "市长",
    "总",
    "老",
    "哥",
    "姐",
    "嫂",
    "婶",
    "叔",
    "姨",
    "伯",
    "爷",
    "奶",
    "妈",
    "爸",
    "工",
    "队",
)
# Characters never inside a name (they end a place or an organisation, or are particles).
NAME_BAD_CHARS = set("镇乡村县市区省州局委部厅办会社队组站所的了是在不说着过们这那个年副总氏儿")
# Of those, the particles are never inside a name, even one the tagger reads and a title anchors (郭省军 has 省).
NAME_PARTICLES = set("的了是在不说着过们这那个")
# A third character that is these ends the name before it (陈俊说 -> 陈俊).
NAME_END_BEFORE = set("说的在是等了对也摄作家")
# A name repeated this often with no title is taken when nothing argues against it (袁仕应).
REPEATED_NAME_MIN = 2
# An untitled repeated name needs one occurrence in a person's context.
PERSON_BEFORE = ("跟着", "像", "和", "与", "让", "给", "对", "帮", "叫", "找到", "带领", "原来，", "原来,")
PERSON_AFTER_RE = r"^(夫妻|一家|家人|告诉|说|介绍|坦言|也是|是一|今年|已经|正在|正|[0-9]{4}年|带领|带动|一人|就|也|还|可|都|又|便|才|却|的)"
# After a name in any of its occurrences, these mean it is a place or a thing (万福山村).
REPEATED_NOT_BEFORE = set("村镇乡山县市区园路街河湖寺庙桥站场厂店")
# Not names even when they look like one.
NOT_NAMES = {"习近平总", "马克思", "毛泽东思想"}
# Words of at least this jieba frequency are not given names (高兴, 质量).
COMMON_WORD_FREQ = 300
# A two-character name that is a dictionary word this common is a word (万众, 安居, 全员).
TWO_CHAR_WORD_FREQ = 20

# The title as printed takes the run of words qualifying it (jieba's tags: nouns, and verbs of two or
# more characters inside a name: 国家卫生计生委主任, 女子采伐队队员), through 与/和/及 between two of them
# (扶贫开发与对口支援工作领导小组组长) and through a 、 after another title (中共中央政治局常委、国务院
# 副总理). A place stays out: that is the person's region (平利县委书记 -> 县委书记, 白崖峪村民 -> 村民).
QUALIFIER_TAGS = ("n", "j", "b", "vn", "an", "nt", "nz", "ng", "l", "i", "zg", "v")
QUALIFIER_STOP_VERBS = (
    "来到",
    "走访",
    "看望",
    "慰问",
    "担任",
    "出任",
    "成为",
    "作为",
    "帮助",
    "带领",
    "看到",
    "见到",
    "陪同",
    "陪着",
    "找到",
    "告诉",
    "采访",
    "联系",
    "组织",
    "动员",
    "号召",
    "鼓励",
    "号召",
    "邀请",
)
QUALIFIER_JOINERS = ("与", "和", "及")
QUALIFIER_MAX = 32
PLACE_SUFFIXES = set("村镇乡县市区州省旗盟")
# Honorifics that anchor a name but are no title (李斌同志).
HONORIFICS = ("同志",)
# A title stated after the name in its clause: 陆菁，现在挂职任固原市副市长 / 王帅也成为了…一名车辆调度员 /
# 以习近平同志为总书记的 / 张凤宝，临危受命担任…村党支部书记.
COPULA = (
    r"(?:同志)?(?:[，,]?\s*(?:现在|如今|目前|现|已经|已|也|还|又|后来|曾)?(?:挂职)?(?:成为了?|当上了?|是|任|为)"
    rf"|[，,]?[{HAN}]{{0,6}}?(?:担任|出任|当选为?|挂职任))"
)

# The characters of names transliterated from other languages (乌穆尔扎科夫, 米尔济约耶夫, 古特雷斯): a
# name the statistical tagger reads, longer than a Chinese name, made of these alone, stands as read.
TRANSLITERATION_CHARS = set(
    "阿埃艾爱安昂奥澳巴拜班邦包保鲍贝本比毕彼边别宾波伯博布查柴达戴丹道德登邓迪蒂丁东杜敦多厄恩尔"
    "法凡范菲费芬丰佛夫弗福富盖甘冈高戈哥格根贡古瓜圭哈海汉豪赫亨洪侯胡华怀霍基吉加佳贾杰捷金"
    "卡凯坎康考柯科克肯孔库夸奎拉莱赖兰朗劳勒雷蕾黎里理丽利莉连列林琳隆卢鲁路伦罗洛吕马玛迈麦曼"
    "芒毛梅门蒙孟米密明缪莫姆穆纳娜奈南内尼涅宁纽努诺欧帕潘庞佩彭皮珀普奇齐契恰乔切琴琼丘屈"
    "热若萨塞赛桑瑟森沙莎山尚绍舍申什施史斯松苏索塔泰坦汤唐陶特滕提廷图托瓦万旺威韦维温文沃乌伍"
    "西希锡夏香肖谢辛休许雅亚扬耶叶伊依因尤约扎泽詹兹佐左卓祖济茨娅妮琪蓓黛芭朵赞霍楚茹"
)
TRANSLITERATED_MIN = 5  # characters: shorter ones are read as Chinese names, surname and given name
# A group noun before a list of names gives each of them their part (出席会议的党外人士还有陈竺、万钢、…).
GROUP_ROLE_ENDS = ("人士", "代表", "委员")
GROUP_LIST_OPENERS = ("还有", "分别是", "分别为", "包括", "有")
