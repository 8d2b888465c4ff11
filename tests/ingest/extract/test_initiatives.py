import pytest

from archive.ingest.extract.initiatives import categorize, find_categories, find_initiatives
from archive.taxonomy import CATEGORIES, CATEGORY_KEYWORDS


def names(text):
    return [i["name"] for i in find_initiatives(text)]


@pytest.mark.parametrize(
    "text,name",
    [
        ("汉阴县创新推行“138”模式，做好后续扶持。", "138"),
        ("探索实践了“三变”改革。", "三变改革"),
        ("通过推行脱贫攻坚“总队长”制，即县委书记带头。", "总队长制"),
        ("车河模式的成功，把资产收益扶贫推向了多点开花。", "车河模式"),
        ("依靠“借芋还芋”，金阳县扩大魔芋种植。", "借芋还芋"),
        ("建设扶贫车间134个。", "扶贫车间"),
        ("“镇园产业联盟”模式被写进一号文件。", "镇园产业联盟"),
    ],
)
def test_named_initiatives(text, name):
    assert any(name in n for n in names(text)), names(text)  # the gold rule: a name found holds it


def test_initiative_category_from_its_name_then_its_sentence():
    assert categorize("扶贫车间") == "就业扶贫"
    assert categorize("138", "搬迁群众安置社区建好1个支部") == "易地扶贫搬迁"


def test_generic_words_are_not_models():
    assert names("创新发展模式和管理模式。") == []


def categories(text):
    return find_categories(text, find_initiatives(text))


def test_categories_follow_from_programmes_and_evidence_not_one_word():
    assert categories("发展电商。") == []  # one word is no evidence
    assert categories("发展电商，开展直播带货。") == ["电商扶贫"]  # a programme of the category and a word
    assert categories("推进健康扶贫。") == ["健康扶贫"]  # a programme alone
    assert categories("加大贫困地区教育投入，调研教育培训脱贫。") == ["教育扶贫"]  # the domain's own words, twice


def test_programmes_by_any_of_their_names():
    found = {
        i["name"]: i["programme"]
        for i in find_initiatives(
            "实施易地搬迁，建设社区工厂，开展家庭医生签约服务，落实东西部协作，贫困户纳入农村低保。"
        )
    }
    assert found == {
        "易地搬迁": "易地扶贫搬迁",
        "社区工厂": "扶贫车间",
        "家庭医生签约服务": "家庭医生签约服务",
        "东西部协作": "东西部扶贫协作",
        "农村低保": "农村最低生活保障",
    }


def test_a_quoted_only_name_needs_its_quotes():
    assert names("对脱贫人口开展“回头看”。") == ["回头看"]
    assert names("回头看看这些年的变化。") == []


@pytest.mark.parametrize(
    "text,name",
    [
        ("乌兰察布市启动实施医疗健康精准扶贫工程。", "医疗健康精准扶贫工程"),
        ("部署实施2016年健康扶贫工程。", "健康扶贫工程"),
        ("推出社会化企业扶贫、光伏扶贫等办法。", "社会化企业扶贫"),
        ("通过“动物寄养分红”等模式带动贫困户增收。", "动物寄养分红"),
        ("“集体经济破零行动”和“农村本土人才回归工程”", "农村本土人才回归工程"),
        ("出台《关于实施教育扶贫攻坚三年行动的意见》。", "教育扶贫攻坚三年行动"),
    ],
)
def test_local_models_where_reports_print_them(text, name):
    assert name in names(text)


@pytest.mark.parametrize(
    "text", ["科学谋划好“十三五”时期扶贫工作。", "通过“一对一”手拉手的帮扶。", "“十三五”实施健康扶贫工程"]
)
def test_periods_and_slogans_are_no_models(text):
    assert not any(n in ("十三五", "一对一", "十三五实施健康扶贫工程") for n in names(text)), names(text)


def test_one_name_per_programme_where_one_holds_another():
    assert names("坚持精准扶贫方略，做到精准扶贫。") == ["精准扶贫方略"]


def test_taxonomy_is_fixed_and_every_category_has_rules():
    assert len(CATEGORIES) == 15 and set(CATEGORY_KEYWORDS) == set(CATEGORIES)
