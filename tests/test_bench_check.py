"""make bench-check's verdict (bench/check.py): more than 10 % worse fails, on the means of two runs each."""

import importlib.util

from tests.conftest import ROOT

spec = importlib.util.spec_from_file_location("bench_check", ROOT / "bench" / "check.py")
check = importlib.util.module_from_spec(spec)
spec.loader.exec_module(check)


def _run(share, search_p95, page_p95):
    return {
        "share": share,
        "floor": 300.0,
        "ingest_rate": 300.0 * share,
        "reports": 10000,
        "search": {"both": {"p50_ms": search_p95 / 2, "p95_ms": search_p95}},
        "pages": {"home": {"p95_ms": page_p95}},
    }


def _verdict(base, this):
    return {name: ok for name, _b, _w, _c, ok, _u in check.compare(base, this)}


def test_within_ten_percent_passes_and_more_fails():
    base = [_run(0.30, 40.0, 20.0), _run(0.30, 40.0, 20.0)]
    assert all(_verdict(base, [_run(0.28, 43.0, 21.5), _run(0.28, 43.0, 21.5)]).values())
    worse = _verdict(base, [_run(0.25, 40.0, 20.0), _run(0.26, 50.0, 25.0)])
    assert worse == {
        "ingest share of the jieba floor": False,
        "search page p95 (HTML and JSON)": False,
        "page p95: home": False,
    }


def test_a_faster_tree_passes_and_a_millisecond_is_below_what_is_measured():
    base = [_run(0.30, 40.0, 5.0), _run(0.30, 40.0, 5.0)]
    assert all(_verdict(base, [_run(0.40, 20.0, 5.9), _run(0.40, 20.0, 5.9)]).values())


def test_the_default_base_is_the_commit_benchmarks_md_names(tmp_path, monkeypatch):
    doc = tmp_path / "BENCHMARKS.md"
    doc.write_text("# Benchmarks\n\nLast full run: `abc1234` (the full corpus).\n", "utf-8")
    monkeypatch.setattr(check, "BENCHMARKS", doc)
    assert check.default_base() == "abc1234"
