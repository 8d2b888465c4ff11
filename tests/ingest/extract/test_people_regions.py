"""A person's region: the place their title, their list or their sentence ties them to (stages.people)."""

import pytest


def regions(extract_one, text):
    return {p["name"]: p["region"] for p in extract_one(text).people}


@pytest.mark.parametrize(
    "text,name,region",
    [
        # a resident is of the place the sentence is in, clauses and a visit between
        ("在泾源县大湾乡杨岭村，他察看村容村貌，到回族贫困户马科、马克俊家中详细了解脱贫措施。", "马克俊", "640424"),
        ("在赫章县平山乡对江村，温家宝走进村民顾庆友的家。", "顾庆友", "520527"),
        # a county's officer, when the sentence's place is a county
        ("新年刚过，天镇县的家政服务培训班就开课了，副县长王剑辉全程紧盯。", "王剑辉", "140222"),
        # the title in brackets after the name
        ("会上，呼文战（虞城县委书记）介绍了经验。", "呼文战", "411425"),
        # a titled person listed after another of a place, with no place of their own
        ("此时，马边县交通局副局长李志强、局长助理曾德林、工程股副股长邹杨也准备出发。", "邹杨", "511133"),
        ("商丘市委书记王战营、市长张建慧出席。", "张建慧", "411400"),
    ],
)
def test_a_persons_region(extract_one, text, name, region):
    assert regions(extract_one, text).get(name, "absent") == region


@pytest.mark.parametrize(
    "text,name",
    [
        # the sentence before is not the resident's
        ("在泾源县大湾乡杨岭村考察。贫困户马科说，日子好了。", "马科"),
        # a post of the centre, listed after a county's
        ("会上，虞城县委书记呼文战、国务院扶贫办主任刘永富讲话。", "刘永富"),
        # a county's post and a prefecture printed before it: not that county's
        ("在商丘市，副县长王剑辉说。", "王剑辉"),
    ],
)
def test_no_region(extract_one, text, name):
    assert regions(extract_one, text).get(name, "absent") is None
