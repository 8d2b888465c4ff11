"""The programme thesaurus: one data module, checked as data."""

from archive.programmes import BY_KEY, NAMES, PROGRAMMES, QUOTED_ONLY, synonyms
from archive.taxonomy import CATEGORIES


def test_at_least_150_programmes_each_with_a_source_a_category_and_a_line():
    assert len(PROGRAMMES) >= 150
    for p in PROGRAMMES:
        assert p.source and p.about, p.key
        assert p.category in CATEGORIES or p.category == "", p.key
        assert p.scope in ("national", "regional"), p.key


def test_no_name_names_two_programmes_and_every_name_finds_its_own():
    for p in PROGRAMMES:
        for name in p.all_names:
            assert NAMES[name] == p.key


def test_the_programmes_the_issue_names_are_there():
    for key in (
        "精准扶贫",
        "两不愁三保障",
        "五个一批",
        "六个精准",
        "建档立卡",
        "驻村工作队",
        "第一书记",
        "光伏扶贫",
        "农村危房改造",
        "东西部扶贫协作",
        "闽宁协作",
        "定点扶贫",
        "扶贫车间",
        "消费扶贫",
        "扶贫小额信贷",
        "生态护林员",
    ):
        assert key in BY_KEY, key
    assert "社区工厂" in synonyms("扶贫车间") and "易地搬迁" in synonyms("易地扶贫搬迁")
    assert "回头看" in QUOTED_ONLY
