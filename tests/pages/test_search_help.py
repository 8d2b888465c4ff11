"""The search page's query language, its help for a query that finds nothing, and its date range (HTML, JSON)."""

import pytest

pytestmark = pytest.mark.django_db


def _json(client, **params):
    return client.get("/search/", {**params, "format": "json"}).json()


def _ids(data):
    return sorted(h["id"] for h in data["hits"])


def test_not_and_a_leading_minus_are_the_same_exclusion(client):
    everything, excluded = _json(client, q="脱贫"), _json(client, q="脱贫 平利")
    assert everything["total"] > excluded["total"] > 0
    by_not, by_minus = _json(client, q="脱贫 NOT 平利"), _json(client, q="脱贫 -平利")
    assert _ids(by_not) == _ids(by_minus)
    assert by_not["total"] == everything["total"] - excluded["total"]
    assert by_not["understood"] == "脱贫 且 不含 平利" == by_minus["understood"]
    html = client.get("/search/", {"q": "脱贫 NOT 平利"}).content.decode()
    assert 'class="understood"' in html and "不含 平利" in html


def test_and_changes_nothing_and_or_makes_alternatives(client):
    assert _ids(_json(client, q="脱贫 AND 平利")) == _ids(_json(client, q="脱贫 平利"))
    either = _json(client, q="平利 OR 汉阴")
    assert either["total"] == len(set(_ids(_json(client, q="平利"))) | set(_ids(_json(client, q="汉阴"))))
    assert either["understood"] == "（平利 或 汉阴）"


def test_lower_case_not_is_a_word_and_a_lone_operator_is_named(client):
    assert _json(client, q="脱贫 not 平利")["total"] == 0  # the word "not" is searched
    data = _json(client, q="脱贫 NOT")
    assert data["total"] == _json(client, q="脱贫")["total"]
    assert "NOT" in data["note"] and "已忽略" in data["note"]


def test_a_plain_query_says_nothing_it_did_not_do(client):
    data = _json(client, q="脱贫")
    assert data["understood"] == ""
    assert 'class="understood"' not in client.get("/search/", {"q": "教育"}).content.decode()


@pytest.mark.parametrize(("typed", "meant"), [("易地般迁", "易地搬迁"), ("精准附贫", "精准扶贫")])
def test_a_same_sounding_character_is_corrected_from_the_archives_words(client, typed, meant):
    data = _json(client, q=typed)
    assert data["total"] == 0 and data["suggestion"] == meant
    assert _json(client, q=data["suggestion"])["total"] > 0
    html = client.get("/search/", {"q": typed}).content.decode()
    assert 'class="suggestion"' in html and f">{meant}</a>" in html


@pytest.mark.parametrize("typed", ["着着", "蒸", "蒸x", "着", "zzqqxx", "扶贫 电商蒸"])
def test_no_nonsense_suggestion_and_never_the_query_itself(client, typed):
    data = _json(client, q=typed)
    if data["total"]:
        return
    suggestion = data["suggestion"]
    if suggestion is not None:
        assert suggestion.replace(" ", "") != typed.replace(" ", "")
        assert all(len(w) > 1 for w in suggestion.split())
        assert _json(client, q=suggestion)["total"] > 0


def test_the_no_hit_page_offers_the_correction_the_thesaurus_and_dropping_filters(client):
    data = _json(client, q="易地般迁", province="520000")
    assert data["total"] == 0
    assert data["without_filters"]
    assert any(t["programme"] == "易地扶贫搬迁" for t in data["thesaurus"])
    html = client.get("/search/", {"q": "易地般迁", "province": "520000"}).content.decode()
    assert 'class="thesaurus"' in html and "易地扶贫搬迁" in html and "/programme/" in html
    assert 'class="drop-filters"' in html and "不加任何筛选再检索" in html


def test_a_date_range_narrows_the_hits_and_the_year_facet(client):
    everything = _json(client, q="脱贫")
    years = {int(h["published"][:4]) for h in everything["hits"] if h["published"]}
    assert len(years) > 1
    year = min(years)
    data = _json(client, q="脱贫", **{"from": str(year), "to": f"{year}-12-31"})
    assert data["total"] and all(h["published"].startswith(str(year)) for h in data["hits"])
    assert data["date_from"] == f"{year}-01-01" and data["date_to"] == f"{year}-12-31"
    counted = {v["value"] for f in data["facets"] if f["name"] == "year" for v in f["values"]}
    assert counted == {str(year)}
    later = _json(client, q="脱贫", **{"from": str(year + 1)})
    assert later["total"] == everything["total"] - data["total"] - sum(not h["published"] for h in everything["hits"])


def test_a_date_range_is_on_the_page_beside_the_year_facet(client):
    html = client.get("/search/", {"q": "脱贫", "from": "2018-07", "province": "140000"}).content.decode()
    year = html.index('data-facet="year"') if 'data-facet="year"' in html else 0
    assert html.index('class="facet date-range"') > year
    assert 'name="from" value="2018-07"' in html and '<input type="hidden" name="province" value="140000">' in html
    assert "不限日期" in html


def test_a_date_that_is_not_one_is_named_and_a_backwards_range_turned_round(client):
    data = _json(client, q="脱贫", **{"from": "明年"})
    assert "“明年”无法识别" in data["note"] and data["date_from"] is None
    data = _json(client, q="脱贫", **{"from": "2020", "to": "2016"})
    assert data["date_from"] == "2016-01-01" and data["date_to"] == "2020-12-31" and "对调" in data["note"]
