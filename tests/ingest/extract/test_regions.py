import pytest

from archive.ingest.extract.gazetteer_index import default_gazetteer
from archive.ingest.extract.regions import find_regions, summarize_regions


def codes(text):
    return [m.code for m in find_regions(text, default_gazetteer())]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("陕西省平利县脱贫攻坚", ["610000", "610926"]),
        ("北川在脱贫攻坚过程中探索出新模式。四川省绵阳市", ["510726", "510000", "510700"]),
        ("广西融水、隆林等7个贫困县", ["450000", "450225", "451031"]),
        ("新疆和田、喀什两地区深入挖掘", ["650000", "653200", "653100"]),
        ("四川凉山州的盐源苹果", ["510000", "513400", "513423"]),
    ],
)
def test_places_found(text, expected):
    assert codes(text) == expected


@pytest.mark.parametrize(
    "text,wrong",
    [
        ("平利县老县镇太山廟村", None),  # a town, not a county
        ("漩涡镇朝阳村村民罗云", "朝阳"),  # a village named 朝阳
        ("搬到涧池镇紫云社区", "520425"),  # a community, not 紫云苗族布依族自治县
        ("江油市新安镇", "410323"),  # a town, not 新安县 of Henan
        ("依托安康北医大平利天然药业有限公司", "610926"),  # a company
        ("西安交通大学派驻", "610100"),  # a university
        ("绿水青山就是金山银山", "310116"),  # an idiom, not 金山区
        ("让搬迁群众安居乐业", "451028"),  # not 乐业县
    ],
)
def test_not_divisions(text, wrong):
    found = codes(text)
    if wrong == "朝阳":
        assert not any(c in ("110105", "211300", "211321", "220104") for c in found), found
    elif wrong:
        assert wrong not in found
    assert found in ([], ["610926"], ["510781"]), found


def test_short_county_names_need_their_province_or_prefecture():
    assert codes("胡仁怀被吸引回乡后流转山地") == []  # 仁怀 is a county in Guizhou, not named here
    assert "520382" in codes("贵州仁怀的酱香酒")


def test_shared_short_names_are_disambiguated_by_context():
    assert "211300" in codes("辽宁朝阳市")  # not the Beijing district
    assert "110105" in codes("北京市朝阳区")


def test_primary_region():
    gz = default_gazetteer()
    text = "平利县" * 5 + "安康市陕西省西安市"
    summary = summarize_regions(find_regions(text, gz), gz)
    assert [r["code"] for r in summary if r["primary"]] == ["610926"]
    survey = "甘肃宕昌县。宁夏西吉县。广西融水县。贵州从江县。"
    assert not any(r["primary"] for r in summarize_regions(find_regions(survey, gz), gz))


def test_seed_regions(docs):
    assert {r["code"] for r in docs["004"].regions} == {"610921", "610000"}
    assert {r["code"] for r in docs["002"].regions} <= {"140224", "140000", "110000", "140200"}
    assert "140224" in {r["code"] for r in docs["002"].regions}


@pytest.mark.parametrize(
    "text,code",
    [
        ("湖北襄樊市推进精准扶贫。", "420600"),  # renamed 襄阳市 in 2010
        ("山东定陶县实施易地扶贫搬迁。", "371703"),  # 定陶区 since 2016
        ("贵州毕节黔西市脱贫摘帽。", "520522"),  # the gazetteer's 黔西县, 黔西市 since 2021
        ("山西大同云州区发展黄花产业。", "140227"),  # the gazetteer's 大同县
        ("重庆石柱县中益乡的贫困户。", "500240"),  # 石柱土家族自治县, as reports name it
        ("甘肃临夏回族自治州东乡县的扶贫车间。", "622926"),  # 东乡族自治县, not 江西的东乡
        ("重庆市在奉节，巫山等地开展巡诊。", "500236"),  # a county right under its province, backed by it
        ("山西太原阳曲县在去年脱贫摘帽。", "140100"),  # a city the dictionary knows as a place
    ],
)
def test_places_as_reports_name_them(text, code):
    assert code in codes(text)


def test_a_mountain_range_is_no_prefecture():
    assert "141100" not in codes("在山西吕梁山区的赤坚岭村，光伏扶贫带动贫困户增收。")


def test_former_names_table_is_built_from_the_renames():
    from archive.gazetteer import read_former_names

    rows = {(name, code): kind for name, code, kind, _date in read_former_names()}
    assert rows[("襄樊市", "420600")] == "former" and rows[("黔西市", "520522")] == "later"
    assert ("郧县", "420322") not in rows  # diff.json maps 郧县 to 郧西县: a stem check refuses it
