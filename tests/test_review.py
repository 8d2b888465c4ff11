"""Admins review and correct what was extracted, and their corrections survive re-extraction."""

import re

import pytest
from django.contrib.auth.models import Group

from archive import curation
from archive.ingest import run_pipeline
from archive.models import (
    Curated,
    Initiative,
    Metric,
    Person,
    PersonAlias,
    PersonMention,
    Region,
    RegionMention,
    Report,
    ReportCategory,
)
from search.query import search
from tests.conftest import seed

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model, index_rollback):
    user = django_user_model.objects.create_superuser("admin", "a@example.com", "pw")
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture
def reviewer(client, django_user_model, index_rollback):
    user = django_user_model.objects.create_user("reviewer", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name="审核员"))
    client.force_login(user)
    client.user = user
    return client


def form_data(response):
    """The POST a browser would send back for an admin change form, as it was rendered."""
    data = {}

    def add(form):
        for name, field in form.fields.items():
            value = form[name].value()
            key = form.add_prefix(name)
            if isinstance(value, bool) or getattr(field.widget, "input_type", None) == "checkbox":
                if value:
                    data[key] = "on"
            elif isinstance(value, list | tuple):
                data[key] = [str(v) for v in value]
            elif value is not None:
                data[key] = (
                    field.widget.format_value(value)
                    if hasattr(field.widget, "format_value") and not isinstance(value, str)
                    else value
                )

    add(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        for name in formset.management_form.fields:
            data[formset.management_form.add_prefix(name)] = formset.management_form[name].value()
        for form in formset.forms:
            add(form)
    return {k: ("" if v is None else v) for k, v in data.items()}


def prefix_of(data, formset, model_field, value):
    """The prefix (e.g. metrics-3) of the form of an inline formset whose field holds value."""
    for key, v in data.items():
        if key.startswith(f"{formset}-") and key.endswith(f"-{model_field}") and str(v) == str(value):
            return key.rsplit("-", 1)[0]
    raise KeyError(value)


def test_reports_land_as_new_and_the_queue_filters_by_state_and_doubt(admin_client, report_of):
    assert set(Report.objects.values_list("review", flat=True)) == {Report.NEW}
    undated = report_of(3)
    undated.published = None
    undated.save()
    page = admin_client.get("/admin/archive/report/", {"review__exact": "new", "doubt": "no_date"}).content.decode()
    assert undated.title[:12] in page and report_of(2).title[:12] not in page
    page = admin_client.get("/admin/archive/report/", {"doubt": "fallback_title"}).content.decode()
    assert "标题为代拟" in page and report_of(1).title[:15] in page
    r = admin_client.post("/admin/archive/report/", {"action": "mark_reviewed", "_selected_action": [report_of(2).pk]})
    assert r.status_code == 302
    reviewed = report_of(2)
    assert reviewed.review == Report.REVIEWED and reviewed.reviewed_by == admin_client.user and reviewed.reviewed_at
    page = admin_client.get("/admin/archive/report/", {"review__exact": "reviewed"}).content.decode()
    assert reviewed.title[:12] in page and undated.title[:12] not in page


def test_the_review_page_marks_the_text_and_numbers_are_written_out(admin_client, report_of):
    r = report_of(2)
    html = admin_client.get(f"/admin/archive/report/{r.pk}/change/").content.decode()
    metric = r.metrics.exclude(label="").first()
    assert f'data-ref="metric-{metric.pk}"' in html and f'id="metric-{metric.pk}"' in html
    assert 'mark class="region"' in html and 'mark class="person"' in html and 'mark class="programme"' in html
    big = r.metrics.filter(value__gte=10000).first()
    assert big is not None and f'value="{big.value:,.0f}"' in html and "e+0" not in html
    assert "保存并标为已审核" in html and "变更记录" in html


def test_corrections_stand_and_untouched_records_follow_the_new_extractor(admin_client, report_of, monkeypatch):
    r = report_of(0)
    page = admin_client.get(f"/admin/archive/report/{r.pk}/change/")
    data = form_data(page)
    person = r.person_mentions.exclude(title="").first()
    p = prefix_of(data, "person_mentions", "person", person.person_id)
    data[f"{p}-title"] = "县委副书记（人工修正）"
    metric, other = list(r.metrics.exclude(label="")[:2])
    m = prefix_of(data, "metrics", "id", metric.pk)
    data[f"{m}-label"] = "人工修正的指标"
    data[f"{m}-value"] = "1,800,000"
    rejected_region = r.region_mentions.exclude(primary=True).first()
    g = prefix_of(data, "region_mentions", "id", rejected_region.pk)
    data[f"{g}-DELETE"] = "on"
    data["_reviewed"] = "1"
    resp = admin_client.post(f"/admin/archive/report/{r.pk}/change/", data)
    assert resp.status_code == 302, resp.context["adminform"].form.errors if resp.context else resp
    corrected = Metric.objects.get(pk=metric.pk)
    assert (corrected.label, corrected.value, corrected.curation) == ("人工修正的指标", 1_800_000, Curated.CORRECTED)
    assert corrected.curated_by == admin_client.user
    assert PersonMention.objects.get(pk=person.pk).curation == Curated.CORRECTED
    assert RegionMention.all_objects.get(pk=rejected_region.pk).curation == Curated.REJECTED
    assert not r.region_mentions.filter(pk=rejected_region.pk).exists()  # hidden from the archive
    assert Report.objects.get(pk=r.pk).review == Report.REVIEWED

    # a better extractor ships: every label changes, the rejected region is still found
    real = run_pipeline

    def changed(name, data):
        doc = real(name, data)
        for f in doc.metrics:
            f.label = f"新{f.label}"
        return doc

    monkeypatch.setattr("archive.ingest.run_pipeline", changed)
    resp = admin_client.post(
        "/admin/archive/report/", {"action": "re_extract", "_selected_action": [r.pk]}, follow=True
    )
    said = " ".join(str(m) for m in resp.context["messages"])
    assert "重新抽取" in said and "数据" in said and "保留人工审核的" in said
    assert Metric.objects.get(pk=metric.pk).label == "人工修正的指标"  # the correction stands
    assert Metric.objects.get(pk=other.pk).label == f"新{other.label}"  # the untouched one follows
    assert PersonMention.objects.get(pk=person.pk).title == "县委副书记（人工修正）"
    assert RegionMention.all_objects.filter(report=r, region=rejected_region.region).count() == 1
    assert not r.region_mentions.filter(region=rejected_region.region).exists()  # not brought back

    html = admin_client.get(f"/report/{r.pk}/").content.decode()
    assert "人工修正的指标" in html and "1,800,000" in html
    assert "人工修正的指标" in admin_client.get("/figures/", {"label": "人工修正"}).content.decode()


def test_a_corrected_field_of_the_report_is_kept(admin_client, report_of, django_capture_on_commit_callbacks):
    r = report_of(3)
    data = form_data(admin_client.get(f"/admin/archive/report/{r.pk}/change/"))
    data["title"] = "人工改过的标题"
    data["_save"] = "1"
    with django_capture_on_commit_callbacks(execute=True):
        assert admin_client.post(f"/admin/archive/report/{r.pk}/change/", data).status_code == 302
    assert search("人工改过的标题").total == 1  # the index follows
    r.refresh_from_db()
    assert r.curated_fields == ["title"]
    doc = run_pipeline(seed(3).name, seed(3).read_bytes())
    doc.byline = [("新署名", "记者")]
    changes = curation.reextract(r, doc)
    r.refresh_from_db()
    assert r.title == "人工改过的标题" and r.byline == "记者 新署名" and "署名" in str(changes)


def test_adding_a_region_reaches_the_facets(admin_client, report_of, django_capture_on_commit_callbacks):
    r = report_of(4)
    county = Region.objects.get(code="520527")  # 赫章县
    assert search("", {"county": ["520527"]}).total == 0
    data = form_data(admin_client.get(f"/admin/archive/report/{r.pk}/change/"))
    n = int(data["region_mentions-TOTAL_FORMS"])
    data.update(
        {
            "region_mentions-TOTAL_FORMS": str(n + 1),
            f"region_mentions-{n}-region": str(county.pk),
            f"region_mentions-{n}-count": "1",
            f"region_mentions-{n}-report": str(r.pk),
            "_save": "1",
        }
    )
    with django_capture_on_commit_callbacks(execute=True):  # the commit runs the index update
        resp = admin_client.post(f"/admin/archive/report/{r.pk}/change/", data)
    assert resp.status_code == 302
    added = RegionMention.objects.get(report=r, region=county)
    assert added.curation == Curated.ADDED
    assert [h["report"].pk for h in search("", {"county": ["520527"]}).hits] == [r.pk]


def test_merge_two_people_and_split_them_again(admin_client, report_of):
    a, b = report_of(0), report_of(2)
    one = Person.objects.create(name="测试人", title="乡长")
    two = Person.objects.create(name="测试人", region=Region.objects.get(code="140224"))
    PersonMention.objects.create(report=a, person=one, title="乡长")
    PersonMention.objects.create(report=b, person=two, title="")
    r = admin_client.post("/admin/archive/person/", {"action": "merge", "_selected_action": [one.pk, two.pk]})
    assert "保留" in r.content.decode()  # the page that asks which one stays
    r = admin_client.post(
        "/admin/archive/person/",
        {"action": "merge", "_selected_action": [one.pk, two.pk], "target": one.pk},
        follow=True,
    )
    assert "并入" in " ".join(str(m) for m in r.context["messages"])
    assert not Person.objects.filter(pk=two.pk).exists()
    assert set(PersonMention.objects.filter(person=one).values_list("report_id", flat=True)) == {a.pk, b.pk}
    assert PersonAlias.objects.filter(name="测试人", region__code="140224", person=one).exists()
    page = admin_client.get(f"/person/{one.pk}/").content.decode()
    assert f'href="/report/{a.pk}/"' in page and f'href="/report/{b.pk}/"' in page
    data = admin_client.get(f"/person/{one.pk}/", {"format": "json"}).json()
    assert len(data["reports"]) == 2  # the mentions of both add up on the one person
    # extraction finds the merged name again: it is the one person
    from archive.ingest.consolidate import resolve_people

    doc = run_pipeline("x.txt", "测试\n灵丘县测试人说。".encode())
    doc.people = [{"name": "测试人", "title": None, "kind": "other", "region": "140224"}]
    assert resolve_people([(b, doc)], {"140224": Region.objects.get(code="140224").pk})[b.pk] == {one.pk: {"title": ""}}
    # split b's mention out again
    mention = PersonMention.objects.get(person=one, report=b)
    r = admin_client.post(
        f"/admin/archive/person/{one.pk}/split/", {"mention": [mention.pk], "name": "测试人", "region": "140224"}
    )
    assert r.status_code == 302
    split_to = PersonMention.objects.get(pk=mention.pk).person
    assert split_to.pk != one.pk and split_to.region.code == "140224"
    assert not PersonAlias.objects.filter(name="测试人", region__code="140224").exists()


def test_merge_programmes(admin_client, report_of):
    a = Initiative.objects.create(name="扶贫车间甲")
    b = Initiative.objects.create(name="扶贫车间乙")
    from archive.models import InitiativeMention

    InitiativeMention.objects.create(report=report_of(0), initiative=a)
    InitiativeMention.objects.create(report=report_of(0), initiative=b)
    InitiativeMention.objects.create(report=report_of(1), initiative=b)
    curation.merge(a, [b], admin_client.user)
    assert InitiativeMention.objects.filter(initiative=a).count() == 2  # one report named both: one mention


def test_every_change_is_in_the_history_and_can_be_reverted(admin_client, report_of):
    r = report_of(0)
    metric = r.metrics.exclude(label="").first()
    before = metric.label
    data = form_data(admin_client.get(f"/admin/archive/report/{r.pk}/change/"))
    data[f"{prefix_of(data, 'metrics', 'id', metric.pk)}-label"] = "改错了的指标"
    data["_save"] = "1"
    assert admin_client.post(f"/admin/archive/report/{r.pk}/change/", data).status_code == 302
    html = admin_client.get(f"/admin/archive/report/{r.pk}/changes/").content.decode()
    assert "改错了的指标" in html and "admin" in html and before in html
    token = re.search(r'value="(metric:\d+)"', html).group(1)
    records = Metric.history.filter(id=metric.pk).order_by("history_date")
    first = records.first()
    resp = admin_client.post(f"/admin/archive/report/{r.pk}/changes/revert/", {"record": f"metric:{first.history_id}"})
    assert resp.status_code == 302 and token
    assert Metric.objects.get(pk=metric.pk).label == first.label
    assert "恢复到" in admin_client.get(f"/admin/archive/report/{r.pk}/changes/").content.decode()
    assert admin_client.get(f"/admin/archive/report/{r.pk}/history/").status_code == 200


def test_a_reviewer_reviews_but_does_not_delete_upload_or_manage_users(reviewer, report_of):
    r = report_of(0)
    assert reviewer.get(f"/admin/archive/report/{r.pk}/change/").status_code == 200
    assert reviewer.get("/admin/archive/report/", {"review__exact": "new"}).status_code == 200
    assert reviewer.get(f"/admin/archive/report/{r.pk}/delete/").status_code == 403
    assert reviewer.get("/admin/auth/user/").status_code == 403
    assert reviewer.get("/admin/archive/report/upload/").status_code == 403
    html = reviewer.get("/admin/archive/report/").content.decode()
    assert "delete_selected" not in html and "mark_reviewed" in html


def test_everything_is_behind_login(client, report_of):
    for url in [
        "/admin/archive/report/",
        f"/admin/archive/report/{report_of(0).pk}/change/",
        f"/admin/archive/report/{report_of(0).pk}/changes/",
        "/admin/archive/report/upload/",
    ]:
        r = client.get(url)
        assert r.status_code == 302 and "/admin/login/" in r.url, url


def test_chinese_throughout():
    from django.apps import apps
    from django.contrib import admin

    cjk = re.compile(r"[\u4e00-\u9fff]")
    for model in apps.get_app_config("archive").get_models():
        if model.__name__.startswith("Historical"):
            continue
        assert cjk.search(str(model._meta.verbose_name)), model
        for f in model._meta.get_fields():
            if f.concrete and not f.auto_created:
                assert cjk.search(str(f.verbose_name)), (model.__name__, f.name)
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label != "archive":
            continue
        for action in model_admin.actions or []:
            fn = getattr(model_admin, action) if isinstance(action, str) else action
            assert cjk.search(str(fn.short_description)), (model, action)


def test_figure_field_reads_numbers_as_written():
    from archive.admin.inlines import MetricField

    field = MetricField()
    assert field.clean("1,800,000") == 1_800_000 and field.clean("180万") == 1_800_000 and field.clean("0.74") == 0.74
    assert field.prepare_value(1_800_000.0) == "1,800,000" and field.prepare_value(26.78) == "26.78"


def test_categories_a_person_added_are_kept(report_of):
    r = report_of(0)
    ReportCategory.objects.filter(report=r).delete()
    added = ReportCategory.objects.create(report=r, category="健康扶贫", curation=Curated.ADDED)
    curation.reextract(r, run_pipeline(seed(0).name, seed(0).read_bytes()))
    assert ReportCategory.objects.filter(pk=added.pk).exists()
    assert ReportCategory.objects.filter(report=r, curation=Curated.MACHINE).exists()  # the extractor's came back


@pytest.mark.parametrize(
    "change",
    [{"name": "郑晓东"}, {"title": "县委书记、县长"}, {"region": "610900"}, {"name": "郑晓东", "region": "610900"}],
    ids=["renamed", "new post", "new place", "renamed and moved"],
)
def test_a_corrected_person_keeps_its_report_through_re_extraction(admin_client, report_of, change):
    r = report_of(0)
    person = r.person_mentions.get(person__name="郑小东").person
    data = form_data(admin_client.get(f"/admin/archive/person/{person.pk}/change/"))
    for field, value in change.items():
        data[field] = str(Region.objects.get(code=value).pk) if field == "region" else value
    resp = admin_client.post(f"/admin/archive/person/{person.pk}/change/", data)
    assert resp.status_code == 302, resp.context["adminform"].form.errors if resp.context else resp
    people_before = Person.objects.count()

    resp = admin_client.post(
        "/admin/archive/report/", {"action": "re_extract", "_selected_action": [r.pk]}, follow=True
    )
    said = " ".join(str(m) for m in resp.context["messages"])
    assert "人物 +" not in said, said  # no person added, none removed
    assert Person.objects.count() == people_before and not Person.objects.filter(name="郑小东").exclude(pk=person.pk)
    page = admin_client.get(f"/person/{person.pk}/", {"format": "json"}).json()
    assert page["name"] == change.get("name", "郑小东") and [x["id"] for x in page["reports"]] == [r.pk]
    report = admin_client.get(f"/report/{r.pk}/", {"format": "json"}).json()
    assert [p["id"] for p in report["people"] if p["name"] == page["name"]] == [person.pk]


def test_a_programme_renamed_keeps_its_report_through_re_extraction(admin_client, report_of):
    r = report_of(0)
    mention = r.initiative_mentions.select_related("initiative").first()
    initiative, old = mention.initiative, mention.initiative.name
    data = form_data(admin_client.get(f"/admin/archive/initiative/{initiative.pk}/change/"))
    data["name"] = old + "（人工修正）"
    assert admin_client.post(f"/admin/archive/initiative/{initiative.pk}/change/", data).status_code == 302
    resp = admin_client.post(
        "/admin/archive/report/", {"action": "re_extract", "_selected_action": [r.pk]}, follow=True
    )
    said = " ".join(str(m) for m in resp.context["messages"])
    assert "项目 +" not in said, said
    assert list(r.initiative_mentions.values_list("initiative_id", flat=True)).count(initiative.pk) == 1
    assert not Initiative.objects.filter(name=old, region=initiative.region).exists()
