"""A figure's region and year where the words around it mislead (issue 24, round figregion3): national counts in
local stories, routes across a comma, areas outside the gazetteer, plans' years and spans' starts. Each rule with
a case it decides and one it must leave alone."""

from datetime import date

import pytest


@pytest.fixture
def figures(extract_one):
    def read(body, published=date(2021, 3, 1), title="脱贫攻坚见闻"):
        doc = extract_one(body, title=title, published=published, normalized_text="")
        return {f.quote: f for f in doc.metrics}

    return read


def test_a_country_name_inside_a_village_name_is_no_place_abroad(figures):
    body = "在新疆策勒县巴西玉吉买村，村民正忙着打理枣园。这两年村里调整了种植结构，去年人均纯收入超过8000元。"
    assert figures(body)["超过8000元"].region == "653225"
    assert figures("巴西累计确诊病例超过800万例。")["超过800万例"].region is None


def test_every_province_and_the_corps_are_the_country(figures):
    body = "国家医保局介绍，医保码覆盖31个省（区、市）和新疆生产建设兵团，接入93万家定点医药机构。"
    assert (figures(body)["93万家"].region, figures(body)["93万家"].scope) == (None, "national")
    assert figures("新疆生产建设兵团报告新增病例3例。")["3例"].region == "650000"


def test_a_local_word_after_a_region_of_several_provinces_is_that_regions(figures):
    body = (
        "甘肃天祝县天堂镇搞起了旅游。据统计，“三区三州”地区用电量增长超过30%，"
        "拉动当地特色畜牧业年均增收27亿元，助力373.6万贫困人口实现脱贫。"
    )
    assert figures(body)["373.6万贫困人口"].region is None
    local = "平利县地处秦巴山区。全国新增就业1000万人，当地新增就业3000人。"
    assert figures(local)["3000人"].region == "610926"  # 全国 is no region of several provinces


def test_a_route_across_a_comma_is_no_one_place(figures):
    assert figures("吉图珲高铁西起吉林市，东至延边朝鲜族自治州珲春市，全线共设9个车站。")["9个"].region is None
    assert figures("从黑龙江漠河进境，管道延绵1000公里到达大庆。")["1000公里"].region is None
    assert figures("珲春市地处图们江下游，全市共有9个车站。")["9个"].region == "222404"


def test_more_people_than_a_place_holds_are_not_its(figures):
    body = "福建宁德发展很快。全面建成小康社会，要用五年左右的时间，确保7000万人口脱贫。"
    assert figures(body)["7000万人口"].region is None
    assert figures("福建宁德发展很快。全市常住人口315万人。")["315万人"].region == "350900"


@pytest.mark.parametrize(
    "body,quote",
    [
        ("北京举办冬奥会将带动中国3亿多人参与冰雪运动。", "3亿多人"),
        ("深圳的变化折射出今天的中国，经济总量跃升到114.4万亿元。", "114.4万亿元"),
        ("习近平在四川考察时说，为承载着13亿多人的巨轮前行立起了新航标。", "13亿多人"),
    ],
)
def test_the_countrys_counts_are_national(figures, body, quote):
    assert (figures(body)[quote].region, figures(body)[quote].scope) == (None, "national")


def test_a_set_of_countries_is_no_place_but_a_national_designation_is_no_set(figures):
    found = figures("国际青年中国行走进河北。来自50多个国家的100多名国际青年先后参访。")
    assert found["50多个"].region is None and found["100多名"].region is None
    found = figures("兰考县脱贫攻坚取得进展。中央确定160个国家乡村振兴重点帮扶县。")
    assert found["160个"].scope == "national"


def test_areas_outside_the_gazetteer_give_the_division_they_lie_in(figures):
    assert figures("北京市加快疏解。雄安新区已累计开工项目300多个。")["300多个"].region == "130000"
    assert figures("阿布洛哈村是四川大凉山腹地的一个小村庄，全村65户253人。")["253人"].region == "513400"
    found = figures("哈尔滨市有关负责人介绍，成渝地区双城经济圈建设一年来新增项目200个。")
    assert found["200个"].region is None  # no 双城区 of 哈尔滨


@pytest.mark.parametrize(
    "body,published,quote,year",
    [
        ("按照规划，到2020年要实现4335万贫困人口全部脱贫。", date(2015, 6, 1), "4335万贫困人口", None),
        ("力争2025年粮食产能达到1400亿斤。", date(2023, 4, 17), "1400亿斤", None),
        ("到2020年底，全县累计减贫4.5万人。", date(2021, 3, 1), "4.5万人", 2020),  # past at the report's date
        ("从2013年到2020年，全县累计减贫4.5万人。", date(2015, 6, 1), "4.5万人", 2020),  # a span's end
        ("从2016年开始，中央投入的财政专项扶贫资金累计超过了113亿元。", date(2021, 3, 1), "113亿元", 2021),
        ("2017年起，全县年均减贫1万人。", date(2020, 3, 1), "1万人", 2020),
        ("2017年开始，他种了10亩茶叶。", date(2021, 3, 1), "10亩", 2017),  # no total over the span
        ("造船完工量比“十三五”末提高8.6个百分点。", date(2025, 10, 13), "8.6个百分点", 2025),
        ("谢坝乡地处大山之中，贫困发生率一度超过24%。", date(2020, 1, 30), "超过24%", None),
    ],
)
def test_plans_spans_and_comparisons_date_a_figure_by_its_own_time(figures, body, published, quote, year):
    assert figures(body, published)[quote].year == year


def test_more_of_the_poor_than_any_place_counted_are_not_its(figures):
    body = "贵州省脱贫攻坚取得进展。贫困人口从9899万人减少到551万人。"
    assert figures(body)["9899万人"].region is None
    assert figures("贵州省脱贫攻坚取得进展。全省贫困人口从923万人减少到30万人。")["923万人"].region == "520000"


def test_a_level_word_a_product_goes_to_is_no_scope(figures):
    body = "井冈山市发展产业，推广特色农产品走向全国，联农带农富民产业综合产值超10亿元。"
    assert (figures(body)["超10亿元"].region, figures(body)["超10亿元"].scope) == ("360881", "")
    assert figures("井冈山市发展产业，全国农产品网络零售额超10亿元。")["超10亿元"].scope == "national"


def test_every_figure_after_a_plans_year_in_its_sentence_is_undated(figures):
    found = figures(
        "世界银行研究报告显示，到2030年，共建国家贸易将增长2.8%—9.7%，全球贸易增长1.7%。", date(2023, 10, 5)
    )
    assert found["1.7%"].year is None
    assert figures("一年一度的书展开幕，吸引了超过60个国家的参展商。", date(2013, 4, 16))["超过60个"].year == 2013
