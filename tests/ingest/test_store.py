import io
import zipfile

import pytest
from django.core.management import call_command

from archive.ingest import run_pipeline
from archive.ingest.store import Item, store_documents
from archive.intake.service import ingest_bytes, process_upload
from archive.models import Metric, Person, Report, Upload
from tests.conftest import FIXTURES, seed, seed_text

pytestmark = pytest.mark.django_db


def test_seeds_are_stored_once():
    assert Report.objects.count() == 5
    out = io.StringIO()
    call_command("ingest", str(FIXTURES), "--quiet", stdout=out)
    assert Report.objects.count() == 5
    assert out.getvalue().count("duplicate of #") == 5
    assert "0 created, 5 duplicate, 0 failed" in out.getvalue()


def test_a_republished_copy_links_to_the_original(report_of):
    copy = "来源：转载\n" + seed_text(4) + "\n延伸阅读\n其他文章"
    outcome = ingest_bytes("copy.txt", copy.encode())
    assert outcome.status == "duplicate" and outcome.report_id == report_of(4).pk
    assert Report.objects.count() == 5
    assert Upload.objects.get(original_name="copy.txt").report_id == report_of(4).pk


def test_stored_records_link_back(report_of):
    r = report_of(0)
    assert r.script == "hant" and r.source.name == "陕西党建网" and r.editor == "魏捷"
    assert r.region_mentions.get(primary=True).region.code == "610926"
    zheng = r.person_mentions.get(person__name="郑小东")
    assert zheng.title == "县委书记" and zheng.person.region.code == "610926"
    fig = Metric.objects.get(report=r, quote="20466戶")
    assert fig.value == 20466 and fig.unit == "户" and fig.sentence in r.clean_text
    assert r.clean_text[fig.position : fig.position + len(fig.quote)] == fig.quote


def test_same_person_in_two_reports_is_one(report_of):
    xi = Person.objects.filter(name="习近平")
    assert xi.count() == 1 and xi.get().reports.count() == 2


def test_fallback_title_is_flagged(report_of):
    r = report_of(1)
    from archive.curation import doubts

    assert r.title_is_fallback and r.review == Report.NEW and "没有标题" in r.error
    assert ("fallback_title", "标题为代拟（中）") in doubts(r)


def test_a_failed_file_is_kept_and_can_be_retried(settings):
    outcome = ingest_bytes("broken.txt", b"\x00\x01binary\x00" * 10)
    assert outcome.status == "failed" and "二进制" in outcome.message
    upload = Upload.objects.get(original_name="broken.txt")
    assert upload.status == Upload.FAILED and upload.file.read() == b"\x00\x01binary\x00" * 10
    upload.file.close()
    assert process_upload(upload).status == "failed"


def test_zip_of_many():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("a/one.txt", seed_text(2))
        zf.writestr("a/empty.txt", "")
        zf.writestr("__MACOSX/._one.txt", "junk")
    path = FIXTURES.parent / "var" / "test-batch.zip"
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(buf.getvalue())
    try:
        out = io.StringIO()
        call_command("ingest", str(path), "--quiet", stdout=out)
    finally:
        path.unlink()
    text = out.getvalue()
    assert "test-batch.zip/a/one.txt: duplicate of #" in text
    assert "test-batch.zip/a/empty.txt: failed: 文件是空的（0 字节）" in text
    assert "_one.txt" not in text


def test_store_is_one_transaction(monkeypatch):
    doc = run_pipeline("new.txt", "标题\n平利县新增社区工厂12家，带动就业300人。".encode())
    from archive.ingest import store as store_module

    real = store_module.insert_rows

    def boom(model, fields, rows):
        if model is Metric:
            raise RuntimeError("disk full")
        return real(model, fields, rows)

    monkeypatch.setattr(store_module, "insert_rows", boom)
    with pytest.raises(RuntimeError):
        store_documents([Item(doc)])[0]
    assert not Report.objects.filter(clean_text__contains="社区工厂12家").exists()


def test_plain_inserts_store_what_the_orm_would():
    from archive.ingest.store import insert_rows
    from archive.models import Metric

    doc = run_pipeline("plain.txt", "标题\n平利县新增社区工厂12家，带动就业约300人。".encode())
    stored = store_documents([Item(doc)])[0]
    metric = stored.report.metrics.get(unit="人")
    assert (metric.value, metric.approx, metric.region.code, metric.sentence) == (
        300.0,
        True,
        "610926",
        "平利县新增社区工厂12家，带动就业约300人。",
    )
    assert stored.report.fingerprints.count() == len(stored.report.fingerprints.values("band").distinct()) > 0
    with pytest.raises(ValueError, match="plain values"):  # every column must be given
        insert_rows(Metric, ("report_id", "value"), [(stored.report.pk, 1.0)])


def test_missing_path_is_reported():
    out = io.StringIO()
    call_command("ingest", "/nonexistent/file.txt", "--quiet", stdout=out)
    assert "failed: /nonexistent/file.txt: no such file or folder" in out.getvalue()
    assert seed(0).exists()
