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
