import io

import pytest
from django.core.management import call_command

from archive.gazetteer import read_divisions, read_poverty_table, short_name
from archive.models import Region
from tests.conftest import needs_shared


@pytest.mark.parametrize(
    "name,short",
    [
        ("平利县", "平利"),
        ("北川羌族自治县", "北川"),
        ("凉山彝族自治州", "凉山"),
        ("广西壮族自治区", "广西"),
        ("内蒙古自治区", "内蒙古"),
        ("魏县", "魏县"),
        ("隆林各族自治县", "隆林"),
        ("和田地区", "和田"),
    ],
)
def test_short_names(name, short):
    assert short_name(name) == short


def test_divisions_from_cpca():
    divisions = read_divisions()
    levels = {d.level for d in divisions}
    assert levels == {"province", "prefecture", "county"} and len(divisions) > 3000
    assert not any(d.name in ("市辖区", "县") for d in divisions)


def test_poverty_table_has_832_counties_with_years():
    table = read_poverty_table()
    assert len(table) == 832
    assert {y for _n, y in table.values()} == {2016, 2017, 2018, 2019, 2020}
    assert table["610926"] == ("平利县", 2019)


@pytest.mark.django_db
def test_load_gazetteer_is_idempotent_and_flags_all_832():
    out = io.StringIO()
    call_command("load_gazetteer", stdout=out)
    assert (
        "0 created, 0 updated" in out.getvalue()
        and "832 national poverty counties flagged, 0 unmatched" in out.getvalue()
    )
    assert Region.objects.filter(poverty_county=True).count() == 832
    pingli = Region.objects.get(code="610926")
    assert pingli.parent.code == "610900" and pingli.parent.parent.code == "610000" and pingli.exit_year == 2019


@needs_shared("data", "poverty_counties", "poverty_county_list.csv")
def test_poverty_table_rebuilds_identically(tmp_path):
    out_file = tmp_path / "pc.csv"
    out = io.StringIO()
    call_command("build_poverty_counties", "--out", str(out_file), stdout=out)
    from archive.gazetteer import POVERTY_TABLE

    assert out_file.read_text("utf-8") == POVERTY_TABLE.read_text("utf-8")
    assert "wrote 832 counties" in out.getvalue()
