"""One person across reports for the same name with the same place or post; different people who share a
name stay apart (issue 24), stored and shown on the person page."""

import pytest

from archive.ingest import run_pipeline
from archive.ingest.store import Item, store_documents
from archive.models import Person

pytestmark = pytest.mark.django_db

N = iter(range(1000))


def doc_with(*people, text=""):
    """A stored report whose extraction named these people: (name, title, region code or None)."""
    n = next(N)
    doc = run_pipeline(f"c{n}.txt", f"报道{n}\n第{n}篇报道的正文，写了一些人和事。{text}".encode())
    doc.people = [{"name": name, "title": title, "kind": "official", "region": code} for name, title, code in people]
    return doc


def store(*people):
    return store_documents([Item(doc_with(*people))])[0].report


def person_of(report, name):
    return report.person_mentions.get(person__name=name).person


def test_the_same_name_with_the_same_place_is_one_person_and_different_places_stay_apart():
    a = store(("王测芳", "村支书", "520527"))
    b = store(("王测芳", "", "520527"))
    c = store(("王测芳", "村支书", "140224"))
    assert person_of(a, "王测芳") == person_of(b, "王测芳")
    assert person_of(c, "王测芳") != person_of(a, "王测芳")  # another place: another person, the same post
    assert Person.objects.filter(name="王测芳").count() == 2


def test_without_a_place_the_same_post_is_one_person_and_another_post_another():
    a = store(("李测明", "村支书", None))
    b = store(("李测明", "村支书", None))
    c = store(("李测明", "教授", None))
    assert person_of(a, "李测明") == person_of(b, "李测明") != person_of(c, "李测明")
    assert Person.objects.filter(name="李测明").count() == 2


def test_a_bare_name_joins_the_only_person_of_that_name_else_stays_its_own():
    a = store(("赵测军", "县长", "520527"))
    b = store(("赵测军", "", None))
    assert person_of(b, "赵测军") == person_of(a, "赵测军")  # the only 赵测军
    store(("赵测军", "县长", "140224"))  # now two of them
    d = store(("赵测军", "", None))
    e = store(("赵测军", "", None))
    bare = person_of(d, "赵测军")
    assert bare.region is None and not bare.title and bare == person_of(e, "赵测军")
    assert Person.objects.filter(name="赵测军").count() == 3


def test_a_post_printed_without_its_place_joins_the_person_of_that_post():
    a = store(("钱测华", "县委书记", "520527"))
    b = store(("钱测华", "县委书记", None))
    assert person_of(b, "钱测华") == person_of(a, "钱测华")
    c = store(("孙测平", "镇长", None))  # the place learnt later fills an empty one
    d = store(("孙测平", "镇长", "520527"))
    assert person_of(c, "孙测平") == person_of(d, "孙测平")
    assert person_of(c, "孙测平").region.code == "520527"


def test_one_batch_follows_the_same_rule():
    docs = [
        doc_with(("周测红", "村支书", None)),
        doc_with(("周测红", "村支书", None)),
        doc_with(("周测红", "教师", None)),
        doc_with(("周测红", "", "520527")),
    ]
    stored = store_documents([Item(d) for d in docs])
    people = [person_of(s.report, "周测红") for s in stored]
    assert people[0] == people[1] and len({p.pk for p in people}) == 3


def test_the_person_page_lists_only_that_persons_reports(client):
    a = store(("吴测兰", "村支书", None))
    b = store(("吴测兰", "教授", None))
    one, other = person_of(a, "吴测兰"), person_of(b, "吴测兰")
    data = client.get(f"/person/{one.pk}/", {"format": "json"}).json()
    assert [r["id"] for r in data["reports"]] == [a.pk] and data["reports_total"] == 1
    html = client.get(f"/person/{other.pk}/").content.decode()
    assert f'href="/report/{b.pk}/"' in html and f'href="/report/{a.pk}/"' not in html
