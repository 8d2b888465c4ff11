"""People: titles, surnames and speech verbs, as data."""

import re

from archive.text import HAN, JOURNALIST_ROLES

from .foreign_patterns import COUNTRY_SHORT  # noqa: F401 (the shared table of abroad: people_things.py)
from .title_patterns import TITLES  # noqa: F401 (the titles before a name, kept in their own module)

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
    "委员",  # 梁琰委员认为
    "常委",  # 张伯军常委提出
    "将军",
    "先生",
    "女士",
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
COUNTY_TITLES = ("县", "县委", "县人大", "县政协", "县扶贫办", "县政府", "副县长", "代县长", "常务副县长")
# A resident or a village's cadre (LOCAL_KINDS) with no place before their title is of the place their sentence
# is in, printed at most this many characters before them, whatever lies between (在泾源县大湾乡杨岭村，他察看
# 村容村貌，到回族贫困户马科家中); so is a county's officer (COUNTY_TITLES), when that place is a county.
SENTENCE_PLACE_WINDOW = 50
# A titled person listed right after another (、, 和) in one clause, with no place of their own, is of the other's
# place (马边县交通局副局长李志强、局长助理曾德林、工程股副股长邹杨), unless their title is of the centre or of another
# level (…县委书记X、市扶贫办主任Y: the city's). What may stand between the two names:
LISTED_TITLE_GAP = re.compile(r"[、和及与](?!国务院|中央|中共|全国|国家|中国)[^，,。；;：:！!？?\n（(“”、]{1,16}$")

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
# Between a speaker's name and the speech verb (安南还说, 普京也表示).
SPEAKER_ADVERBS = ("随后", "同时", "当天", "还", "也", "都", "又", "则", "再次", "曾", "已", "亦", "均")
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
LAC_TRIM = set("说的在是等了对也摄作家将还就又才都曾已和与深互")
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
    "同学",  # (研究生冠军)班同学
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
NAME_BAD_CHARS = set("镇乡村县市区省州局委部厅办会社队组站所团的了是在不说着过们这那个年副总氏儿")
# Of those, the particles are never inside a name, even one the tagger reads and a title anchors (郭省军 has 省).
NAME_PARTICLES = set("的了是在不说着过们这那个")
# A third character that is these ends the name before it (陈俊说 -> 陈俊).
NAME_END_BEFORE = set("说的在是等了对也摄作家互")
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
    "会见",
    "会晤",
    "会谈",
    "接见",
    "致电",
    "致信",
    "致函",
    "复信",
    "出席",
    "参加",
    "主持",
    "宣读",
    "欢迎",
)
QUALIFIER_JOINERS = ("与", "和", "及")
QUALIFIER_MAX = 32
PLACE_SUFFIXES = set("村镇乡县市区州省旗盟")
# Honorifics that anchor a name but are no title (李斌同志).
HONORIFICS = ("同志", "先生", "女士")
# A title stated after the name in its clause: 陆菁，现在挂职任固原市副市长 / 王帅也成为了…一名车辆调度员 /
# 以习近平同志为总书记的 / 张凤宝，临危受命担任…村党支部书记.
COPULA = (
    r"(?:同志)?(?:[，,]?\s*(?:现在|如今|目前|现|已经|已|也|还|又|后来|曾)?(?:挂职)?(?:成为了?|当上了?|是|任|为)"
    rf"|[，,]?[{HAN}]{{0,6}}?(?:担任|出任|当选为?|挂职任|获得|夺得|摘得))"
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

# What the statistical tagger reads as a person where the report shows a thing (people_things.py).
# Two characters that are a country's short name and its side, its army or another country (巴方, 乌军, 欧中).
COUNTRY_SIDE = set("方军")
COUNTRY_PARTY = "方"  # of those, the side is never a name, anchored or not (欧方表示, 巴方愿); 军 is (马军胜)
# After a name the tagger alone found, in any of its occurrences: a disease, a place or a body (埃博拉疫情,
# 巴赫穆特方向, 基拉韦厄火山, 卢甘斯克民间武装, 苏家坡村).
THING_AFTER = (
    "疫情",
    "病毒",
    "病例",
    "疫苗",
    "火山",
    "地区",
    "方向",
    "郊区",
    "市中心",
    "城市",
    "机场",
    "民间武装",
    "武装",
    "战役",
    "前线",
    "一带",
    "附近",
    "境内",
    "以东",
    "以西",
    "以南",
    "以北",
    "东部",
    "西部",
    "南部",
    "北部",
    "铁路",
    "公路",
    "高速",
    "大桥",
    "客机",
    "航班",
    "油田",
    "港口",
    "山火",
    "林火",
    "组织",
    "集团",
    "公司",
    "战线",
    "产油国",
)
# Before it: what one does to a place (攻入苏赫奈, 收复代尔祖尔, 重镇阿盖尔巴特).
# The same after 的 (雷德蒙德的山火): a place's, never a person's.
PLACE_AFTER_OF = ("山火", "林火", "郊区", "市中心", "城区", "境内", "街头", "上空")
THING_BEFORE = (
    "攻入",
    "收复",
    "夺取",
    "控制了",
    "包围",
    "位于",
    "重镇",
    "城市",
    "飞往",
    "前往",
    "抵达",
    "到达",
    "飞抵",
    "途经",
)
# What happens at a venue: 在 X 会见 names a place X, not a person (习近平在阿布贾会见 …).
VENUE_AFTER = ("会见", "会晤", "举行", "召开", "开幕", "闭幕", "出席")
# A name ending in these is a people or a place's folk, not a person (辉山人, 磴口人).
NOT_NAME_ENDS = set("人")
