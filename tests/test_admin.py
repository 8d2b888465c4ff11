"""Admins upload, see what was extracted, correct it, and the index follows."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from archive.models import Metric, Report, Upload
from search.query import search
from tests.conftest import seed_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("admin", "a@example.com", "pw")
    client.force_login(user)
    return client


def test_upload_a_zip_of_reports(admin_client):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("new.txt", "灵丘县新建光伏电站\n灵丘县今年新建光伏扶贫电站12座，带动贫困户1500户增收。")
        zf.writestr("again.txt", seed_text(2))
        zf.writestr("bad.txt", b"\x00\x01" * 50)
    r = admin_client.post("/admin/archive/upload/add/", {"file": SimpleUploadedFile("batch.zip", buf.getvalue())},
                          follow=True)
    html = " ".join(str(m) for m in r.context["messages"])
    assert r.status_code == 200
    assert "batch.zip/new.txt: created #" in html and "batch.zip/again.txt: duplicate of #" in html
    assert "batch.zip/bad.txt: failed: this is a binary file" in html
    assert Report.objects.filter(title="灵丘县新建光伏电站").exists()
    assert Upload.objects.get(original_name="batch.zip/bad.txt").status == Upload.FAILED


def test_admin_pages_render(admin_client, report_of):
    for url in ["/admin/archive/report/", f"/admin/archive/report/{report_of(0).pk}/change/", "/admin/archive/upload/",
                "/admin/archive/person/", "/admin/archive/region/?poverty_county__exact=1"]:
        assert admin_client.get(url).status_code == 200, url


def test_a_correction_reaches_the_index(admin_client, report_of, django_capture_on_commit_callbacks):
    r = report_of(1)
    assert search("", {"year": ["2021"]}).total == 0
    with django_capture_on_commit_callbacks(execute=True):
        r.published = __import__("datetime").date(2021, 2, 25)
        r.save()
    page = search("", {"year": ["2021"]})
    assert [h["report"].pk for h in page.hits] == [r.pk]
    with django_capture_on_commit_callbacks(execute=True):
        r.published = None
        r.save()
    assert search("", {"year": ["2021"]}).total == 0


def test_metric_correction(admin_client, report_of):
    m = Metric.objects.filter(report=report_of(0)).first()
    m.value = 12345
    m.save()
    assert Metric.objects.get(pk=m.pk).value == 12345


def test_retry_action(admin_client):
    upload = Upload.objects.create(original_name="late.txt", sha256="x" * 64, size=3, status=Upload.FAILED, error="old")
    upload.file.save("late.txt", io.BytesIO("平利县社区工厂\n平利县新建社区工厂5家。".encode()), save=True)
    r = admin_client.post("/admin/archive/upload/", {"action": "retry", "_selected_action": [upload.pk]}, follow=True)
    assert "late.txt: created #" in " ".join(str(m) for m in r.context["messages"])
    assert Upload.objects.get(pk=upload.pk).status == Upload.CREATED


def test_a_deleted_report_leaves_the_index(report_of, django_capture_on_commit_callbacks):
    from search.indexing import _backend_and_index

    backend, index = _backend_and_index()
    pk = report_of(3).pk
    kept = index.index_queryset().get(pk=pk)  # its index document, prepared before the delete
    assert pk in [h["report"].pk for h in search("宕昌").hits]
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        kept.delete()
    removal = [c for c in callbacks if "report_deleted" in c.__qualname__]
    assert len(removal) == 1  # the removal waits for the commit
    removal[0]()
    assert search("宕昌").total == 0
    kept.pk = pk
    backend.update(index, [kept])  # the row comes back with the test's rollback; so does its index entry
    assert search("宕昌").total == 1
