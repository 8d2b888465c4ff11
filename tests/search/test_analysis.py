import pytest
from whoosh.analysis import Token  # noqa: F401

from search.analysis import ChineseAnalyzer, query_terms, segment


def tokens(text, mode="index"):
    return [
        (t.text, t.pos, t.startchar, t.endchar) for t in ChineseAnalyzer()(text, positions=True, chars=True, mode=mode)
    ]


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


def test_presegmented_postings_are_what_whoosh_makes_of_the_text_and_survive_pickling(docs):
    import pickle

    from whoosh.formats import Positions

    from search.analysis import Presegmented, index_postings
    from search.engine.fields import PresegmentedPositions

    for doc in docs.values():
        text = doc.clean_text
        whoosh_made = sorted(Positions().word_values(text, ChineseAnalyzer(), mode="index"))
        assert sorted(index_postings(segment(text))) == whoosh_made
    text = Presegmented("扶贫", [("预先", 1, 1.0, b"x")])
    again = pickle.loads(pickle.dumps(text, 2))  # Whoosh's sub-writers get documents pickled
    assert again == "扶贫" and again.postings == [("预先", 1, 1.0, b"x")]
    fmt = PresegmentedPositions(field_boost=2.0)
    assert list(fmt.word_values(again, ChineseAnalyzer())) == [("预先", 1, 2.0, b"x")]
    assert [w for w, *_rest in fmt.word_values("扶贫", ChineseAnalyzer())] == ["扶贫"]  # plain text: analysed


def test_packed_postings_pass_through_unopened_and_open_where_written():
    """A worker sends a report's postings as one bytes object; the ingesting process passes it on
    to the sub-writers as it came, and they read the same postings index_postings() makes."""
    import pickle

    from search.analysis import Presegmented, index_postings, packed_postings

    tokens = segment("扶贫车间带动贫困户就业，扶贫产业")
    packed = packed_postings(tokens)
    assert isinstance(packed, bytes)
    text = Presegmented("扶贫车间", packed)
    assert pickle.loads(pickle.dumps(text, 2))._postings == packed  # not unpacked and packed again
    assert text.postings == index_postings(tokens)
    assert pickle.loads(pickle.dumps(text, 2)).postings == index_postings(tokens)  # unpacked: packed again


MIXED = (
    "脱贫攻坚取得决定性胜利，贫困发生率降至0.6%，TD-LTE网络覆盖80%以上的行政村。\r\n"
    "２０２０年，第一書記帶領群眾發展扶貧車間--產值1.5億元；C++与5G、B超和T恤。"
    "2020年底建成5G基站3000个，G20杭州峰会，APP下载量破万，第19届亚运会。"
)


def test_rjieba_cuts_exactly_as_jieba(docs):
    import jieba

    from search import analysis

    analysis._ensure_jieba()
    assert analysis._rust, "rjieba is the default segmenter"
    for text in [MIXED, *(d.normalized_text for d in docs.values())]:
        assert analysis.tokenize(text) == list(jieba.dt.tokenize(text, mode="default", HMM=True))


def test_rjieba_takes_blocks_of_letters_and_digits_too(monkeypatch):
    import jieba

    from search import analysis

    analysis._ensure_jieba()
    expected = list(jieba.dt.tokenize("2020年底建成5G基站，APP下载", mode="default", HMM=True))
    handed = []
    real = jieba.dt.tokenize
    monkeypatch.setattr(jieba.dt, "tokenize", lambda block, **kw: handed.append(block) or real(block, **kw))
    assert analysis.tokenize("2020年底建成5G基站，APP下载") == expected
    assert analysis.tokenize("产值1.5亿元") == list(real("产值1.5亿元", mode="default", HMM=True))
    # jieba gets the punctuation between blocks, and of the words only a block holding . % - + # & _
    assert [b for b in handed if b.strip("，")] == ["产值1.5亿元"]


@pytest.fixture
def fresh_segmenters(monkeypatch, tmp_path, settings):
    """A user dictionary, loaded into a fresh jieba and rjieba (the process-wide ones stay untouched)."""
    import jieba

    from search import analysis

    path = tmp_path / "user.dict"
    path.write_text("扶贫车间 3000 n\n社区工厂\n", "utf-8")
    settings.SEARCH_USER_DICT = str(path)
    monkeypatch.setattr(jieba, "dt", jieba.Tokenizer())
    monkeypatch.setattr(analysis, "_rust", None)
    return analysis


def test_a_user_dictionary_reaches_both_segmenters(fresh_segmenters, monkeypatch):
    import jieba

    analysis = fresh_segmenters
    text = "发展扶贫车间和社区工厂，带动贫困户就业"
    words = [w for w, _s, _e in analysis.tokenize(text)]
    assert "扶贫车间" in words and "社区工厂" in words
    assert analysis.tokenize(text) == list(jieba.dt.tokenize(text))
    assert str(analysis.analyzer_version()).startswith(f"{analysis.ANALYZER_VERSION}:")  # the index is rebuilt
    from search.dictionaries import RJIEBA

    # a segmenter of its own: the shared one (the fork server's, for every worker) stays as it was
    assert analysis._rust is not RJIEBA and "扶贫车间" not in RJIEBA.cut("发展扶贫车间")


def test_without_a_user_dictionary_the_shared_segmenter_is_used(monkeypatch):
    from search import analysis
    from search.dictionaries import RJIEBA

    monkeypatch.setattr(analysis, "_rust", None)
    analysis._ensure_jieba()
    assert analysis._rust is RJIEBA


def test_jieba_alone_when_asked(monkeypatch, settings):
    from search import analysis

    settings.SEARCH_SEGMENTER = "jieba"
    monkeypatch.setattr(analysis, "_rust", None)
    assert analysis.tokenize(MIXED) and analysis._rust is False


def test_key_words_are_jiebas_tf_idf_tags(docs):
    """more_like_this's words: jieba.analyse.extract_tags exactly, with the fast segmenter."""
    import jieba.analyse

    from search.analysis import key_words

    for text in [MIXED, *(d.normalized_text for d in docs.values())]:
        assert key_words(text[:5000]) == jieba.analyse.extract_tags(text[:5000], topK=8)
    assert len(key_words(docs["001"].normalized_text)) == 8
