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


def read(text):
    """The regions as extraction finds them: with the segmenter's words and the statistical tagger."""
    from archive.ingest.extract import proper_nouns
    from archive.ingest.extract.regions import ambiguous_places
    from archive.ingest.extract.tagger import Tokens

    gz = default_gazetteer()
    tokens = Tokens(text)
    nouns = proper_nouns.tag(text, tokens, ambiguous_places(gz.scan(text), gz.places))
    return find_regions(text, gz, None, tokens, nouns)


@pytest.mark.parametrize(
    "text,wrong",
    [
        ("上海的干部说，绿水青山就是金山银山。", "310116"),  # an idiom: no 金山区
        ("河北雄安新区建设加快。", "130632"),  # 雄安|新区: no 安新县
        ("推动东北振兴，辽宁省加快发展。", "210603"),  # 振兴 the verb: no 振兴区
        ("北京市委要求在全党大兴调查研究之风。", "110115"),  # 大兴 "to promote": no 大兴区
        ("新疆天山南北风光无限。", "650102"),  # a word of its own: no 天山区
        ("云南省坚持重大理论创新。", "532900"),  # 重大|理论: no 大理州
        ("云南澜沧江畔。", "530828"),  # a river: no 澜沧县
        ("点亮万千山区女孩的梦想。", "210311"),  # 万千|山区: no 千山区
        ("贵州的胡仁怀种下了茶树。胡仁怀说", "520382"),  # a person's name: no 仁怀市
    ],
)
def test_places_inside_other_words_are_no_places(text, wrong):
    assert wrong not in {m.code for m in read(text)}


@pytest.mark.parametrize(
    "text,expected",
    [
        ("甘肃河西走廊的戈壁滩上。", {"620000"}),  # the province before a river's name
        ("在山西太原阳曲县归朝村。", {"140000", "140100", "140122"}),  # one word of places
        ("江苏常州、福建厦门给古树建立档案。", {"320000", "320400", "350000", "350200"}),
        ("海拔4600多米的西藏阿里地区普兰县。", {"540000", "542500", "542521"}),
        ("洋县脱贫摘帽。洋县的朱鹮。", {"610723"}),  # a two-character county no word shares, printed twice
        ("广西融水、隆林等县。", {"450000", "450225", "451031"}),  # the province right before it
    ],
)
def test_places_as_whole_words(text, expected):
    assert {m.code for m in read(text)} == expected


def test_primary_regions_of_a_province_and_of_two_subjects():
    gz = default_gazetteer()
    province = "福建省。" * 4 + "四川省。浙江省。"
    assert [r["code"] for r in summarize_regions(find_regions(province, gz), gz) if r["primary"]] == ["350000"]
    pair = "兴和县与西城区。" * 3 + "北京市。"  # a pairing: both are its subject
    assert {r["code"] for r in summarize_regions(find_regions(pair, gz), gz) if r["primary"]} == {"150924", "110102"}
    title = "从江县的百香果"
    text = title + "\n贵州省贵州省贵州省贵州省。从江县。"
    assert [r["code"] for r in summarize_regions(find_regions(text, gz), gz, len(title)) if r["primary"]] == ["522633"]


def test_a_name_followed_by_its_own_office_is_the_place():
    assert "610723" in {m.code for m in read("今年以来，洋县扶贫办组织干部走村入户。")}
    assert "431225" not in {m.code for m in read("国务院扶贫办会同扶贫办、教育部开展工作。")}  # 会同: "together with"


def test_a_rare_name_before_its_own_news_outlet_is_the_place():
    assert "431129" in {m.code for m in read("江华新闻网消息，今年以来扶贫工作取得进展。")}
