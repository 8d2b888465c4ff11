"""People the tagger reads where a report shows a thing, a fragment or a verb glued on, and titles
printed with an organisation or a country before them (people_things.py, people_titles.py)."""

import pytest

from .test_people import read


@pytest.mark.parametrize(
    "text,bad",
    [
        ("埃博拉疫情在西非蔓延，埃博拉病毒传播很快。", "埃博拉"),  # a disease
        ("乌方18日称，乌军在巴赫穆特方向发动进攻。", "乌军"),  # a country's army
        ("乌方18日称，乌军在巴赫穆特方向发动进攻。", "巴赫穆特"),  # a place, by what follows it
        ("伊朗外长阿拉格齐表示，伊中友谊长久牢固，伊方高度重视。", "伊中"),  # two countries
        ("在家门口就能过上好日子，这是很多辉山人想都不敢想的事。", "辉山人"),  # a place's folk
        ("汪洋还看望了委员。汪洋在昆明调研。", "汪洋还"),  # an adverb glued on
        ("安南还说，访问期间，双方均表示满意。", "安南还"),
        ("习近平在看望参加政协会议的农工党委员时强调，要主动担当。", "时强调"),  # 时 and a speech verb
        ("习近平在阿布贾会见尼日利亚总统。", "阿布贾"),  # a venue: 在 X 会见
        ("代表团当天抵达梅图拉，受到热烈欢迎。", "梅图拉"),  # where one arrives
    ],
)
def test_things_and_glued_words_are_no_people(text, bad):
    found = read(text)
    assert not any(bad == n or n.startswith(bad) for n in found), found


def test_the_tagger_names_the_person_an_adverb_follows():
    assert "汪洋" in read("汪洋还看望了委员。汪洋在昆明调研。")


def test_a_name_starting_inside_a_longer_one_is_a_fragment():
    found = read("国务院总理李克强同俄罗斯总理米舒斯京会谈。米舒斯京说，愿意合作。米舒斯京表示欢迎。")
    assert "米舒斯京" in found and "舒斯京" not in found, found


@pytest.mark.parametrize(
    "text,name,title",
    [
        ("外交部部长助理刘建超会见了代表团。", "刘建超", "外交部部长助理"),  # a post on no list, its ministry before it
        ("俄总统新闻秘书佩斯科夫表示，俄方欢迎。", "佩斯科夫", "俄总统新闻秘书"),  # a country's short name before it
        ("乌克兰总统泽连斯基25日称，反攻已经开始。", "泽连斯基", "总统"),
        ("梁琰委员认为，要加大投入。", "梁琰", "委员"),  # a post after the name
        ("张伯军常委提出，要深入推进规则对接。", "张伯军", "常委"),
        ("李冬梅获得女子组冠军。", "李冬梅", "女子组冠军"),  # what she won, stated after the name
        ("全国人大常委会副委员长王晨、曹建明、张春贤出席。", "张春贤", "全国人大常委会副委员长"),  # one title, a list
        ("国家预防腐败局局长杨晓渡和中共中央组织部副部长齐玉介绍情况。", "齐玉", "中共中央组织部副部长"),  # not 和…
    ],
)
def test_titles_as_printed(text, name, title):
    found = read(text)
    assert name in found, found
    assert found[name]["title"] == title, found[name]


def test_a_list_ends_where_the_next_name_has_its_own_title():
    found = read("会见亚美尼亚总统萨尔基相、阿富汗总统加尼、白俄罗斯总统卢卡申科。")
    assert found["萨尔基相"]["title"] == "总统" and found["卢卡申科"]["title"] == "总统", found
    assert not any(n.startswith("阿富") for n in found), found  # (阿富汗: a country)


def read_as_ingest(text):
    """People as the ingest finds them: the tagger also reads the sentences where a word may follow a title."""
    from archive.ingest.extract import proper_nouns
    from archive.ingest.extract.people import find_people
    from archive.ingest.extract.people_merge import merge_people
    from archive.ingest.extract.people_titles import doubtful_after_titles
    from archive.ingest.extract.tagger import Tokens

    tokens = Tokens(text)
    nouns = proper_nouns.tag(text, tokens, doubtful_after_titles(text))
    return {p["name"] for p in merge_people(find_people(text, None, (), tokens, nouns), None, text)}


@pytest.mark.parametrize(
    "text,bad",
    [
        ("这个藏历新年，很多农牧民群众乔迁新居。", "乔迁"),  # a verb after a title
        ("大家一致表示，广大文艺工作者应坚定立场。", "应坚定"),  # (no credit inside 工作者)
        ("时间紧迫，七百个工人齐上阵。", "齐上阵"),
        ("当天，在东京首相官邸外和福岛县都有民众举行集会。", "官邸外"),  # a noun after a title
    ],
)
def test_a_word_after_a_title_is_no_name(text, bad):
    assert bad not in read_as_ingest(text)


def test_a_name_after_a_title_stands():
    assert "张冠军" in read_as_ingest("墨玉县委书记张冠军坦言：要让群众过上好日子。")


@pytest.mark.parametrize(
    "text,name",
    [
        ("俄罗斯总统普京和美国总统特朗普18日通话。", "普京"),  # a name the dictionary holds as a place, then 和
        ("得州居民迪安德尔·阿普肖自2月份以来的电费账单很高。", "迪安德尔·阿普肖"),  # not …阿普肖自
        ("1928年4月，朱德与毛泽东部队井冈山会师后。", "毛泽东"),  # a person's troops, no body's name
        ("已经昏迷8年之久的以色列前总理阿里埃勒·沙龙去世，享年85岁。", "阿里埃勒·沙龙"),  # as the tagger reads it
    ],
)
def test_the_name_as_printed(text, name):
    assert name in read_as_ingest(text)


def test_no_name_starts_after_a_names_dot():
    found = read_as_ingest("已经昏迷8年之久的以色列前总理阿里埃勒·沙龙去世，享年85岁。")
    assert found == {"阿里埃勒·沙龙"}, found
