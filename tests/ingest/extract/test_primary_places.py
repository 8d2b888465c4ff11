"""Primary places: a province over its few examples, a place named twice in a long report, cities read alone."""

from tests.ingest.extract.test_regions import read
from tests.ingest.extract.test_regions_words import primary

FILLER = "大家表示，要拼搏创新、苦干实干，守好发展和生态两条底线。" * 20  # a long report's body (> 500 characters)


def test_a_province_weighing_twice_its_places_is_the_subject():
    text = "贵州的同志。贵州百姓。多彩贵州。贵州团。贵州是主战场。贵州未来。毕节市委书记说。毕节探索。毕节坪箐村。"
    assert primary(text, "习近平参加贵州省代表团讨论") == {"520000"}
    assert primary("平利县。" * 5 + "陕西省。" * 3) == {"610926"}  # the control: the county leads


def test_a_place_named_twice_in_a_long_reports_body_is_an_example():
    text = "四川省芦山县发生强烈地震。" + FILLER + "各国就四川芦山地震表示慰问。"
    assert primary(text, "习近平接受九国新任驻华大使国书") == set()
    assert primary("芦山县。" * 2 + FILLER, "芦山县的重建") == {"511826"}  # named in the title: the subject


def test_an_international_body_named_after_a_city_is_no_place():
    assert "310000" not in {m.code for m in read("出席上海合作组织成员国元首理事会第十五次会议。")}


def test_a_city_the_dictionary_and_the_tagger_read_is_a_place():
    assert "320100" in {m.code for m in read("南京青奥村今天正式开村。青奥村位于南京河西新城滨江沿岸。")}
    assert "232700" not in {m.code for m in read("大兴安岭林区的冬天来得早，大兴安岭的雪厚。")}  # the mountains


def test_a_village_printed_again_and_again_counts_for_the_reports_only_county():
    villages = "油溪桥村位于山脚下。油溪桥村发展稻田养殖。油溪桥村的日子红火。晨光村的村民看在眼里。晨光村没有产业。"
    assert primary("在湖南省新化县有两个小村庄。" + villages + FILLER, "脱贫纪事") == {"431322"}
    border = "西藏有628个边境村。这两天，错那县勒乡的山茶成熟了。西藏实施边境村建设。西藏边境村道路通达。"
    assert "540530" not in primary(border + FILLER, "西藏助力边境村脱贫")  # 边境村: no village's name
