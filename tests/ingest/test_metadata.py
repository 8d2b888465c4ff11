import re
from datetime import date

import pytest

from archive.ingest import read_document
from archive.ingest.metadata import parse_byline, parse_date

EXPECTED = {
    0: dict(
        title="“六連冠”是怎樣煉成的",
        subtitle="陜西省平利縣用繡花針功夫推進脫貧攻堅",
        source="陕西党建网",
        published=None,
        editor="魏捷",
        script="hant",
    ),
    1: dict(title=None, subtitle=None, source=None, published=None, editor=None, script="hans"),
    2: dict(
        title="勠力同心摘穷帽——灵丘县奋力脱贫攻坚综述",
        subtitle=None,
        source="山西日报",
        published=date(2018, 7, 2),
        editor=None,
        script="hans",
    ),
    3: dict(
        title="啃下硬骨頭,黨建扶貧這樣干②:支部唱主角 拓寬產業路",
        subtitle=None,
        source="中国组织人事报",
        published=date(2020, 5, 15),
        editor="靳建朋",
        script="hant",
    ),
    4: dict(
        title="决胜脱贫攻坚 建设幸福汉阴 实现全面小康",
        subtitle="访汉阴县委书记周永鑫",
        source=None,
        published=None,
        editor=None,
        script="hans",
    ),
}


@pytest.mark.parametrize("n", range(5))
def test_seed_metadata(n, docs):
    doc = docs[f"{n:03d}"]
    from archive.ingest.normalize import t2s

    got = dict(
        title=doc.title,
        subtitle=doc.subtitle,
        source=doc.source and t2s(doc.source),
        published=doc.published,
        editor=doc.editor and t2s(doc.editor),
        script=doc.script,
    )
    assert got == EXPECTED[n]


def test_byline_of_an_interview(docs):
    assert docs["004"].byline == [("王拥", "记者"), ("吴苏", "记者"), ("盛安智", "通讯员")]
    assert "记者 王拥" not in docs["004"].clean_text


def test_missing_title_is_flagged_with_a_fallback(docs):
    doc = docs["001"]
    assert doc.title is None
    assert doc.title_or_fallback.startswith("江油市新安镇利用")
    assert any("没有标题" in w for w in doc.warnings)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("发布时间:2020年05月15日 11:39", date(2020, 5, 15)),
        ("日期:2018-07-02", date(2018, 7, 2)),
        ("2019/3/9 来源", date(2019, 3, 9)),
        ("时间：2017.12.01", date(2017, 12, 1)),
        ("20160815", date(2016, 8, 15)),
        ("2018-13-45", None),
    ],
)
def test_date_formats(text, expected):
    assert parse_date(text) == expected


def test_byline_roles():
    assert parse_byline("本报记者 李明 通讯员 王芳、赵强") == [("李明", "记者"), ("王芳", "通讯员"), ("赵强", "通讯员")]


def test_title_not_taken_from_a_caption_or_sentence():
    doc = read_document("x.txt", "4月15日，在北川经开区的车间里，袁仕应正熟练地运送产品。唐巍摄\n正文第二段。".encode())
    assert doc.title is None


@pytest.mark.parametrize(
    "text,source,published,byline,first_words",
    [
        ("央视网消息（新闻联播）：脱贫攻坚进入决胜阶段。", "新闻联播", None, [], "脱贫攻坚"),
        ("中国网络电视台消息(新闻联播)：贵州雷山县创新扶贫资金使用。", "新闻联播", None, [], "贵州雷山"),
        (
            "新华社北京６月８日电（记者 胡浩）教育部今天发布通知，推进教育扶贫。",
            "新华社",
            None,
            [("胡浩", "记者")],
            "教育部",
        ),
        (
            "本报乌兰察布12月23日电 （记者 皇甫美鲜） 近日，医疗健康扶贫活动启动。",
            None,
            None,
            [("皇甫美鲜", "记者")],
            "近日",
        ),
        (
            "本报讯（记者 李明 通讯员 王芳、赵强）平利县新建社区工厂5家。",
            None,
            None,
            [("李明", "记者"), ("王芳", "通讯员"), ("赵强", "通讯员")],
            "平利县",
        ),
        (
            "平利县新建社区工厂5家，带动贫困户120户。\n《 人民日报 》（ 2019年02月10日 01 版）",
            "人民日报",
            date(2019, 2, 10),
            [],
            "平利县",
        ),
    ],
)
def test_datelines_give_source_date_and_byline_and_leave_the_text(text, source, published, byline, first_words):
    from archive.ingest.normalize import t2s

    doc = read_document("x.txt", text.encode())
    assert (doc.source and t2s(doc.source), doc.published, doc.byline) == (source, published, byline)
    assert doc.clean_text.startswith(first_words)
    for gone in ("央视网消息", "网络电视台消息", "电（记者", "本报", "《 人民日报 》"):
        assert gone not in doc.clean_text


