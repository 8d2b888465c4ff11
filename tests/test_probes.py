"""bench/probes.py's count of places read inside another word: only the mentions the extractor used."""

import importlib.util

from tests.conftest import ROOT
from tests.ingest.extract.readers import extract_text

spec = importlib.util.spec_from_file_location("bench_probes", ROOT / "bench" / "probes.py")
probes = importlib.util.module_from_spec(spec)
spec.loader.exec_module(probes)


def test_a_name_inside_another_word_the_extractor_never_used_is_not_counted():
    from archive.ingest.extract import lac
    from archive.ingest.extract.gazetteer_index import default_gazetteer

    gz = default_gazetteer()
    body = "甘肃省民勤县地处沙漠边缘。记者来到民勤，看到治沙成果。当地人民勤劳朴实，治沙造林。"
    doc = extract_text(body, title="治沙")
    text = "治沙\n" + body
    inside = text.index("人民勤劳") + 1
    word_at = probes.sentence_words(text, lac.load())
    [mentions] = probes.used_mentions([doc], gz)
    assert any(r["name"].startswith("民勤") for r in doc.regions)
    old = probes.inside_words(probes.short_printings(text, gz, {r["code"] for r in doc.regions}), word_at)
    used = probes.short_mentions(text, gz, mentions)
    assert [k for _e, k in used.values()] == ["民勤"]  # 来到民勤: the short name the extractor used
    new = probes.inside_words(used, word_at)
    assert inside in [a for a, _b, _k, _w in old]  # the old count took 民勤 of 人民勤劳
    assert new == []
