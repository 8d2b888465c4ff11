"""Figures' years, scopes and honest values, rule by rule, in sentences of the corpus's kind (several for
each rule, negatives among them), through the whole extraction stage as an upload runs it."""

from datetime import date

import pytest

from tests.ingest.extract.readers import extract_text


def figures(body, published=None, title="脱贫攻坚见闻"):
    doc = extract_text(body, title=title, published=published, normalized_text="")
    return {f.quote: f for f in doc.metrics}


@pytest.mark.parametrize(
    "body,published,quote,year",
    [
        ("兰考县贫困发生率由2014年的11.8%降至今年的1.27%。", date(2017, 3, 28), "1.27%", 2017),
        ("兰考县贫困发生率由2014年的11.8%降至今年的1.27%。", date(2017, 3, 28), "11.8%", 2014),
        ("贫困人口由2014年7.7万人减少到去年底只有3127人。", date(2017, 3, 28), "3127人", 2016),
        ("截至去年底，全县累计减贫1.2万户。", date(2019, 1, 10), "1.2万户", 2018),
        ("前年，村里建成光伏电站3座。", date(2018, 6, 1), "3座", 2016),
        ("明年，全市将再搬迁2000户。", date(2018, 6, 1), "2000户", 2019),
        ("截至目前，全县已有56个贫困村出列。", date(2020, 5, 6), "56个", 2020),
        ("今年上半年，合作社销售茶叶300吨。", date(2019, 8, 1), "300吨", 2019),
        ("2013年以来，全县累计减贫4.5万人。", date(2018, 9, 1), "4.5万人", 2018),
        ("党的十八大以来，我国农村贫困人口减少8239万人。", date(2019, 3, 1), "8239万人", 2019),
        ("近五年，全县投入扶贫资金12亿元。", date(2020, 1, 1), "12亿元", 2020),
        ("今年1至9月，全县旅游收入比去年同期增长12%。", date(2016, 10, 20), "12%", 2016),
        ("截至2020年底，全县公办园达124所，比2015年增加了46所。", date(2021, 3, 3), "46所", 2020),
        ("全县农民人均纯收入8000元，较上年增长12%。", date(2016, 3, 3), "12%", 2016),
        ("“十三五”期间，全县累计减贫3.2万人。", date(2021, 3, 3), "3.2万人", 2020),
        ("“十三五”初期，全省仍有约5000个行政村没有宽带。", date(2021, 3, 3), "约5000个", 2016),
        ("党的基层组织由新中国成立时的19.5万个增至486.4万个。", date(2021, 6, 30), "486.4万个", 2021),
        ("党的基层组织由新中国成立时的19.5万个增至486.4万个。", date(2021, 6, 30), "19.5万个", None),
    ],
)
def test_a_time_word_is_read_against_the_report_date(body, published, quote, year):
    assert figures(body, published)[quote].year == year


def test_a_span_to_now_has_no_year_without_the_report_date():
    assert figures("2013年以来，全县累计减贫4.5万人。")["4.5万人"].year is None


def test_a_year_carries_over_in_its_paragraph_and_not_into_a_quotation():
    found = figures("2015年，全县减贫2万人。新建通村公路300公里。", date(2017, 5, 1))
    assert found["300公里"].year == 2015
    quoted = figures(
        "2014年3月，总书记在兰考调研时说：“兰考要在三年内实现脱贫，贫困发生率要降到2%以下。”", date(2017, 5, 1)
    )
    assert quoted["2%"].year is None


def test_a_present_figure_takes_the_report_year_and_a_past_one_none():
    found = figures("全县现有建档立卡贫困户1596户。过去，村里只有3眼水井。", date(2017, 3, 2))
    assert found["1596户"].year == 2017
    assert found["3眼"].year is None if "3眼" in found else True
    found = figures("全村奶牛数量从42头增加到400多头。", date(2021, 1, 31))
    assert found["42头"].year is None and found["400多头"].year == 2021
    assert figures("全县现有贫困户1596户。")["1596户"].year is None  # no date, no present


def test_the_headline_year_dates_a_report_of_that_year():
    found = figures("据统计，新增就业岗位6000个，带动群众。", date(2016, 12, 1), title="2016年脱贫攻坚“回头看”")
    assert found["6000个"].year == 2016


@pytest.mark.parametrize(
    "body,quote,scope",
    [
        ("阜平县脱贫攻坚取得进展。全国农村贫困人口从9899万人减少到5575万人。", "9899万人", "national"),
        ("阜平县脱贫攻坚取得进展。我国现有贫困人口1亿多人。", "1亿多人", "national"),
        ("阜平县脱贫攻坚取得进展。加上年初摘帽的兰考县，全国已有28个贫困县脱贫摘帽。", "28个", "national"),
        ("阜平县脱贫攻坚取得进展。中国农村贫困人口减少了1000多万人。", "1000多万人", "national"),
    ],
)
def test_a_national_figure_has_no_place(body, quote, scope):
    f = figures(body, date(2016, 1, 1), title="阜平县脱贫见闻")[quote]
    assert f.scope == scope and f.region is None