def test_a_wire_word_in_running_text_is_no_dateline():
    doc = read_document("x.txt", "新华社记者近日走访电力公司，了解光伏扶贫。\n第二段。".encode())
    assert doc.source is None and doc.clean_text.startswith("新华社记者近日走访电力公司")


def test_a_file_with_a_title_and_page_furniture_but_no_body_is_refused():
    from archive.ingest import Rejected, run_pipeline

    with pytest.raises(Rejected, match="没有正文"):
        # a page cut short: its furniture, and the first characters of its title (found by tests/ingest/test_fuzz.py)
        run_pipeline(
            "a.txt",
            "投稿郵箱:[email\xa0protected]\n您的位置:首頁 > 基層黨建 > 市縣亮點 > 正文\n\n“六連".encode()
            + "六".encode()[:1],
        )


@pytest.mark.parametrize(
    "text,title,published",
    [
        (
            "新闻联播 2021年05月28日\n习近平回信勉励湖南湘西十八洞村村民\n"
            "央视网消息（新闻联播）：十八洞村村民日前给习近平总书记写信，汇报脱贫后的新变化。",
            "习近平回信勉励湖南湘西十八洞村村民",
            date(2021, 5, 28),
        ),
        (
            "2021年05月28日\n十八洞村的新变化\n十八洞村人均纯收入从1668元增加到18369元。",
            "十八洞村的新变化",
            date(2021, 5, 28),
        ),
        (
            "贵州望谟：扶贫车间开工\n2021-05-28\n望谟县的扶贫车间今天开工，200多名贫困群众在家门口就业。",
            None,
            date(2021, 5, 28),
        ),
        ("贵州望谟：扶贫车间开工\n发布时间：2021-05-28 10:00\n望谟县的扶贫车间今天开工。", None, date(2021, 5, 28)),
        (
            "光伏电站并网发电\n【2019年6月3日 星期一】\n平利县村级光伏电站并网发电，每村年增收5万元。",
            None,
            date(2019, 6, 3),
        ),
        (
            "２０１８年１２月３日 来源：安康日报\n易地搬迁户住进新房\n石泉县2000户搬迁群众住进新房。",
            "易地搬迁户住进新房",
            date(2018, 12, 3),
        ),
    ],
)
def test_a_plain_text_reports_date_line_at_the_top_is_its_date_and_no_title(text, title, published):
    doc = read_document("x.txt", text.encode())
    assert doc.published == published
    assert doc.title == (title or text.split("\n")[0])
    date_line = next(ln for ln in text.split("\n") if re.search(r"20\d\d|２０", ln))
    assert date_line not in doc.clean_text and date_line in doc.furniture  # the date line left the body


@pytest.mark.parametrize(
    "text",
    [
        "2018年，全县脱贫1.2万人。\n第二段。",  # a sentence that begins with a date is body, not a date line
        "2020年11月23日，贵州省宣布最后9个深度贫困县退出贫困县序列。\n第二段。",
        "扶贫车间开工\n正文第一段。\n第二段。\n第三段。\n第四段。\n2016-08-15",  # a date far from the top is no date line
    ],
)
def test_a_date_inside_a_sentence_or_far_down_is_no_date_line(text):
    doc = read_document("x.txt", text.encode())
    assert doc.published is None
    assert doc.clean_text.split("\n")[0] in text.split("\n")[:2]


def test_a_short_item_with_a_time_line_under_its_title_is_a_report():
    """Title, 发布时间 and one paragraph: the 发布时间 line ends no article before its body began."""
    from archive.ingest import run_pipeline

    doc = run_pipeline(
        "x.txt", "贵州望谟：扶贫车间开工\n发布时间：2021-05-28 10:00\n望谟县的扶贫车间今天开工。".encode()
    )
    assert doc.clean_text == "望谟县的扶贫车间今天开工。" and doc.published == date(2021, 5, 28)
    footer = run_pipeline("y.txt", "扶贫车间开工\n望谟县的扶贫车间今天开工。\n发布时间：2021-05-28\n相关新闻".encode())
    assert footer.clean_text == "望谟县的扶贫车间今天开工。"  # after the body, the same line still ends it
