import pytest

from archive.ingest.extract.people import find_people, merge_people


def people(text):
    return {p["name"]: p["title"] for p in merge_people(find_people(text))}


@pytest.mark.parametrize("text,name,title", [
    ("“发展产业是根基。”平利县委书记郑小东说。", "郑小东", "县委书记"),
    ("江油市战旗镇白沙村*委书记陈光玉说。", "陈光玉", "村党委书记"),
    ("4月21日，习近平总书记来到平利县。", "习近平", "总书记"),
    ("陈封学说：“带领我致富的人，也曾是贫困户。”", "陈封学", None),
    ("前段时间还在俺们村拍节目！”搬迁户陈焕乐呵呵地向记者讲述。", "陈焕", "搬迁户"),
    ("柳林坝村第一书记胡珂立下誓言", "胡珂", "第一书记"),
    ("墨玉县委书记张冠军坦言：", "张冠军", "县委书记"),
    ("图为新安万亩水果产业园。马俊摄", "马俊", "摄影"),
    ("按股分红。(刘毅)", "刘毅", "作者"),
    ("作为社区加工厂负责人，孙自立是较早返乡创业者。", "孙自立", "负责人"),
    ("本报讯(通讯员 邓永新)10月17日", "邓永新", "通讯员"),
    ("白崖峪村的贫困户蚂蚱养殖户武六孩告诉记者。", "武六孩", "养殖户"),
])
def test_people_found(text, name, title):
    assert people(text).get(name, "missing") == title


@pytest.mark.parametrize("text,bad", [
    ("被群众称为“拼命三宝”", "拼命三宝"),
    ("以“三沈”“沈氏家训”为抓手", "三沈"),
    ("启动御源军项目，对御源军集中进行培训，御源军119人", "御源军"),
    ("一名村民高兴地说", "高兴地"),
    ("平利党员干部万众一心", "万众"),
    ("真正让搬迁群众安居乐业", "安居"),
    ("厚道就是我的榜样", "厚道就是"),
    ("县脱贫攻坚指挥中心由县委书记任总指挥", "任总"),
])
def test_not_people(text, bad):
    assert not any(bad in n or n in bad for n in people(text)), people(text)


def test_repeated_untitled_name_in_a_persons_context():
    text = "袁仕应正熟练地运送产品。因小时候受伤，袁仕应落下残疾。现在，袁仕应夫妻俩都进厂上班。"
    assert "袁仕应" in people(text)


def test_same_name_keeps_the_first_title():
    assert people("县长陈伦富说。陈伦富说：“好。”") == {"陈伦富": "县长"}


def test_title_region_from_the_place_before_it():
    found = find_people("平利县委书记郑小东说", region_at=lambda offset: "610926" if offset <= 3 else None)
    assert found[0].region == "610926"
