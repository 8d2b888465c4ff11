"""A report page's similar reports: its key words, without numbers or words most of the archive holds."""

import pytest
from haystack import connections

from search import query
from search.analysis import key_words
from search.engine import backend as backends

pytestmark = pytest.mark.django_db


def test_similar_reports_share_a_key_word_and_leave_the_report_out(report_of):
    report = report_of(2)
    words = query.similar_words(report)
    assert len(words) == 8 and not any(w.isdigit() for w in words)
    similar = query.more_like_this(report)
    assert similar and report not in similar
    for other in similar:
        assert any(w in other.normalized_text for w in words)


def test_common_words_give_way_to_the_next_key_words(report_of, monkeypatch):
    report = report_of(2)
    ranked = [w for w in key_words(report.normalized_text[:5000], top=16) if not w.isdigit()]
    monkeypatch.setattr(
        backends.ChineseWhooshSearchBackend, "common_words", lambda self, words, share: {ranked[0], ranked[3]}
    )
    assert query.similar_words(report) == [ranked[1], ranked[2], *ranked[4:10]]


def test_a_word_is_common_by_its_share_of_the_archive_and_a_small_archive_keeps_every_word():
    backend = connections["default"].get_backend()
    assert backend.common_words(["扶贫", "乙丙丁戊"], 0.0, at_least=0) == {"扶贫"}
    assert backend.common_words(["扶贫"], 0.05) == set()  # in every seed, but the archive is small
