"""Uploads and their batches: the upload page, a batch's progress page (hooked into ReportAdmin.get_urls),
the list of uploaded files (download, run again) and the list of batches.

The upload request only checks and keeps (archive/intake/accept.py); the files are parsed by the batch's
background job (archive/intake/jobs.py). The progress page is one dict rendered as HTML and as JSON
(?format=json), which static/upload-progress.js polls to update the page without a reload; without
JavaScript the page refreshes itself until the batch is done.
"""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from ..formats import Page, respond
from ..intake import accept as intake
from ..models import BatchItem, Upload, UploadBatch
from ..views.downloads import download

ACCEPT = ".txt,.text,.html,.htm,.xhtml,.docx,.pdf,.zip"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (Django's documented recipe); an empty file is not a form error
    here but an outcome of its own in the batch ("the file is empty"), beside the others."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"multiple": True, "accept": ACCEPT}))
        super().__init__(allow_empty_file=True, **kwargs)

    def clean(self, data, initial=None):
        one = super().clean
        return [one(d, initial) for d in data] if isinstance(data, list | tuple) else [one(data, initial)]


class UploadFilesForm(forms.Form):
    files = MultipleFileField(
        label="文件",
        help_text="txt、html、docx、pdf，或装着多个文件的 zip；可一次选多个文件。",
        error_messages={"required": "请选择至少一个文件。"},
    )

    def clean_files(self):
        files = self.cleaned_data["files"]
        if len(files) > settings.UPLOAD_MAX_FILES:
            raise forms.ValidationError(f"一次最多上传 {settings.UPLOAD_MAX_FILES} 个文件；多的请打包成 zip 上传。")
        return files


def upload(admin_site, request):
    """GET: the form; POST: keep the files, make a batch, go to its page."""
    if not request.user.has_perm("archive.add_upload"):
        raise PermissionDenied
    form = UploadFilesForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        batch = intake.accept(form.cleaned_data["files"], request.user)
        messages.info(request, f"已收到 {batch.items.count()} 个文件，正在后台处理。")
        return HttpResponseRedirect(reverse("admin:archive_report_upload_batch", args=[batch.pk]))
    context = {
        **admin_site.each_context(request),
        "title": "上传报道",
        "form": form,
        "recent": UploadBatch.objects.filter(created_by=request.user)[:10] if request.user.is_authenticated else [],
        "max_mb": settings.UPLOAD_MAX_BYTES // 1024 // 1024,
        "max_files": settings.UPLOAD_MAX_FILES,
    }

    return TemplateResponse(request, "admin/archive/report/upload.html", context)


def batch_data(batch):
    """The progress of a batch, as the page and its JSON show it."""
    items = list(batch.items.select_related("parent").order_by("id"))
    files = [i for i in items if i.status != BatchItem.UNPACKED]  # a zip counts by its members
    done = sum(i.status != BatchItem.QUEUED for i in files)
    counts = {s: sum(i.status == s for i in files) for s, _label in BatchItem.STATUSES if s != BatchItem.UNPACKED}
    labels = dict(BatchItem.STATUSES)
    return {
        "batch": batch.pk,
        "status": batch.status,
        "status_label": dict(UploadBatch.STATUSES)[batch.status],
        "created": batch.created,
        "finished": batch.finished,
        "total": len(files),
        "done": done,
        "counts": counts,
        "items": [
            {
                "id": i.pk,
                "name": i.name,
                "status": i.status,
                "status_label": labels[i.status],
                "report": i.report_id,
                "report_url": reverse("archive:report", args=[i.report_id]) if i.report_id else None,
                "message": i.message,
                "in_zip": i.parent.name if i.parent_id else None,
                "shown": i.name.removeprefix(i.parent.name + "/") if i.parent_id else i.name,
            }
            for i in items
        ],
    }


def batch_page(admin_site, request, pk):
    if not request.user.has_perm("archive.view_upload"):
        raise PermissionDenied
    batch = get_object_or_404(UploadBatch, pk=pk)
    data = batch_data(batch)
    context = {**admin_site.each_context(request), "data": data, "running": batch.status != UploadBatch.DONE}
    return respond(
        request,
        Page(
            "admin/archive/report/upload_batch.html",
            data,
            f"上传批次 #{batch.pk}",
            table="items",
            columns=["name", "status_label", "report", "message", "in_zip"],
            filename=f"upload-batch-{batch.pk}",
            context=context,
            display=False,
        ),
    )


@admin.register(Upload)
class UploadAdmin(admin.ModelAdmin):
    list_display = ["original_name", "status", "report", "error", "size", "created"]
    list_filter = ["status"]
    search_fields = ["original_name", "error", "sha256"]
    actions = ["retry"]
    readonly_fields = ["stored_file", "original_name", "sha256", "size", "status", "error", "report", "created"]
    exclude = ["file"]

    def has_add_permission(self, request):
        return False  # files come in through the upload page (批次), never one by one here

    @admin.display(description="原始文件")
    def stored_file(self, obj):
        return format_html('<a href="{}">下载</a>', reverse("admin:archive_upload_download", args=[obj.pk]))

    def get_urls(self):
        return [
            path("<int:pk>/download/", self.admin_site.admin_view(self.download), name="archive_upload_download"),
            *super().get_urls(),
        ]

    def download(self, request, pk):
        if not self.has_view_permission(request):
            raise PermissionDenied
        upload = get_object_or_404(Upload, pk=pk)
        return download(upload.file, upload.original_name)

    def changelist_view(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "upload_url": reverse("admin:archive_report_upload")}
        return super().changelist_view(request, extra_context)

    @admin.action(description="重新处理所选文件")
    def retry(self, request, queryset):
        batch = intake.retry(queryset, request.user)
        self.message_user(request, f"已重新排队 {queryset.count()} 个文件（批次 #{batch.pk}）。")
        return HttpResponseRedirect(reverse("admin:archive_report_upload_batch", args=[batch.pk]))


@admin.register(UploadBatch)
class UploadBatchAdmin(admin.ModelAdmin):
    list_display = ["__str__", "created", "created_by", "status", "finished"]
    list_filter = ["status"]
    readonly_fields = ["created", "created_by", "status", "task_id", "finished"]

    def has_add_permission(self, request):
        return False

    def change_view(self, request, object_id, form_url="", extra_context=None):
        return HttpResponseRedirect(reverse("admin:archive_report_upload_batch", args=[object_id]))
