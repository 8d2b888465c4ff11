"""The admin speaks Chinese throughout: sections and models, field names, the change history's values,
and what a refused file is (issue 21 item 9)."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from archive.models import BatchItem, PersonMention
from tests.test_review import form_data, prefix_of

pytestmark = pytest.mark.django_db

ENGLISH = re.compile(r"[A-Za-z]{3,}")


@pytest.fixture
def admin_client(client, django_user_model, index_rollback):
    user = django_user_model.objects.create_superuser("审核甲", "a@example.com", "pw")
    client.force_login(user)
    client.user = user
    return client


def test_no_english_section_or_model_in_the_admin_index(admin_client):
    html = admin_client.get("/admin/").content.decode()
    sections = re.findall(r'class="section"[^>]*>(.*?)</a>', html, re.S)
    models = [re.sub(r"<[^>]+>|\s", "", m) for m in re.findall(r'<th scope="row"[^>]*>(.*?)</th>', html, re.S)]
    assert len(sections) >= 4 and len(models) >= 10
    for name in sections + models:
        assert not ENGLISH.search(name), name
    for app in ("axes", "django_tasks_database"):  # an app's own page names it the same
        page = admin_client.get(f"/admin/{app}/").content.decode()
        assert not ENGLISH.search(" ".join(re.findall(r'class="section"[^>]*>(.*?)</a>', page, re.S)))


def test_the_history_names_values_and_the_creation_is_the_extractions(admin_client, report_of):
    r = report_of(0)
    mention = r.person_mentions.exclude(title="").first()
    data = form_data(admin_client.get(f"/admin/archive/report/{r.pk}/change/"))
    data[f"{prefix_of(data, 'person_mentions', 'person', mention.person_id)}-title"] = "县委副书记（人工修正）"
    assert admin_client.post(f"/admin/archive/report/{r.pk}/change/", data).status_code == 302
    html = admin_client.get(f"/admin/archive/report/{r.pk}/changes/").content.decode()
    rows = html.split("<tr")[2:]
    changed = next(row for row in rows if "县委副书记（人工修正）" in row)
    assert "人工修正" in changed and "审核甲" in changed
    assert not re.search(r"→ corrected|→ 1\b|：1 →|corrected", changed)
    created = next(row for row in rows if "新建" in row and "人物提及" in row)
    assert "系统" in created and "审核甲" not in created  # extraction wrote it, not the reviewer
    record = PersonMention.history.filter(id=mention.pk).order_by("history_date").first()
    assert record.history_type == "+" and record.history_date == r.created and record.history_user is None


def test_a_damaged_word_file_is_called_a_damaged_word_file(admin_client, django_capture_on_commit_callbacks):
    broken = b"PK\x03\x04" + b"\x14\x00\x06\x00" + b"word/document.xml" + b"\x00" * 200  # cut off: no directory
    with django_capture_on_commit_callbacks(execute=True):
        r = admin_client.post("/admin/archive/report/upload/", {"files": [SimpleUploadedFile("报告.docx", broken)]})
    item = BatchItem.objects.get(name="报告.docx")
    page = admin_client.get(r.url).content.decode()  # the batch's page, after its job ran
    assert item.status == BatchItem.FAILED and "Word 文件" in item.message and "已损坏" in item.message
    assert "压缩包" not in item.message
    assert "报告.docx" in page and item.message in page
