"""Short unquoted names of a kind made for poverty alleviation, after a verb that makes them (推出阳光存折)."""

import pytest

from tests.ingest.extract.readers import initiative_names as names


@pytest.mark.parametrize(
    "text,name",
    [
        ("当地推出阳光存折，让贫困户的补贴一目了然。", "阳光存折"),
        ("县里打造天文小镇，带动周边贫困户增收。", "天文小镇"),
        ("乡里开办农民夜校，助力脱贫攻坚。", "农民夜校"),
    ],
)
def test_a_short_name_of_a_kind_after_a_verb_that_makes_it(text, name):
    assert name in names(text), names(text)


@pytest.mark.parametrize(
    "text,name",
    [
        ("玫瑰谷正在结合美丽乡村建设发展特色小镇，带动贫困户增收。", "发展特色小镇"),  # a verb and a generic kind
        ("当地推出阳光存折，方便储户办理业务。", "阳光存折"),  # no word about poverty alleviation in its sentence
    ],
)
def test_no_name_without_a_cue_or_of_a_generic_kind(text, name):
    assert name not in names(text), names(text)
