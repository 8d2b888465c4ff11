from datetime import date

import pytest

from archive.ingest.extract.metrics import find_metrics


def figs(text):
    return [(f.value, f.unit, f.approx) for f in find_metrics(text)]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("有1.2万户贫困户实现全覆盖", [(12000, "户", False)]),
        ("贷款总计8365.66万元", [(83656600, "元", False)]),
        ("8.3万户、22.7万建档立卡贫困人口全部退出", [(83000, "户", False), (227000, "人", False)]),
        ("全县共有贫困人口26811户74615人", [(26811, "户", False), (74615, "人", False)]),
        ("贫困发生率由45%下降至0.74%", [(45, "%", False), (0.74, "%", False)]),
        ("新社区工厂已提供就业岗位6000余个", [(6000, "个", True)]),
        ("共投入公益资金2300余万元", [(23000000, "元", True)]),
        ("每年可带来60多万元的收入", [(600000, "元", True)]),
        ("特色农业1.5万余亩", [(15000, "亩", True)]),
        ("每月工资2000元左右", [(2000, "元", True)]),
        ("户均增收3000元以上", [(3000, "元", True)]),
        ("近三千人参加培训", [(3000, "人", True)]),
        ("带动两万户", [(20000, "户", False)]),
        ("5000个贫困家庭户均增收", [(5000, "户", False)]),
        ("辖10个镇141行政村", [(10, "个", False), (141, "个", False)]),
        ("灵丘面积2732平方公里", [(2732, "平方公里", False)]),
        ("解决群众需求4万余件次", [(40000, "件次", True)]),
        ("招录86名干部", [(86, "人", False)]),
    ],
)
def test_figures(text, expected):
    assert figs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "连续六次荣膺考核第一名",
        "一人一村担任总队长",
        "面对千头万绪的工作",
        "打通了最后一公里",
        "实施“五个十万”产业扶贫计划",
        "“3+10+N”政策体系",
        "出台《全面决战决胜脱贫攻坚46条硬措施》",
        "四位一体的带贫机制",
        "截至年底，绵阳市个贫困村全部退出",
        "帮助销售滞销扶贫产品余万元",
        "外出务工就业率达%",
        "户均增收0元",
        "10月17日，在2020年大会上",
        "电话:029—63905675",
        "京ICP备12024993号",
        "“十个一律”",
        "为期10天的培训",
        "59岁的第一书记",
    ],
)
def test_not_figures(text):
    assert figs(text) == []


def test_quote_sentence_year_and_original_script():
    text = "據統計，2018年以來全縣累計減貧20466戶。"
    from archive.ingest.normalize import t2s

    (f,) = find_metrics(t2s(text), text, published=date(2019, 3, 2))
    assert f.quote == "20466戶" and f.year == 2019 and f.sentence == text  # a total since 2018: to the report's date
    assert text[f.start : f.start + len(f.quote)] == f.quote


def test_region_of_a_figure():
    (f,) = find_metrics("汉阴县建成社区工厂47个。", region_at=lambda pos: "610921")
    assert f.region == "610921"


@pytest.mark.parametrize(
    "text,expected",
    [
        ("他连续三年进入全市前十名。", []),  # a rank, no count
        ("比赛排名前3位的选手", []),
        ("目前10名患者在医院", [(10, "人", False)]),  # 目前: a count
        ("前来的20名志愿者", [(20, "人", False)]),
    ],
)
def test_a_rank_is_no_count(text, expected):
    assert figs(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # a 次 number in a clause that prints a train's code is a train's too
        ("太原至大同往返K7807/08、太原至永济4625次、太原至宝鸡2669次，8趟列车共有乘客。", []),
        ("全年检测4625次，G1234次列车晚点。", [(4625, "次", False)]),  # another clause: a count
    ],
)
def test_a_train_number_is_no_count(text, expected):
    assert figs(text) == expected


def test_a_price_per_ounce_is_a_unit_price():
    assert [(f.value, f.unit) for f in find_metrics("现货白银价格一度触及每盎司96.91美元")] == [(96.91, "美元/盎司")]


def test_a_rate_of_exchange_is_no_amount():
    assert figs("日元汇率一度触及1美元兑160.7日元的低位") == []
