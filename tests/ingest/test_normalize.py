from archive.ingest.normalize import detect_script, s2t, t2s


def test_t2s_with_variant_folding():
    assert t2s("陜西省平利縣脫貧攻堅") == "陕西省平利县脱贫攻坚"


def test_t2s_keeps_length_and_stars(docs):
    for doc in docs.values():
        assert len(doc.normalized_text) == len(doc.clean_text)
    assert t2s("白沙村*委書記") == "白沙村*委书记"


def test_script_detection():
    assert detect_script("脫貧攻堅鏖戰正酣") == "hant"
    assert detect_script("脱贫攻坚鏖战正酣") == "hans"
    assert detect_script("hello 2020") == "hans"


def test_display_conversion_round_trips():
    assert t2s(s2t("产业扶贫")) == "产业扶贫"


import pytest  # noqa: E402


@pytest.mark.parametrize(
    "printed,folded",
    [
        ("著力", "着力"),
        ("著手", "着手"),
        ("著眼", "着眼"),
        ("隨著", "随着"),
        ("看著", "看着"),
        ("重新著手", "重新着手"),
        ("著名", "著名"),
        ("著作", "著作"),
        ("顯著", "显著"),
        ("土著", "土著"),
        ("名著", "名著"),
        ("著稱", "著称"),
    ],
)
def test_zhu_is_folded_where_simplified_writes_zhe(printed, folded):
    assert t2s(printed) == folded
    assert len(t2s(printed)) == len(printed)


def test_full_width_digits_and_letters_fold_punctuation_stays():
    assert t2s("新华社北京６月８日电，ＧＤＰ增长") == "新华社北京6月8日电，GDP增长"


def test_zhu_folding_reaches_the_index_and_the_query_both_ways():
    from search.analysis import query_terms, segment

    indexed = {w for w, *_ in segment("全縣上下著力推進脫貧攻堅")}
    assert query_terms("着力") == ["着力"] and "着力" in indexed  # simplified query, traditional text
    assert query_terms("著力") == ["着力"]  # traditional query
    assert "著名" in {w for w, *_ in segment("著名的茶乡")} and query_terms("著名") == ["著名"]
