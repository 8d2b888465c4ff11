"""What a figure is about beyond the place named before it (metric_context.Places), as data."""

# A national body as a statistic's source or actor (国家统计局今天公布, 农业农村部已培训农机手200万人次,
# 人力资源社会保障部表示): its figures are the country's, like 全国's. A county's own offices (县教育局,
# 县委组织部) are none of these.
NATIONAL_BODIES = (
    r"国务院(?:扶贫办)?|党中央|中共中央|中央(?:纪委|巡视组?|财政|政府|农村工作领导小组|组织部|宣传部|统战部|"
    r"纪律检查委员会|委员会|(?!厨房|电视|广播|美术|音乐|大街|公园|商|空调|大厅|城|区|花园|水|民族|八项))|中组部|中宣部|国新办|全国(?:人大|政协)[一二三四五六七八九十]+次会议|"
    r"国家(?:统计局|发展改革委|发改委|卫生健康委|卫健委|能源局|邮政局|林草局|林业和草原局|医保局|税务总局|"
    r"市场监管总局|知识产权局|移民管理局|外汇管理局|粮食和物资储备局|乡村振兴局|铁路局|文物局|体育总局|"
    r"广电总局|民委|防总|减灾委|电网)|"
    r"(?:教育|财政|科技|工业和信息化|工信|公安|民政|司法|人力资源社会保障|人力资源和社会保障|人社|自然资源|"
    r"生态环境|住房城乡建设|住房和城乡建设|住建|交通运输|水利|农业农村|农业|商务|文化和旅游|退役军人事务|"
    r"应急管理|审计)部|"
    r"银保监会|证监会|银监会|保监会|中国人民银行|央行|海关总署|全国人大常委会|最高人民法院|最高人民检察院|"
    r"国铁集团|中国国家铁路集团"
)
# Every province at once (31个省（自治区、直辖市）, 各省区市, 22个省份): the country's figure, no province's.
# With the corps beside them (31个省（区、市）和新疆生产建设兵团) they are still the country: the 新疆 inside is no place.
ALL_PROVINCES = (
    r"(?:[0-9]{2}个省(?:份|区市|（区、市）|（自治区、直辖市）)|各省(?:份|区市|（区、市）)?|省区市|省（区、市）)"
    r"(?:(?:和|及|以及)新疆生产建设兵团)?"
)
# Regions of several provinces (京津冀, 湘鄂赣革命根据地, 中西部, 来自全国各地的33个): a figure of one of them is
# no one province's
# (but 四川通江县川陕革命根据地红军烈士陵园: printed right after a place, a name of that place's). A place printed
# inside one of them (成渝地区双城经济圈: not 双城区) is none.
MULTI_PROVINCE = (
    r"京津冀|长三角|珠三角|粤港澳|成渝地区双城经济圈|成渝双城经济圈|成渝|川渝|陕甘宁|晋察冀|鄂豫皖|湘鄂赣|湘鄂西|川陕|闽浙赣|湘赣|"
    r"东北三省|中西部|西部地区|东部地区|中部地区|西北地区|东北地区|西南地区|华北地区|三北|"
    r"黄河流域|长江流域|长江经济带|三区三州|各地"
)
# Places joined by these (or followed by 等) are a list: a figure after a list is of them all, no one of
# them (上海、山东、浙江、江苏、广东、福建等六个省市的17支医疗队; 福州、北京两地), and so is a route's
# (四川成都至青海西宁的川青铁路: a place and the places printed right after it count as one).
LIST_JOINERS = ("、", "和", "及", "与", "以及", "至", "到", "—", "－", "-")
LIST_AFTER = ("等", "两地", "三地", "两省", "三省")
# At most this many characters of a place's own thing between it and the joiner or 等 (南昌航空港、九江水运港、
# 赣州铁路港等4个开放口岸; 廊坊北至大兴机场).
LIST_ITEM_TAIL = 4
# Sets of provinces or countries counted (6个省份, 来自20个国家和地区的1000余个参展品牌): a figure after one
# is of them all (not 江苏省…5个城市: the cities of a province are the province's).
# 国家 as a designation (160个国家乡村振兴重点帮扶县, 5个国家级园区) is no set of countries.
PLACE_SETS = (
    r"[0-9一二三四五六七八九十百]+(?:多|余)?个(?:[^，。；、\s0-9]{0,4}?)"
    r"(?:省份|省区市|国家(?!级|乡村|重点|扶贫|贫困|森林|湿地|公园|标准|地理|农业|现代|[0-9A-Z]))"
)
# A count of the country's people (14亿中国人; 13亿多人, 14亿人民: no other place holds as many): the country's figure.
NATIONAL_COUNT = r"[0-9.]+多?[万亿]多?(?:中国人|中华儿女)|1[34](?:\.[0-9]+)?亿多?(?:人民|人口|人)"
# A body line this short with no sentence end is a headline: in a roundup (国内联播快讯) it opens a new item,
# whose figures are not of the place another item is about.
HEADLINE_MAX = 40
HEADLINE_ENDS = '。！？!?；;…”"」）)：:'
# More level words (metric_context adds them to metric_patterns.SCOPE_WORDS): 县里11个涉农部门 is the county's.
LEVEL_WORDS = {"县里": "county", "省里": "province", "市里": "prefecture"}
# A level word followed by these is a designation, no scope (安仁县是全国扶贫开发县).
NOT_SCOPE_AFTER_MORE = ("扶贫开发", "贫困县", "扶贫工作重点", "深度贫困")
# Words that point back at the place the text is about (当地32处红色教育基地, 该县): the figure is of the
# place named last before them in its item, whatever level word came between.
LOCAL_WORDS = ("当地", "该县", "该市", "该区", "该省", "该州", "该旗", "本地", "本县", "本市")
# Areas that are no division of the gazetteer, with the division they lie in (雄安新区 spans three counties of
# 保定; 大凉山 is 凉山州): a figure after one is of that division, not of a place named before it (北京…雄安新区).
AREAS = {
    "雄安新区": "130000",
    "两江新区": "500000",
    "天府新区": "510000",
    "贵安新区": "520000",
    "西咸新区": "610000",
    "赣江新区": "360000",
    "湘江新区": "430000",
    "滇中新区": "530000",
    "横琴粤澳深度合作区": "440400",
    "大凉山": "513400",
}
# A route printed across a comma (西起吉林市，东至延边朝鲜族自治州珲春市; 从黑龙江漠河进境…到达大庆): a place right
# after one of ROUTE_FROM and a later place of its sentence right after one of ROUTE_TO are one route, no one place.
ROUTE_FROM = ("从", "起")
ROUTE_TO = ("至", "到", "到达", "抵达", "直达")
# A count of people (人) or households (户) larger than any division of a level holds is no figure of that level's
# place (7000万人口脱贫 in a 宁德 story, 9899万 on 望谟县): the largest populations, with room (浦东新区 5.7 million,
# 成都 21 million, 广东 127 million), a household counted as three people.
LEVEL_MAX_PEOPLE = {"county": 6_000_000, "prefecture": 35_000_000, "province": 130_000_000}
PEOPLE_PER_HOUSEHOLD = 3
# The poor (a label with one of POOR_WORDS) were fewer: the most any county, prefecture or province counted, with
# room (贵州 923万 in 2012, 毕节 115万 in 2014): 9899万农村贫困人口 or 373.6万贫困人口 is no county's.
POOR_WORDS = ("贫困", "脱贫", "减贫", "建档立卡")
LEVEL_MAX_POOR = {"county": 500_000, "prefecture": 3_000_000, "province": 12_000_000}
# Words that point back at the place the text is about (LOCAL_WORDS) take a region of several provinces or a
# place abroad printed after that place instead (“三区三州”地区…拉动当地: the region's; 美国…当地时间: abroad's).
LOCAL_TAKES = ("multi", "foreign")
