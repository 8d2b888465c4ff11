"""The shared table of abroad (foreign_patterns.py) is the one places, figures and persons use."""

from archive.ingest.extract import metric_context, people_patterns, region_patterns
from archive.ingest.extract.foreign_patterns import COUNTRIES, COUNTRY_SHORT, FOREIGN


def test_one_table_for_all_users():
    assert region_patterns.FOREIGN is FOREIGN
    assert metric_context.FOREIGN is FOREIGN
    assert people_patterns.COUNTRY_SHORT is COUNTRY_SHORT


def test_guards_keep_chinese_words_out():
    assert FOREIGN.search("韩国平昌")
    assert FOREIGN.search("朝鲜半岛")
    assert not FOREIGN.search("朝鲜族群众")
    assert not FOREIGN.search("内蒙古国道")
    assert FOREIGN.search("前往蒙古国")
    assert not FOREIGN.search("中非合作论坛")


def test_every_country_matches_itself():
    for name in (e[0] if isinstance(e, tuple) else e for e in COUNTRIES):
        assert FOREIGN.fullmatch(name), name
