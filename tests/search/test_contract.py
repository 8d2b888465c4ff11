"""One search contract, subclassed per engine (Whoosh here; Elasticsearch where SEARCH_URL points to one)."""

import os

import pytest

from search.query import search

pytestmark = pytest.mark.django_db


class SearchContract:
    """What any engine must do for this archive. Subclasses pick the engine."""

    def ids(self, q, expand=True, **filters):
        return {
            h["report"].original_name.rsplit("/", 1)[-1][:3]
            for h in search(q, filters, per_page=50, expand=expand).hits
        }

    def test_segmentation_finds_words_inside_longer_words(self):
        assert {"000", "004"} <= self.ids("扶贫")

    def test_simplified_query_finds_traditional_text(self):
        assert "000" in self.ids("陕西")  # printed 陜西 in seed 000

    def test_traditional_and_simplified_queries_return_the_same_set(self):
        assert self.ids("脫貧") == self.ids("脱贫") == {"000", "001", "002", "003", "004"}

    def test_words_across_token_boundaries_are_found(self):
        assert {"000", "003"} <= self.ids("村支")  # 村支书, 村支部: inside longer words
        assert self.ids("区工") == {"000", "004"}  # 社区|工厂

    def test_zhu_folded_where_simplified_writes_zhe_both_ways(self):
        assert self.ids("着力") == self.ids("著力") and {"000", "004"} <= self.ids("着力")  # 000 prints 著力

    def test_a_programme_finds_its_other_names_unless_told_not_to(self):
        assert {"000", "004"} <= self.ids("扶贫车间")  # they print 社区工厂, its other name
        assert not {"000", "004"} <= self.ids("扶贫车间", expand=False)
        page = search("扶贫车间")
        assert page.expansions[0][1] == "扶贫车间" and "社区工厂" in page.expansions[0][2]

    def test_short_name_finds_its_county_only(self):
        assert self.ids("平利") == {"000"}

    def test_quoted_phrase(self):
        assert self.ids('"社区工厂"') == {"000", "004"}
        assert self.ids("习近平") == {"000", "004"}

    def test_and_or_not(self):
        assert self.ids("平利 汉阴") == set()
        assert self.ids("平利 OR 汉阴") == {"000", "004"}
        assert "000" not in self.ids("脱贫 -平利")

    def test_facet_filter_and_or_within_a_facet(self):
        assert self.ids("", province=["610000"]) == {"000", "004"}
        assert self.ids("", province=["610000", "140000"]) == {"000", "002", "004"}
        assert self.ids("", province=["610000"], category=["健康扶贫"]) == {"004"}

    def test_facet_counts_match_the_records(self, report_of):
        from archive.models import Report, ReportCategory

        page = search("")
        counts = {f["name"]: {v["value"]: v["count"] for v in f["values"]} for f in page.facets}
        assert page.total == Report.objects.count() == 5
        for cat, n in counts["category"].items():
            assert n == ReportCategory.objects.filter(category=cat).count()
        assert counts["script"] == {"hans": 3, "hant": 2}
        assert counts["source"] == {"陕西党建网": 1, "山西日报": 1, "中国组织人事报": 1}
        assert counts["year"] == {"2018": 1, "2020": 1}

    def test_a_facets_counts_ignore_its_own_selection(self):
        page = search("", {"province": ["140000"]})
        province = {v["value"]: v["count"] for f in page.facets if f["name"] == "province" for v in f["values"]}
        assert province["610000"] == 2  # still offered, so OR can widen
        category = {v["value"] for f in page.facets if f["name"] == "category" for v in f["values"]}
        assert "健康扶贫" not in category  # other facets follow the filter

    def test_sort_by_date(self):
        newest = [h["report"].published for h in search("", sort="newest").hits if h["report"].published]
        assert newest == sorted(newest, reverse=True)

    def test_zero_hits_suggest(self):
        page = search("脱贪")
        assert page.total == 0 and page.suggestion == "脱贫"


class TestWhoosh(SearchContract):
    pass


def _unreachable(engine):
    """Why the contract cannot run on this server engine here, or None when it can."""
    if os.environ.get("SEARCH_ENGINE") != engine:
        checked = {
            "elasticsearch7": "what we send it is checked without one in tests/search/test_elasticsearch.py",
            "solr": "the Solr field type is in docs/DEPLOY.md; the folding is tested in test_elasticsearch.py",
        }[engine]
        return f"SEARCH_ENGINE is not {engine}: set it and SEARCH_URL to run the contract on that server ({checked})"
    import urllib.request

    url = os.environ.get("SEARCH_URL") or "http://127.0.0.1:9200/"
    try:
        urllib.request.urlopen(url, timeout=3)
    except OSError as e:
        return f"{engine} at {url} is unreachable: {e}"
    return None


@pytest.mark.skipif(bool(_unreachable("elasticsearch7")), reason=str(_unreachable("elasticsearch7")))
class TestElasticsearch(SearchContract):
    pass


@pytest.mark.skipif(bool(_unreachable("solr")), reason=str(_unreachable("solr")))
class TestSolr(SearchContract):
    pass


def test_region_facets_drill_down():
    from search.query import search as run

    page = run("")
    shown = {f["name"] for f in page.facets if f["visible"]}
    assert "province" in shown and "prefecture" not in shown and "county" not in shown
    page = run("", {"province": ["610000"]})
    prefectures = next(f for f in page.facets if f["name"] == "prefecture")
    assert prefectures["visible"] and {v["value"] for v in prefectures["values"]} == {"610900"}
    page = run("", {"province": ["610000"], "prefecture": ["610900"]})
    counties = next(f for f in page.facets if f["name"] == "county")
    assert {v["value"] for v in counties["values"]} == {"610921", "610926"}
