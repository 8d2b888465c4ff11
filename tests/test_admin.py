"""Admins upload, see what was extracted, correct it, and the index follows."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from archive.models import BatchItem, Metric, Report, Upload, UploadBatch
from search.query import search
from tests.conftest import seed_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model, index_rollback):
    user = django_user_model.objects.create_superuser("admin", "a@example.com", "pw")
    client.force_login(user)
    return client


def _zip(members):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


NEW = "灵丘县新建光伏电站\n灵丘县今年新建光伏扶贫电站12座，带动贫困户1500户增收。"


def test_the_report_list_links_to_the_upload_page(admin_client):
    html = admin_client.get("/admin/archive/report/").content.decode()
    assert 'href="/admin/archive/report/upload/"' in html
    page = admin_client.get("/admin/archive/report/upload/").content.decode()
    assert 'name="files"' in page and "multiple" in page


def test_upload_files_and_a_zip(admin_client, django_capture_on_commit_callbacks):
    files = [
        SimpleUploadedFile("one.txt", "平利县社区工厂\n平利县新建社区工厂5家，吸纳贫困群众就业。".encode()),
        SimpleUploadedFile("batch.zip", _zip({"new.txt": NEW, "again.txt": seed_text(2), "bad.txt": b"\x00\x01" * 50})),
    ]
    with django_capture_on_commit_callbacks(execute=True):  # the immediate backend runs the job on commit
        r = admin_client.post("/admin/archive/report/upload/", {"files": files})
    assert r.status_code == 302
    batch = UploadBatch.objects.get()
    assert r.url == f"/admin/archive/report/upload/{batch.pk}/"
    data = admin_client.get(r.url, {"format": "json"}).json()
    assert data["status"] == "done" and data["total"] == 4 and data["done"] == 4
    assert data["counts"] == {"queued": 0, "created": 2, "duplicate": 1, "failed": 1}
    by_name = {i["name"]: i for i in data["items"]}
    assert by_name["batch.zip"]["status"] == "unpacked" and "3 个文件" in by_name["batch.zip"]["message"]
    assert by_name["batch.zip/new.txt"]["in_zip"] == "batch.zip"
    assert by_name["batch.zip/again.txt"]["status"] == "duplicate"
    assert by_name["batch.zip/bad.txt"]["message"] == "这是二进制文件，不是文本、HTML、Word 或 PDF"
    new = Report.objects.get(title="灵丘县新建光伏电站")
    assert by_name["batch.zip/new.txt"]["report"] == new.pk
    assert [h["report"].pk for h in search("灵丘 光伏电站").hits][:1] == [new.pk]  # searchable
    html = admin_client.get(r.url).content.decode()
    assert "bad.txt" in html and "batch.zip ›" in html and "未能入库" in html and f"#{new.pk}" in html
    assert 'http-equiv="refresh"' not in html  # done: the page stops refreshing itself
    assert Upload.objects.get(original_name="batch.zip/bad.txt").status == Upload.FAILED  # kept, can be retried


def test_the_request_only_keeps_the_files(admin_client):
    """Without the job (its commit never comes in this test) the files are kept and queued, nothing parsed."""
    r = admin_client.post(
        "/admin/archive/report/upload/", {"files": [SimpleUploadedFile("q.txt", NEW.encode())]}, follow=True
    )
    assert r.status_code == 200
    html = r.content.decode()
    assert "q.txt" in html and "排队中" in html and 'http-equiv="refresh"' in html
    upload = Upload.objects.get(original_name="q.txt")
    assert upload.status == Upload.PENDING and upload.file.read() == NEW.encode()
    assert not Report.objects.filter(title="灵丘县新建光伏电站").exists()


def test_refused_files_say_why_and_are_kept(admin_client, settings, django_capture_on_commit_callbacks):
    settings.UPLOAD_MAX_BYTES = 1500
    many = _zip({f"n{i}.txt": "x" for i in range(12)})
    files = [
        SimpleUploadedFile("empty.txt", b""),
        SimpleUploadedFile("big.txt", "贫".encode() * 600),
        SimpleUploadedFile("again.txt", seed_text(1).encode()[:900]),
        SimpleUploadedFile("bomb.zip", many),
    ]
    with django_capture_on_commit_callbacks(execute=True):
        from archive.ingest import files as files_module

        cap, files_module.MAX_MEMBERS = files_module.MAX_MEMBERS, 10
        try:
            r = admin_client.post("/admin/archive/report/upload/", {"files": files}, follow=True)
        finally:
            files_module.MAX_MEMBERS = cap
    assert r.status_code == 200
    items = {i.name: i for i in BatchItem.objects.all()}
    assert items["empty.txt"].message.startswith("文件是空的")
    assert items["big.txt"].message.startswith("文件大小为 1.8 KB；每个文件最多 1.5 KB（上限）")
    assert items["bomb.zip"].status == BatchItem.FAILED and "10" in items["bomb.zip"].message
    assert Upload.objects.get(original_name="bomb.zip").status == Upload.FAILED  # the refused zip is kept
    assert not Upload.objects.filter(original_name__startswith="bomb.zip/").exists()  # nothing of it unpacked
    html = r.content.decode()
    for name in ("empty.txt", "big.txt", "bomb.zip"):
        assert name in html


def test_the_same_file_twice_is_one_upload(admin_client, django_capture_on_commit_callbacks):
    files = [SimpleUploadedFile("a.txt", NEW.encode()), SimpleUploadedFile("b.txt", NEW.encode())]
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post("/admin/archive/report/upload/", {"files": files})
    assert Upload.objects.filter(sha256=Upload.objects.get(original_name="a.txt").sha256).count() == 1
    a, b = BatchItem.objects.order_by("id")
    assert (a.status, b.status) == (BatchItem.CREATED, BatchItem.DUPLICATE) and a.report_id == b.report_id


def test_a_damaged_text_is_read_with_a_warning(admin_client, django_capture_on_commit_callbacks):
    data = NEW.encode() + "\n当地还发展了特色种植业，".encode() * 20
    data = data[:40] + b"\xff" + data[40:]
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post("/admin/archive/report/upload/", {"files": [SimpleUploadedFile("damaged.txt", data)]})
    item = BatchItem.objects.get(name="damaged.txt")
    assert item.status == BatchItem.CREATED and "有 1 个字节无法按 UTF-8 读取" in item.message
    assert item.report.review == Report.NEW and "1 个字节" in item.report.error


def test_upload_needs_the_permission(client, django_user_model):
    user = django_user_model.objects.create_user("reader", password="pw", is_staff=True)
    client.force_login(user)
    assert client.get("/admin/archive/report/upload/").status_code == 403
    client.logout()
    assert client.get("/admin/archive/report/upload/").status_code == 302  # to the login page


def test_admin_pages_render(admin_client, report_of):
    for url in [
        "/admin/archive/report/",
        f"/admin/archive/report/{report_of(0).pk}/change/",
        "/admin/archive/upload/",
        "/admin/archive/person/",
        "/admin/archive/region/?poverty_county__exact=1",
    ]:
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


def test_retry_action(admin_client, django_capture_on_commit_callbacks):
    import hashlib

    from django.core.files.base import ContentFile

    data = "平利县社区工厂\n平利县新建社区工厂5家。".encode()
    upload = Upload.objects.create(
        original_name="late.txt",
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        status=Upload.FAILED,
        error="old",
    )
    upload.file.save("late.txt", ContentFile(data), save=True)
    with django_capture_on_commit_callbacks(execute=True):
        r = admin_client.post("/admin/archive/upload/", {"action": "retry", "_selected_action": [upload.pk]})
    batch = UploadBatch.objects.get()
    assert r.status_code == 302 and r.url == f"/admin/archive/report/upload/{batch.pk}/"
    assert Upload.objects.get(pk=upload.pk).status == Upload.CREATED
    assert batch.items.get().status == BatchItem.CREATED and batch.status == UploadBatch.DONE


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


def test_originals_are_downloads_never_pages(admin_client, report_of, django_capture_on_commit_callbacks):
    html = b"<html><head><title>t</title><script>alert(1)</script></head><body>" + NEW.encode() + b"</body></html>"
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post("/admin/archive/report/upload/", {"files": [SimpleUploadedFile("x.html", html)]})
    item = BatchItem.objects.get(name="x.html")
    r = admin_client.get(f"/report/{item.report_id}/original")
    assert r.status_code == 200 and b"".join(r.streaming_content) == html
    assert r["Content-Type"] == "application/octet-stream" and r["X-Content-Type-Options"] == "nosniff"
    assert r["Content-Disposition"].startswith("attachment") and "x.html" in r["Content-Disposition"]
    upload = Upload.objects.get(original_name="x.html")
    r = admin_client.get(f"/admin/archive/upload/{upload.pk}/download/")
    assert r.status_code == 200 and r["Content-Disposition"].startswith("attachment")
    assert admin_client.get(f"/admin/archive/upload/{upload.pk}/change/").status_code == 200
    assert f"/report/{report_of(0).pk}/original" in admin_client.get(f"/report/{report_of(0).pk}/").content.decode()
