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
