"""Places never read inside another word, primary places, and the place a person's title ties them to."""

import pytest

from archive.ingest import run_pipeline
from archive.ingest.extract.gazetteer_index import default_gazetteer
from archive.ingest.extract.regions import find_regions, summarize_regions
from tests.ingest.extract.test_regions import read


@pytest.mark.parametrize(
    "text,wrong",
    [
        ("菏泽市开发出牡丹花茶等多种产品。", "371702"),  # the flower, in a report that names 菏泽: no 牡丹区
        ("今天是开江以来的第一天。", "511723"),  # the river opening: no 开江县
        ("老城区改造让居民住上了新房。", "410302"),  # the old town: no 洛阳's 老城区
        ("北京时间昨晚，比赛结束。", "110000"),  # the time zone
        ("河南博物院举办文物展览。", "410000"),  # a museum named after its province
        ("西藏的全国政协委员贡觉曲珍说，要保护好环境。", "540322"),  # a person's name: no 贡觉县
    ],
)
def test_a_place_inside_another_word_is_no_place(text, wrong):
    assert wrong not in {m.code for m in read(text)}


@pytest.mark.parametrize(
    "text,code",
    [
        ("新疆生产建设兵团推进脱贫攻坚。", "650000"),  # the corps governs land in 新疆 (docs/DECISIONS.md)
        ("中共平利县委召开会议，平利县脱贫摘帽。", "610926"),
        ("广西融水、隆林等县。", "450225"),  # the province right before a name the tagger reads as a verb
        ("四川省达州市开江县的干部说。", "511723"),
        ("受疫情影响，四川凉山州的盐源苹果一度滞销。", "513423"),  # a product of the county its prefecture names
    ],
)
def test_a_place_as_a_word_stays(text, code):
    assert code in {m.code for m in read(text)}


def primary(text, title=""):
    gz = default_gazetteer()
    full = title + "\n" + text if title else text
    end = len(title)
    return {r["code"] for r in summarize_regions(find_regions(full, gz), gz, end, full) if r["primary"]}


def test_a_meetings_venue_is_not_primary():
    assert primary("遵义市的干部说。遵义市。") == {"520300"}  # the control: a report about 遵义
    assert primary("全国扶贫工作现场会在遵义市召开。遵义市。") == set()


def test_a_roundup_has_no_primary():
    assert primary("平利县。平利县。平利县。", "平利县的茶园") == {"610926"}
    assert primary("平利县。平利县。平利县。", "国内联播快讯") == set()


def test_a_survey_of_many_provinces_has_no_primary():
    assert primary("平利县。平利县。陕西省。甘肃省。") == {"610926"}
    assert primary("平利县。平利县。甘肃省。贵州省。四川省。云南省。") == set()
    assert primary("兴和县与西城区。" * 3 + "北京市。") == {"150924", "110102"}  # a pairing of two provinces


def people(text):
    doc = run_pipeline("t.txt", f"座谈会\n新闻联播 2019年03月08日\n{text}\n".encode())
    return {p["name"]: p["region"] for p in doc.people}


def test_a_persons_place_is_the_one_their_title_shares():
    found = people("内蒙古自治区党委书记孙绍骋、上海市委书记陈吉宁、浙江省委书记王浩参加座谈。")
    assert found == {"孙绍骋": "150000", "陈吉宁": "310000", "王浩": "330000"}


def test_a_post_of_the_centre_is_no_places():
    assert people("云南全省牢记习近平总书记的嘱托，加快发展。").get("习近平", "absent") is None
