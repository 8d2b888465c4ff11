import pytest

pytestmark = pytest.mark.django_db


def test_home_lists_provinces_and_recent(client):
    r = client.get("/")
    assert r.status_code == 200
    html = r.content.decode()
    assert "陕西省" in html and "勠力同心摘穷帽" in html and 'name="q"' in html
    assert 'rel="alternate"' in r["Link"]


def test_province_to_county_browse(client):
    html = client.get("/region/610000/").content.decode()
    assert "安康市" in html and "决胜脱贫攻坚" in html
    county = client.get("/region/610926/").content.decode()
    assert "国家级贫困县" in county and "2019" in county and "“六连冠”是怎样炼成的" in county


def test_report_page_links_people_places_figures(client, report_of):
    r = report_of(0)
    html = client.get(f"/report/{r.pk}/").content.decode()
    assert "郑小东" in html and "/region/610926/" in html and "20466戶" in html
    assert "[N/OL]" in html  # citation


def test_report_page_in_traditional(client, report_of):
    html = client.get(f"/report/{report_of(4).pk}/?display=hant").content.decode()
    assert "漢陰" in html
    assert client.cookies["display"].value == "hant"


def test_search_page_marks_hits_in_the_displayed_script(client):
    html = client.get("/search/?q=脫貧&display=hans").content.decode()
    assert "<mark>脱贫</mark>" in html
    html = client.get("/search/?q=脱贫&display=hant").content.decode()
    assert "<mark>脫貧</mark>" in html


def test_search_chips_and_empty_results(client):
    html = client.get("/search/?q=平利&province=610000").content.decode()
    assert 'class="chip"' in html
    html = client.get("/search/?q=脱贪").content.decode()
    assert "没有找到结果" in html and "脱贫" in html


def test_missing_things_are_404_not_500(client):
    assert client.get("/report/99999/").status_code == 404
    assert client.get("/region/999999/").status_code == 404
    assert client.get("/search/?q=%22").status_code == 200
    assert client.get("/search/?page=abc").status_code == 200
    assert client.get("/search/?page=999").status_code == 200


def test_figures_explorer(client):
    html = client.get("/figures/?unit=户").content.decode()
    assert "20466" in html


def test_display_toggle_does_not_filter_by_the_script_facet(client):
    data = client.get("/search/?q=脱贫&display=hans&format=json").json()
    assert data["total"] == 5
    data = client.get("/search/?q=脱贫&script=hant&format=json").json()
    assert data["total"] == 2  # the facet: reports written in traditional


def test_search_shows_the_programme_expansion_and_turns_it_off(client):
    html = client.get("/search/", {"q": "扶贫车间"}).content.decode()
    assert "同时检索" in html and "社区工厂" in html and "expand=0" in html
    html = client.get("/search/", {"q": "扶贫车间", "expand": "0"}).content.decode()
    assert "未扩展同义名称" in html and "expand=1" in html


def test_region_page_shows_former_names(client):
    html = client.get("/region/420600/").content.decode()
    assert "襄樊市" in html
