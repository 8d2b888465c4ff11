"""Admin: upload reports, see what was extracted, correct it; the index follows.

Customised through get_* methods and @admin.action; every parse goes through
archive.ingest.service (no parsing code here).
"""

from django import forms
from django.contrib import admin, messages
from django.db import transaction

from .ingest import Rejected, run_pipeline
from .ingest.files import expand
from .ingest.service import ingest_bytes, process_upload
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
)


class UploadForm(forms.ModelForm):
    file = forms.FileField(help_text="txt, html, docx, pdf, or a zip of many")

    class Meta:
        model = Upload
        fields = ["file"]


@admin.register(Upload)
class UploadAdmin(admin.ModelAdmin):
    list_display = ["original_name", "status", "report", "error", "size", "created"]
    list_filter = ["status"]
    search_fields = ["original_name", "error"]
    actions = ["retry"]

    def get_form(self, request, obj=None, **kwargs):
        return UploadForm if obj is None else super().get_form(request, obj, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        return ["file", "original_name", "sha256", "size", "status", "error", "report", "created"] if obj else []

    def save_model(self, request, obj, form, change):
        if change:
            return
        upload = form.cleaned_data["file"]
        data = upload.read()
        try:
            entries = expand(upload.name, data)
        except Rejected as exc:
            entries = [(upload.name, exc)]
        outcomes = [ingest_bytes(name, content) for name, content in entries]
        for o in outcomes:
            level = messages.ERROR if o.status == "failed" else messages.SUCCESS if o.status == "created" else messages.WARNING
            self.message_user(request, str(o), level)
        kept = Upload.objects.filter(original_name=entries[0][0]).first() if entries else None
        obj.pk = kept.pk if kept else None

    def response_add(self, request, obj, post_url_continue=None):
        from django.http import HttpResponseRedirect
        from django.urls import reverse

        return HttpResponseRedirect(reverse("admin:archive_upload_changelist"))

    @admin.action(description="Retry the selected files")
    def retry(self, request, queryset):
        for upload in queryset:
            self.message_user(request, str(process_upload(upload)))


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
        ("Text", {"classes": ["collapse"], "fields": ["clean_text", "script", "original", "original_name", "sha256"]}),
    ]

    def get_readonly_fields(self, request, obj=None):
        return ["script", "original", "original_name", "sha256", "clean_text"]

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
admin.site.site_header = "扶贫案例库 管理"
