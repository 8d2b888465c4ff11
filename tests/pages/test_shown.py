"""A record a reviewer deleted (rejected) is gone from every page, in HTML, JSON and CSV alike: one manager
(models.ShownManager) and one queryset for people and programmes (NamedQuerySet.shown) decide it."""

import ast
import csv
import io

import pytest
from django.contrib.auth.models import User

from archive import curation
from archive.models import Curated, Initiative, Metric, Person, PersonMention, RegionMention
from tests.conftest import ROOT

pytestmark = pytest.mark.django_db


def rows(response):
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))


@pytest.fixture
def rejected(report_of):
    """Report 0 with one person, one programme, one county and one figure deleted by a reviewer."""
    r = report_of(0)
    user = User.objects.create_user("rev")
    person = r.person_mentions.select_related("person").get(person__name="郑小东")
    programme = r.initiative_mentions.select_related("initiative").exclude(initiative__programme="").first()
    county = r.region_mentions.select_related("region").get(region__code="610926")
    figure = r.metrics.exclude(label="").first()
    same = r.initiative_mentions.filter(initiative__programme=programme.initiative.programme)  # 社区工厂, 扶贫工厂 …
    for record in (person, *same, county, figure):
        curation.decide(record, Curated.REJECTED, user)
    return r, person.person, programme.initiative, county.region, figure


def test_a_deleted_person_mention_leaves_the_person_page_in_every_format(client, rejected):
    r, person, *_ = rejected
    assert not PersonMention.objects.filter(person=person).exists()  # named only here
    html = client.get(f"/person/{person.pk}/").content.decode()
    assert f'href="/report/{r.pk}/"' not in html
    data = client.get(f"/person/{person.pk}/", {"format": "json"}).json()
    assert data["reports_total"] == 0 and data["reports"] == [] and data["titles"] == []
    assert rows(client.get(f"/person/{person.pk}/", {"format": "csv"})) == []


def test_a_deleted_record_leaves_the_report_page(client, rejected):
    r, person, programme, county, figure = rejected
    data = client.get(f"/report/{r.pk}/", {"format": "json"}).json()
    assert person.pk not in [p["id"] for p in data["people"]]
    assert programme.pk not in [p["id"] for p in data["programmes"]]
    assert county.code not in [g["code"] for g in data["regions"]]
    assert figure.pk not in [f["id"] for f in data["figures"]]
    assert str(figure.pk) not in [row.get("id") for row in rows(client.get(f"/report/{r.pk}/", {"format": "csv"}))]
    assert f'id="metric-{figure.pk}"' not in client.get(f"/report/{r.pk}/").content.decode()


def test_a_deleted_mention_leaves_the_region_programme_and_home_pages(client, rejected):
    r, person, programme, county, figure = rejected
    region = client.get("/region/610900/", {"format": "json"}).json()  # the prefecture above the county
    assert person.pk not in [p["id"] for p in region["people"]]
    page = client.get(f"/programme/{programme.programme}/", {"format": "json"}).json()
    assert r.pk not in [x["id"] for x in page["reports"]]
    assert r.pk not in [int(x["id"]) for x in rows(client.get(f"/programme/{programme.programme}/", {"format": "csv"}))]
    home = client.get("/", {"format": "json"}).json()
    shown = PersonMention.objects.values("person_id").distinct().count()
    assert home["counts"]["people"] == shown
    assert home["counts"]["figures"] == Metric.objects.count() == Metric.all_objects.count() - 1
    assert not RegionMention.objects.filter(report=r, region=county).exists()


def test_a_count_of_shown_records_is_the_count_of_shown(rejected):
    _r, person, *_ = rejected
    for model in (Person, Initiative):
        assert model.objects.shown_count() == model.objects.shown().count() < model.objects.count()
    some = Person.objects.filter(pk__in=[person.pk, *Person.objects.shown().values_list("pk", flat=True)[:3]])
    assert some.shown_count() == some.shown().count() == some.count() - 1  # the rejected one named only here


def test_the_figures_explorer_leaves_a_deleted_figure_out(client, rejected):
    *_, figure = rejected
    data = client.get("/figures/", {"label": figure.label, "format": "json"}).json()
    assert figure.pk not in [f["id"] for f in data["rows"]]
    assert figure.quote not in [
        row["quote"]
        for row in rows(client.get("/figures/", {"label": figure.label, "format": "csv"}))
        if row["report"] == str(figure.report_id)
    ]


MENTION_JOINS = ("region_mentions", "person_mentions", "initiative_mentions", "metrics", "category_links", "mentions")
M2M_JOINS = ("reports", "regions", "people", "initiatives")  # through the mention tables
QUERY_CALLS = {"filter", "exclude", "annotate", "aggregate", "values", "values_list", "order_by", "get", "Count"}


def test_no_page_reads_mentions_through_a_join():
    """A join into a mention table bypasses the manager that leaves the rejected out."""
    found = []
    for path in sorted((ROOT / "archive" / "views").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
            if name not in QUERY_CALLS:
                continue
            words = [k.arg for k in node.keywords if k.arg] + [
                a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)
            ]
            for word in words:
                head = word.lstrip("-").split("__")[0]
                if "__" in word and head in MENTION_JOINS + M2M_JOINS:
                    found.append(f"{path.name}:{node.lineno} {word}")
    assert not found, found