def test_a_level_word_gives_that_level_not_the_county():
    found = figures("平利县位于陕西省安康市。全省减贫120万人，全市减贫10万人，全县减贫1.2万人。", date(2018, 1, 1))
    assert (found["120万人"].region, found["120万人"].scope) == ("610000", "province")
    assert (found["10万人"].region, found["10万人"].scope) == ("610900", "prefecture")
    assert (found["1.2万人"].region, found["1.2万人"].scope) == ("610926", "county")


def test_a_comparison_with_a_level_is_no_scope():
    found = figures("阜平县农民收入年均增长11.6%，增速比全国农村高2.3个百分点。", date(2018, 1, 1))
    assert found["2.3个百分点"].scope == "" and found["2.3个百分点"].region == "130624"
    found = figures("环江县全县有毛南族6.45万人，占全国毛南族总人口的约70%。", date(2020, 5, 20))
    assert found["约70%"].scope == "county" and found["约70%"].region == "451226"


def test_names_and_honours_with_a_level_word_are_no_scope():
    found = figures("平利县的全国人大代表张三带动300户增收。中国扶贫基金会捐款100万元。", date(2018, 1, 1))
    assert found["300户"].scope == "" and found["300户"].region == "610926"
    assert found["100万元"].scope == ""


def test_a_county_named_one_sentence_before_carries_over():
    found = figures("汉阴县地处秦巴山区。今年新建社区工厂47个。", date(2018, 1, 1), title="陕西见闻")
    assert found["47个"].region == "610921"


@pytest.mark.parametrize(
    "body,quote,words,unit",
    [
        ("村里引进了数十家企业。", "数十家", "数十", "家"),
        ("每天有几百人来参观。", "几百人", "几百", "人"),
        ("全镇上千户群众受益。", "上千户", "上千", "户"),
        ("合作社带动十几个村发展产业。", "十几个", "十几", "个"),
        ("他每年要去县城两三次。", "两三次", "两三", "次"),
        ("數十名村民參加培訓。", "數十名", "数十", "人"),
    ],
)
def test_a_vague_quantity_keeps_its_words_and_no_value(body, quote, words, unit):
    f = figures(body)[quote]
    assert f.value is None and f.approx and f.vague == words and f.unit == unit


@pytest.mark.parametrize(
    "body,quote,value,unit",
    [
        ("香菇每公斤能卖到40元。", "40元", 40, "元/公斤"),
        ("土鸡蛋收购价1.5元/只。", "1.5元/只", 1.5, "元/只"),
        ("每月工资2000元左右。", "2000元左右", 2000, "元"),
        ("每户补助2万元。", "2万元", 20000, "元"),
        ("这种绿壳鸡蛋一斤可以卖出20多块钱。", "20多块", 20, "元/斤"),
    ],
)
def test_a_unit_price_is_per_unit(body, quote, value, unit):
    f = figures(body)[quote]
    assert (f.value, f.unit) == (value, unit)


@pytest.mark.parametrize(
    "body",
    [
        "走一趟要6个小时。",
        "工期3个多月。",
        "乘坐K1234次列车返乡。",
        "开行5633/5634次公益慢火车。",
        "咨询电话0871-6543210。",
        "乘坐G1234次高铁。",
    ],
)
def test_numbers_that_name_are_no_figures(body):
    assert figures(body) == {}


@pytest.mark.parametrize(
    "body,quote,label",
    [
        ("全国城乡低保标准同比分别增长9.9%和16.6%。", "9.9%", "城乡低保标准增长"),
        ("班彦村人均收入达到12300元，比2015年的2600元翻了4倍多。", "2600元", "人均收入"),
        ("憨庙村还有30多户人家迟迟没有脱贫。", "30多户", "农户"),
        ("全县派驻在115个贫困村的345名一线扶贫队员，因村因户精准施策。", "345名", "一线扶贫队员"),
        ("兰考县的贫困人口已经由2014年7.7万人迅速减少到去年底只有3127人。", "3127人", "贫困人口"),
        ("贫困人口从2012年年底的9899万人减到2019年年底的551万人。", "551万人", "贫困人口"),
        ("农村居民人均可支配收入达到12588元，年均增长11.6%。", "11.6%", "人均可支配收入年均增长"),
        ("全国学前教育毛入园率达85.2%，比2015年提高10.2个百分点。", "10.2个百分点", "入园率提高"),
        ("党员队伍中，专业技术人员1507.5万名，占15.8%。", "15.8%", "专业技术人员占比"),
        ("其中涉及脱贫攻坚一线干部141人次，占比58.5%。", "58.5%", "干部占比"),
        ("党的基层组织由新中国成立时的19.5万个增至486.4万个。", "19.5万个", "基层组织"),
    ],
)
def test_the_label_is_the_counted_thing(body, quote, label):
    assert figures(body, date(2020, 1, 1))[quote].label.removeprefix("全国") == label


