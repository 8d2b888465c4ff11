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
