"""archive/text.py is the one home of the shared text rules: the rules hold, and no other module
writes its own Chinese character range."""

import re
from pathlib import Path

from archive.text import HAN_CHAR, JOURNALIST_ROLES, SENTENCE, Sentences, alternation, is_han, leftmost_longest

ROOT = Path(__file__).resolve().parent.parent
# Inline character classes left in modules other helpers are editing (issue 23: only their one
# definition was changed); jieba's own block, which rjieba must cut by exactly as jieba does.
LEFT = {
    "archive/ingest/metadata.py",
    "archive/ingest/metadata_patterns.py",
    "archive/ingest/extract/metrics.py",
    "archive/ingest/extract/metric_patterns.py",
    "search/analysis.py",
}
RANGE = re.compile(r"\\u(?:4e00|3400)|\\u9f(?:ff|d5|a5)|[一㐀]-")


def test_a_chinese_character_is_one_definition():
    found = []
    for package in ("archive", "search", "config", "bench"):
        for path in (ROOT / package).rglob("*.py"):
            name = str(path.relative_to(ROOT))
            if name == "archive/text.py" or name in LEFT or "migrations" in path.parts:
                continue
            found += [
                f"{name}:{n}" for n, line in enumerate(path.read_text("utf-8").splitlines(), 1) if RANGE.search(line)
            ]
    assert not found, "a Chinese character range outside archive/text.py (import HAN): " + ", ".join(found)


def test_han_holds_extension_a_and_not_punctuation():
    assert is_han("扶") and is_han("㐀") and not is_han("，") and not is_han("a")
    assert HAN_CHAR.findall("平利县，2019年") == ["平", "利", "县", "年"]


def test_sentences_hold_their_end_mark_and_keep_to_the_window():
    text = "第一句。第二句！third; 末尾"
    s = Sentences(text)
    assert s.at(0) == "第一句。" and s.at(5) == "第二句！" and s.at(len(text) - 1) == " 末尾"
    assert Sentences("长" * 100, window=10).bounds(50) == (40, 60)
    assert [m.group() for m in SENTENCE.finditer("一。二\n三")] == ["一。", "二", "三"]


def test_leftmost_longest_is_what_a_regex_alternation_finds():
    hits = [(0, 2, "平利"), (0, 3, "平利县"), (2, 4, "县城"), (3, 5, "城关"), (6, 8, "x")]
    assert leftmost_longest(hits) == [(0, 3, "平利县"), (3, 5, "城关"), (6, 8, "x")]
    assert leftmost_longest(hits, keep=lambda h: h[2] != "平利县") == [(0, 2, "平利"), (2, 4, "县城"), (6, 8, "x")]
    assert re.match(alternation(JOURNALIST_ROLES), "本报记者").group() == "本报记者"