def _region(body, quote, title="兰考县脱贫见闻", published=date(2020, 5, 6)):
    f = figures(body, published, title=title)[quote]
    return f.region, f.scope


@pytest.mark.parametrize(
    "body,quote",
    [
        ("兰考县脱贫攻坚取得进展。国家统计局今天公布，居民消费价格同比上涨2.1%。", "2.1%"),
        ("兰考县春耕有序推进。农业农村部已通过线上培训农机手200万人次。", "200万人次"),
        ("兰考县春耕有序推进。31个省（自治区、直辖市）报告新增确诊病例19例。", "19例"),
        ("兰考县脱贫攻坚取得进展。全国农村贫困人口减少1000万人。贫困发生率下降1.4个百分点。", "1.4个百分点"),
        ("兰考县脱贫攻坚取得进展。中央确定160个国家乡村振兴重点帮扶县。", "160个"),
    ],
)
def test_a_national_body_or_a_national_sentence_before_gives_no_place(body, quote):
    assert _region(body, quote) == (None, "national")


@pytest.mark.parametrize(
    "body,quote",
    [
        ("兰考县派出医疗队。来自上海、山东、浙江等六个省市的17支医疗队抵达武汉。", "17支"),
        ("兰考县派出医疗队。医疗队先后在墨脱县、察隅县两地实施手术36台。", "36台"),
        ("兰考县交通改善。四川省成都市至青海省西宁市的铁路全长约700公里。", "约700公里"),
        ("兰考县交通改善。京津冀地区新增就业岗位20万个。", "20万个"),
        ("兰考县关注疫情。截至北京时间今天16时，美国累计确诊病例超过8169万例。", "超过8169万例"),
        ("兰考县关注疫情。该地区位于韩国平昌，共有选手32人。", "32人"),
    ],
)
def test_a_list_a_route_several_provinces_or_a_place_abroad_give_no_place(body, quote):
    assert _region(body, quote) == (None, "")


def test_beijing_time_is_no_place_and_the_corps_is_xinjiangs():
    # The corps governs land in 新疆 as a government does (DECISIONS.md, places that are places).
    doc = extract_text(
        "截至北京时间今天16时，美国累计确诊病例超过8169万例。新疆生产建设兵团报告新增病例3例。",
        title="疫情通报",
        normalized_text="",
    )
    assert [r["code"] for r in doc.regions] == ["650000"]


def test_the_primary_place_is_given_only_to_the_items_about_it():
    roundup = (
        "平利县新建社区工厂\n平利县今年新建社区工厂47个，平利县吸纳就业2000人。\n"
        "高铁网络加密\n今年新投产高铁线路2000公里。\n"
    )
    found = figures(roundup, date(2020, 5, 6), title="国内联播快讯")
    assert found["47个"].region == "610926" and found["2000人"].region == "610926"
    assert found["2000公里"].region is None
    story = "平利县地处秦巴山区。平利县发展茶叶产业。\n去年以来，村里新建大棚30个。"
    assert figures(story, date(2020, 5, 6), title="平利县见闻")["30个"].region == "610926"


def test_local_words_point_back_at_the_place_and_level_words_lift():
    found = figures("平利县地处秦巴山区。全国新增就业1000万人，当地新增就业3000人。", date(2020, 5, 6))
    assert found["3000人"].region == "610926" and found["1000万人"].region is None
    found = figures("平利县位于陕西省安康市。县里新建服务站11个。", date(2020, 5, 6))
    assert (found["11个"].region, found["11个"].scope) == ("610926", "county")
    found = figures("诸暨市位于浙江省绍兴市。诸暨全市已有476个村设立关爱基金。", date(2020, 5, 6))
    assert found["476个"].region == "330681"
    found = figures("舞钢市位于河南省平顶山市。舞钢市把全市190个行政村整合到17个社区。", date(2020, 5, 6))
    assert found["17个"].region == "410481"
    found = figures("重庆市位于西南。全市地区生产总值达2.79万亿元。", date(2022, 5, 6))
    assert found["2.79万亿元"].region == "500000"


def test_a_national_report_that_names_a_county_in_passing_gives_it_no_figures():
    local = "阜平县脱贫攻坚取得进展，阜平县是一个例子。这是历史性的成就。十年来，新改建农村公路110万公里。"
    assert figures(local, date(2021, 3, 1), title="脱贫攻坚成就综述")["110万公里"].region == "130624"
    national = local.replace(
        "这是历史性的成就。",
        "全国农村贫困人口减少1000万人。我国贫困发生率下降1.4个百分点。国务院扶贫办介绍了情况。这是历史性的成就。",
    )
    assert figures(national, date(2021, 3, 1), title="脱贫攻坚成就综述")["110万公里"].region is None
