"""Programmes that are no programmes (issue 24's judged errors, as kinds) and the rules that keep them out."""

import pytest

from archive.ingest.extract.initiative_patterns import NOT_PROGRAMMES
from archive.ingest.extract.initiatives import find_initiatives
from archive.programmes import NAMES, synonyms
from tests.ingest.extract.readers import initiative_names as names


def test_target_areas_outcomes_and_people_are_no_programmes_but_still_expand_a_search():
    text = "全省深度贫困地区和三区三州的贫困县全部脱贫摘帽，致富带头人和驻村干部功不可没。"
    assert names(text) == []
    for name in ("深度贫困地区", "三区三州", "脱贫摘帽", "集中连片特困地区", "国家扶贫开发工作重点县"):
        assert name in NOT_PROGRAMMES and name in synonyms(NAMES[name])  # a query still finds the reports


def test_a_longer_name_holding_a_target_or_outcome_still_counts():
    assert "贫困退出机制" in names("省里建立贫困退出机制，对脱贫摘帽的县开展第三方评估。")
    assert "旅游扶贫重点村" in names("全县有旅游扶贫重点村12个，贫困户在景区就业。")


@pytest.mark.parametrize(
    "text",
    [
        "站在“两个一百年”的交汇点上，全省巩固脱贫攻坚成果。",
        "统筹推进“五位一体”总体布局，打赢脱贫攻坚战。",
        "要统筹推进“三去一降一补”，也要打赢脱贫攻坚战。",  # nor 一降一补 inside it
        "甘南州、临夏州和天祝县是“两州一县”，贫困程度深。",  # places counted
    ],
)
def test_slogans_and_counted_places_are_no_models(text):
    assert names(text) == [], names(text)


@pytest.mark.parametrize(
    "text",
    [
        "乡亲们一家围坐一起拉家常，说起脱贫以来的变化。",  # 一家…一起: common words
        "干部们十年来一直对贫困户嘘寒问暖，百姓们一起在新村过年。",
        "全村上下统一思想一鼓作气，打赢脱贫攻坚战。",  # 一思想一鼓作 cuts 一鼓作气
    ],
)
def test_prose_with_numerals_is_no_number_model(text):
    assert names(text) == [], names(text)


def test_number_models_still_found():
    assert "四跟四走" in names("平利县推行四跟四走产业扶贫模式，带动贫困户增收。")
    assert "三联三帮" in names("党员干部开展三联三帮活动，帮助贫困户脱贫。")


def test_a_launched_name_starts_at_a_word():
    assert "光伏帮扶提质工程" in names("全县实施好光伏帮扶提质工程，贫困户增收。")  # not 好光伏…


def test_an_office_that_plans_is_no_programme():
    assert not any(n.endswith("扶贫办计划") for n in names("今年，县扶贫办计划选派干部驻村帮扶。"))


def test_listed_measures_need_a_word_of_their_own():
    assert names("当地采取科学治理、节水增效、创新模式等措施，百姓增收致富。") == []
    assert set(names("推出社会化企业扶贫、光伏扶贫等办法，带动贫困户增收。")) >= {"社会化企业扶贫", "光伏扶贫"}


def test_a_local_model_outside_a_poverty_report_needs_a_cue_in_its_sentence():
    bulletin = (
        "浙江展开了“最多跑一次”改革，市民办事更方便。外交部发言人今天回答了记者提问。另一则消息说，某县贫困户增收。"
    )
    assert names(bulletin) == []
    assert "借芋还芋模式" in names("某县推行“借芋还芋”模式，贫困户增收。")


@pytest.mark.parametrize(
    "text,name",
    [
        ("四川省开办“农民夜校”，助力脱贫攻坚。", "农民夜校"),
        ("当地干部组成“背包工作队”，帮助贫困户解决难题。", "背包工作队"),
        ("这趟“慢火车”沿途停靠的都是贫困乡镇。", "慢火车"),
    ],
)
def test_a_quoted_thing_of_a_kind_with_a_cue_in_its_sentence_is_a_model(text, name):
    assert name in names(text), names(text)


