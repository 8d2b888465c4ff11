import pytest

from archive.ingest import read_document
from archive.ingest.clean import normalize_lines
from tests.conftest import seed, seed_text

FURNITURE = {
    0: ["投稿郵箱", "您的位置", "Copyright", "ICP", "技術支持", "金融炒股", "雁塔路", "029—63905675", "責任編輯"],
    1: ["声明:转载此文", "侵犯了您的合法权益"],
    2: ["浏览量", "首页", "扫一扫在手机打开当前页面", "山西省扶贫开发办公室", "来源:山西日报"],
    3: ["手機版", "色天使", "蜘蛛词", "文本链", "京ICP備", "關于我們", "打印", "延伸閱讀", "1 1 1"],
    4: [],
}
BODY = {
    0: ["被譽為“女媧故里”的平利縣", "累計減貧20466戶58391人", "產業扶貧:"],
    1: ["袁仕应夫妻俩都应聘进入这家家门口的工厂上班", "按股分红。(刘毅)", "马俊摄"],
    2: ["独峪乡曲回寺村10万棒的黑木耳已经长出木耳", "目前,已有1个安置点实现搬迁入住"],
    3: ["脫貧攻堅鏖戰正酣", "產業脫貧路正越走越寬", "圖為農業專家"],
    4: ["汉阴是国家扶贫开发重点县、革命老区县", "将中国建设银行的帮扶工作落到实处", "县委书记周永鑫(左二)调研社区工厂"],
}


@pytest.mark.parametrize("n", range(5))
def test_furniture_gone_body_kept(n):
    doc = read_document(seed(n).name, seed(n).read_bytes())
    for s in FURNITURE[n]:
        assert s not in doc.clean_text, s
    for s in BODY[n]:
        assert s in doc.clean_text, s


def test_furniture_is_kept_aside_for_metadata():
    doc = read_document("0.txt", seed(0).read_bytes())
    assert any("責任編輯" in ln for ln in doc.furniture)
    assert doc.furniture[-1] == "金融炒股怎么赚钱"


def test_censored_characters_survive_cleaning():
    doc = read_document("1.txt", seed(1).read_bytes())
    assert "贫困村*土村" in doc.clean_text and "白沙村*委书记陈光玉" in doc.clean_text


def test_spaces_unified_invisible_dropped():
    assert normalize_lines("a\u00a0\u3000b\u200b\r\n\r\n  c  \ue1d5") == ["a b", "c"]


def test_a_tail_marker_early_in_the_page_does_not_end_the_article():
    text = "标题\n责任编辑:张三\n" + "\n".join(f"第{i}段正文，扶贫工作取得进展。" for i in range(10))
    doc = read_document("x.txt", text.encode())
    assert "第9段正文" in doc.clean_text


def test_no_chinese_at_all_is_rejected():
    from archive.ingest import Rejected

    with pytest.raises(Rejected, match="没有找到中文"):
        read_document("x.txt", b"Copyright 2020\nhello world\n")


def test_traditional_and_simplified_lines_match_the_same_patterns():
    assert "瀏覽次數" not in read_document("x.txt", ("標題\n瀏覽次數:12\n" + seed_text(2)).encode()).clean_text


def test_a_body_sentence_with_a_spam_word_stays():
    from archive.ingest.clean import is_spam

    assert is_spam("金融炒股怎么赚钱") and is_spam("色天使 色天使成人网 伊人在线")
    assert not is_spam("让留守在家的妇女和老人在家门口就能打工赚钱。")
    assert not is_spam("福利彩票公益金支持了10个扶贫项目。")


@pytest.mark.parametrize(
    "line,clean",
    [
        ("縣裡推進就業(yè)扶貧，建成扶貧車間12個。", "縣裡推進就業扶貧，建成扶貧車間12個。"),
        ("堅決打贏脫貧(tuō pín)攻堅戰。", "堅決打贏脫貧攻堅戰。"),
        ("實施易地（yì dì）扶貧搬遷工程。", "實施易地扶貧搬遷工程。"),
        ("发展增收(zeng1shou1)致富产业。", "发展增收致富产业。"),
    ],
)
def test_a_pinyin_gloss_inside_a_word_goes(line, clean):
    assert normalize_lines(line) == [clean]


@pytest.mark.parametrize(
    "line",
    [
        "开发了电商(APP)平台，方便群众网上售货。",  # a Latin word in brackets
        "贫困户(ye)自愿申请。",  # lowercase letters with no tone: not known to be pinyin
        "全县贫困发生率(2016年)降至3.2%。",  # a year in brackets
        "推广易地搬迁(yì dì bān qiān)。",  # not between two Chinese characters
        "建成扶贫车间(一期)12个。",
    ],
)
def test_brackets_that_are_no_pinyin_gloss_stay(line):
    assert normalize_lines(line) == [line]


def test_a_programme_hidden_by_a_pinyin_gloss_is_found():
    from archive.ingest import run_pipeline

    doc = run_pipeline(
        "x.txt", "平利縣推進就業(yè)扶貧\n平利縣推進就業(yè)扶貧，建成社區工廠30家，帶動貧困戶就近就業。".encode()
    )
    assert "就业扶贫" in [i["programme"] for i in doc.initiatives]
    assert doc.title == "平利縣推進就業扶貧"
