"""Kinds of words read as names, and names cut short, found on judged builds (seed 20261220; issue 24):
a title that ends inside a longer word, an address (surname and post), a country's side, a short quote,
a surname that ends the word before it, a foreign name cut where its characters run on, and a part
of a longer name printed again (people.py, names.py, people_things.py, people_merge.py)."""

import pytest

from archive.ingest.extract.people_merge import merge_people
from archive.ingest.extract.people_titles import PersonMention

from .readers import extract_text
from .test_people import read


def names_in(text):
    return {p["name"]: p for p in extract_text(text).people}


@pytest.mark.parametrize(
    "text,bad",
    [
        ("一个三岁半的小男孩从一栋居民楼三楼窗户坠落。", "楼三楼"),  # 居民 of 居民楼
        ("下任主席国由俄罗斯担任。", "国由"),  # 主席 of 主席国
        ("叙利亚军方称，损失巨大。", "方称"),  # 亚军 inside 叙利亚军方
        ("在耶路撒冷分别会见内塔尼亚胡总理和瑞夫林总统。", "胡总理"),  # a surname and a post: an address
        ("欧方表示，建交50年来，欧中各自取得巨大发展。", "欧方"),  # a country's side, before a speech verb
        ("巴方愿同中方加强合作，巴方愿意推动。", "巴方愿"),
        ("在达尔文附近海域进行的“卡卡杜-2018”多国海上联合演习进入实兵演练阶段。", "卡卡杜"),  # a short quote
        ("同米尔济约耶夫总统共商中乌合作大计。", "商中乌"),  # 共商: the surname ends the word before it
        ("陕西：让保障房群众乐享社区服务", "乐享"),  # a verb of the dictionary after a title
        ("“王杰班”全体战士、北京体育大学研究生冠军班同学给我写了信。", "班同学"),  # an address
        ("[视频]到群众中去·整改进行时 海关总署：办实事重整改", "中去·整改"),  # a dot, no person after it
        ("叙利亚政府军在伊德利卜省发动进攻。伊德利卜局势持续紧张。", "伊德利卜"),  # a place's level after it
        ("干事长谷垣祯一和干事长井上义久会谈。谷垣和井上均表示，愿意合作。", "井上均"),  # an adverb glued on
    ],
)
def test_words_are_no_people(text, bad):
    found = names_in(text)
    assert not any(bad in n or n in bad for n in found), found


@pytest.mark.parametrize(
    "text,name",
    [
        ("国际空间站俄罗斯舱段任务负责人索洛维约夫的话说，目前空间站有足够的食物。", "索洛维约夫"),
        ("联合国秘书长古特雷斯表示，各方应保持克制。", "古特雷斯"),
        ("日本首相安倍晋三通过视频，祝贺中华人民共和国成立70周年。", "安倍晋三"),  # the dictionary's person
        ("村民罗志正在地里忙着收玉米。", "罗志"),  # a title on a word boundary still anchors
        ("县委书记林丹说，要发展产业。", "林丹"),  # no foreign name runs on
        ("国务院总理李强出席。李强市长表示欢迎。", "李强"),  # a title after it is no place's level
        ("国家邮政局局长马军胜说，将发力解决快递送达最后一公里的问题。", "马军胜"),  # 马军: no army
        ("兵团一师的王东还在阿拉尔市分会场与刘佳义通过视频交流。", "王东"),  # 还在: no verb glued on
        ("村民如则·阿皮孜说，日子越来越好。", "如则·阿皮孜"),  # a title and a dot: the tagger's 如|则 aside
        ("会议听取了代表资格审查委员会主任委员杨晓超作的关于代表资格的报告。", "杨晓超"),  # not 杨晓|超作
        ("会议听取了财政经济委员会主任委员徐绍史作的审查结果报告。", "徐绍史"),
        ("最高人民法院院长周强作工作报告。", "周强"),
    ],
)
def test_names_whole(text, name):
    found = names_in(text)
    assert name in found, found


@pytest.mark.parametrize(
    "text,name,short",
    [
        (
            "以“感动中国十大人物”之一的阿尼帕·阿力马洪真实事迹改编的电影在北京首映。"
            "影片讲述了维吾尔族母亲阿尼帕几十年间抚养19个孩子的故事。",
            "阿尼帕·阿力马洪",
            "阿尼帕",
        ),
        ("印度总理纳兰德拉·莫迪将于下月访华。莫迪表示欢迎。", "纳兰德拉·莫迪", "莫迪"),
    ],
)
def test_a_part_printed_again_is_the_whole_name(text, name, short):
    found = names_in(text)
    assert name in found and short not in found, found


def test_placeholders_are_no_one():
    found = read("犯罪嫌疑人王某被抓获。王某某交代了犯罪事实。被告人李某某被判刑。村民张某说，不知情。")
    assert not any("某" in n for n in found), found


@pytest.mark.parametrize(
    "titles,shown",
    [
        (("主席", "会议执行主席"), "会议执行主席"),  # the fuller post, printed later, wins
        (("主席", "县长", "会议执行主席"), "会议执行主席；县长"),  # in the place of the short one
        (("会议执行主席", "主席"), "会议执行主席"),
        (("县委书记", "县长"), "县委书记；县长"),  # distinct posts stay joined
    ],
)
def test_a_fuller_title_outranks_a_short_one(titles, shown):
    mentions = [PersonMention("张三", t, "official", 10 * i) for i, t in enumerate(titles)]
    assert merge_people(mentions)[0]["title"] == shown


def test_the_start_of_a_name_misread_long_is_another():
    found = names_in("神舟乘组航天员王杰出舱活动。航天员陈冬、陈中瑞、王杰密切协同，圆满完成任务。")
    assert "王杰" in found, found