@pytest.mark.parametrize(
    "text",
    [
        "要确保完成“一个也不掉队”的脱贫攻坚目标。",  # a slogan ending in 队
        "把临街商铺改造成“家门口的务工车间”，搬迁群众就近就业。",  # a description, not a name
        "他乘坐“慢火车”去了省城，沿途风景很美。",  # no cue in its sentence
    ],
)
def test_a_quoted_description_or_a_thing_far_from_poverty_is_no_model(text):
    assert names(text) == [], names(text)


@pytest.mark.parametrize(
    "text,programme",
    [
        ("对无法集中安置的搬迁户采取插花安置，购买村里的闲置住房。", "分散安置"),
        ("开展推普脱贫攻坚行动，让贫困群众学会普通话。", "推普脱贫"),
        ("实施交通扶贫，修通了通往贫困村的公路。", "交通扶贫"),
    ],
)
def test_programmes_the_thesaurus_gained(text, programme):
    assert programme in [i["programme"] for i in find_initiatives(text)]


def test_a_quoted_name_before_its_form_or_its_award_is_a_model_without_that_word():
    assert "贷资入股" in names("让贫困户以“贷资入股”的形式加入合作社，按效益分红脱贫。")
    assert "八星励志" in names("陕西通过“八星励志”评选，将扶贫与扶志结合。")
    assert names("各地举办“我最喜欢的十部扶贫电影”评选活动。") == []  # a description holding 的


def test_an_office_named_for_a_programme_is_no_programme():
    assert "乡村振兴" not in names("国家乡村振兴局今天部署巩固脱贫成果工作。")
    assert "乡村振兴" in names("全面推进乡村振兴，巩固脱贫成果。")


def test_the_transition_is_read_in_full_as_printed():
    text = "要巩固脱贫攻坚成果同乡村振兴有效衔接，防止规模性返贫。"
    assert "巩固脱贫攻坚成果同乡村振兴有效衔接" in names(text)
    assert "同乡村振兴有效衔接" not in names(text)


def test_a_local_model_counts_anywhere_in_a_report_whose_headline_is_about_poverty_alleviation():
    body = (
        "贫困户脱贫增收，扶贫产业兴旺。" + "民勤县的红枣林改成了滴灌。" * 10 + "国家批复实施“防沙治沙和生态恢复工程”。"
    )
    assert "防沙治沙和生态恢复工程" in names("扶贫治沙 绿色发展\n" + body)
    assert "防沙治沙和生态恢复工程" not in names("治沙 绿色发展\n" + body)  # no cue near it


def test_programmes_of_the_years_after_the_transition():
    text = "实施常态化精准帮扶，推进乡村全面振兴，坚持摘帽不摘政策。"
    assert {"常态化帮扶", "乡村振兴战略", "四个不摘"} <= {i["programme"] for i in find_initiatives(text)}


def test_a_place_named_with_numerals_is_no_number_model():
    assert names("广西百色百坭村原驻村干部黄文秀帮助贫困户脱贫。") == []


def test_what_打造_takes_in_quotes_is_a_brand_not_a_model():
    assert names("当地把搬迁小区和森林公园一起打造“野玉海”大景区，带动贫困户增收。") == []
    assert "借芋还芋" in names("依靠“借芋还芋”，贫困户户均增收3000元。")


def test_a_quoted_model_before_的_and_a_four_character_kind():
    text = "民勤县探索出“外围封育、边缘治理、内部发展”的生态建设体系，带动百姓增收致富。"
    assert "外围封育、边缘治理、内部发展" in names(text)


def test_a_compound_stops_at_a_word_ending_in_a_launching_verb():
    assert not any(n.startswith("大力开展") for n in names("要大力开展消费扶贫行动，强化产销对接。"))


def test_a_metaphor_in_quotes_is_no_model():
    assert names("文朝荣：经营好村民的“绿色银行”，带领群众脱贫。") == []
