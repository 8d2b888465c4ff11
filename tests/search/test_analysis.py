from whoosh.analysis import Token  # noqa: F401

from search.analysis import ChineseAnalyzer, query_terms, segment


def tokens(text, mode="index"):
    return [(t.text, t.pos, t.startchar, t.endchar) for t in ChineseAnalyzer()(text, positions=True, chars=True, mode=mode)]


def test_index_mode_adds_parts_at_the_words_position():
    toks = tokens("脱贫攻坚战")
    words = {t[0]: t[1] for t in toks}
    assert {"脱贫", "攻坚"} <= set(words)
    assert len({t[1] for t in toks}) == len([w for w, *_ in segment("脱贫攻坚战", mode="query")])


def test_query_mode_is_accurate_mode():
    assert query_terms("贫困发生率下降") == ["贫困", "发生率", "下降"]
    assert query_terms("合作社") == ["合作社"]  # short words are looked up whole
    assert [t[0] for t in tokens("合作社")] == ["合作社", "合作", "作社"]


def test_junction_grams_cover_words_printed_across_tokens():
    words = [t[0] for t in tokens("驻村干部")] + [t[0] for t in tokens("摆脱贫困")]
    assert "驻村" in words and "脱贫" in words


def test_positions_are_ordinal_not_character_offsets():
    positions = [t[1] for t in tokens("社区工厂带动就业", mode="query")]
    assert positions == list(range(len(positions)))


def test_traditional_is_normalised_and_offsets_point_at_the_original():
    text = "陜西省平利縣脫貧攻堅"
    for word, _pos, s, e in tokens(text):
        assert len(text[s:e]) == len(word)
    assert "陕西省" in [t[0] for t in tokens(text)] or "陕西" in [t[0] for t in tokens(text)]
    assert "脱贫" in [t[0] for t in tokens(text)]


def test_punctuation_and_stop_words_give_no_token():
    assert [t[0] for t in tokens("扶贫，的。")] == ["扶贫"]



def test_presegmented_text_brings_its_own_tokens_and_keeps_them_when_pickled():
    import pickle

    from search.analysis import ChineseTokenizer, Presegmented

    text = Presegmented("扶贫", [("预先", 0, 2, 0)])
    assert [t.text for t in ChineseTokenizer()(text, positions=True)] == ["预先"]
    again = pickle.loads(pickle.dumps(text, 2))  # Whoosh's sub-writers get documents pickled
    assert again == "扶贫" and again.tokens == [("预先", 0, 2, 0)]
    assert [t.text for t in ChineseTokenizer()(text, mode="query")] == ["扶贫"]  # queries are analysed
