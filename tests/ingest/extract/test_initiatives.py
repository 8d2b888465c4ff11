import pytest

from archive.ingest.extract.initiatives import categorize, find_categories, find_initiatives
from archive.taxonomy import CATEGORIES, CATEGORY_KEYWORDS


def names(text):
    return [i["name"] for i in find_initiatives(text)]


@pytest.mark.parametrize("text,name", [
    ("汉阴县创新推行“138”模式，做好后续扶持。", "138"),
    ("探索实践了“三变”改革。", "三变改革"),
    ("通过推行脱贫攻坚“总队长”制，即县委书记带头。", "总队长制"),
    ("车河模式的成功，把资产收益扶贫推向了多点开花。", "车河模式"),
    ("依靠“借芋还芋”，金阳县扩大魔芋种植。", "借芋还芋"),
    ("建设扶贫车间134个。", "扶贫车间"),
    ("“镇园产业联盟”模式被写进一号文件。", "镇园产业联盟"),
])
def test_named_initiatives(text, name):
    assert name in names(text)


def test_initiative_category_from_its_name_then_its_sentence():
    assert categorize("扶贫车间") == "就业扶贫"
    assert categorize("138", "搬迁群众安置社区建好1个支部") == "易地扶贫搬迁"


def test_generic_words_are_not_models():
    assert names("创新发展模式和管理模式。") == []


def test_categories_need_two_hits_or_their_own_name():
    assert find_categories("发展电商。") == []
    assert find_categories("发展电商，开展直播带货。") == ["电商扶贫"]
    assert find_categories("推进健康扶贫。") == ["健康扶贫"]


def test_taxonomy_is_fixed_and_every_category_has_rules():
    assert len(CATEGORIES) == 15 and set(CATEGORY_KEYWORDS) == set(CATEGORIES)
