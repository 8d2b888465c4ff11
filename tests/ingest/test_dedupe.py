from archive.ingest.dedupe import bands, minhash, similarity, text_hash
from tests.conftest import seed_text


def test_text_hash_ignores_spaces_and_punctuation():
    assert text_hash("脱贫攻坚，决胜小康。") == text_hash("脱贫攻坚 决胜小康")
    assert text_hash("脱贫攻坚") != text_hash("脱贫攻艰")


def test_republished_copy_is_near():
    body = seed_text(4)
    copy = "转载自某网站\n" + body.replace("汉阴", "漢陰", 1) + "\n责任编辑：某某\n推荐阅读"
    assert similarity(minhash(body), minhash(copy)) >= 0.7


def test_different_reports_are_far():
    assert similarity(minhash(seed_text(2)), minhash(seed_text(4))) < 0.2


def test_bands_are_stable_signed_64_bit():
    sig = minhash(seed_text(2))
    assert bands(sig) == bands(list(sig)) and len(bands(sig)) == 8
    assert all(-(2**63) <= b < 2**63 for b in bands(sig))


def test_unrelated_items_with_the_same_opening_are_far():
    # two different evening-news items: same formula at the start, different news after it
    a = "央视网消息（新闻联播）：连日来，学习贯彻党的二十大精神中央宣讲团成员分别在天津、贵州、辽宁等地宣讲，并深入基层一线与干部群众座谈交流。"
    b = "央视网消息（新闻联播）：今天，在中宣部等六部委举行的报告会上，国务院扶贫开发领导小组副组长做了报告，介绍精准扶贫精准脱贫的进展。"
    assert similarity(minhash(a), minhash(b)) < 0.4


def test_signatures_are_spread_not_one_shingle_repeated():
    sig = minhash(seed_text(0))
    assert len(set(sig)) > 25
