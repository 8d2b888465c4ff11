"""Admin: upload reports, see what was extracted, correct it; the index follows.

Customised through get_* methods and @admin.action; every parse goes through
archive.ingest.service (no parsing code here).
"""

from django.contrib import admin, messages
from django.db import transaction
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.utils.html import format_html

from . import upload_views
from .ingest import Rejected, intake, run_pipeline
from .ingest.store import save_entities
from .models import (
    Initiative,
    Metric,
    Person,
    PersonMention,
    Region,
    RegionMention,
    Report,
    ReportCategory,
    Source,
    Upload,
    UploadBatch,
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
        return [path("<int:pk>/download/", self.admin_site.admin_view(self.download), name="archive_upload_download"),
                *super().get_urls()]

    def download(self, request, pk):
        from django.core.exceptions import PermissionDenied
        from django.shortcuts import get_object_or_404

        from .views import download

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


class MetricInline(admin.TabularInline):
    model = Metric
    extra = 0
    fields = ["label", "value", "unit", "approx", "year", "region", "quote", "sentence"]
    raw_id_fields = ["region"]
    readonly_fields = ["quote", "sentence"]


class PersonMentionInline(admin.TabularInline):
    model = PersonMention
    extra = 0
    raw_id_fields = ["person"]


class RegionMentionInline(admin.TabularInline):
    model = RegionMention
    extra = 0
    raw_id_fields = ["region"]


class CategoryInline(admin.TabularInline):
    model = ReportCategory
    extra = 0


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["title", "source", "published", "script", "status", "title_is_fallback"]
    list_filter = ["status", "script", "source", "title_is_fallback"]
    search_fields = ["title", "clean_text"]
    date_hierarchy = "published"
    inlines = [RegionMentionInline, PersonMentionInline, CategoryInline, MetricInline]
    actions = ["re_extract"]
    fieldsets = [
        (None, {"fields": ["title", "title_is_fallback", "subtitle", "source", "published", "byline", "editor", "status", "error"]}),
        ("Text", {"classes": ["collapse"], "fields": ["clean_text", "script", "original_file", "original_name", "sha256"]}),
    ]

    def get_readonly_fields(self, request, obj=None):
        return ["script", "original_file", "original_name", "sha256", "clean_text"]

    @admin.display(description="原始文件")
    def original_file(self, obj):
        if not obj.original:
            return "—"
        return format_html('<a href="{}">下载</a>', reverse("archive:original", args=[obj.pk]))

    def get_urls(self):
        site = self.admin_site
        return [
            path("upload/", site.admin_view(lambda request: upload_views.upload(site, request)),
                 name="archive_report_upload"),
            path("upload/<int:pk>/", site.admin_view(lambda request, pk: upload_views.batch_page(site, request, pk)),
                 name="archive_report_upload_batch"),
            *super().get_urls(),
        ]

    @admin.action(description="Extract again from the original (replaces corrections)")
    def re_extract(self, request, queryset):
        for report in queryset:
            try:
                if report.original:
                    with report.original.open("rb") as fh:
                        data = fh.read()
                else:
                    data = report.raw_text.encode("utf-8")
                doc = run_pipeline(report.original_name or f"report-{report.pk}", data)
            except (Rejected, OSError) as exc:
                self.message_user(request, f"#{report.pk}: {exc}", messages.ERROR)
                continue
            with transaction.atomic():
                save_entities(report, doc)
                report.save()
            self.message_user(request, f"#{report.pk}: extracted again")


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "title", "kind", "region"]
    list_filter = ["kind"]
    search_fields = ["name", "title"]
    raw_id_fields = ["region"]


@admin.register(Initiative)
class InitiativeAdmin(admin.ModelAdmin):
    list_display = ["name", "category", "region"]
    list_filter = ["category"]
    search_fields = ["name"]
    raw_id_fields = ["region"]


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "level", "parent", "poverty_county", "exit_year"]
    list_filter = ["level", "poverty_county", "exit_year"]
    search_fields = ["code", "name", "short_name"]
    raw_id_fields = ["parent"]


admin.site.register(Source)
admin.site.site_header = admin.site.site_title = "扶贫案例库 管理"
