"""The review queue (报道, filtered by 审核状态 and 疑点) and a report's review page: its marked text, the
inlines, the review actions, re-extraction that keeps what people decided, and 变更记录 (every change to
the report and its records, with who and when, each revertible). The upload pages hang off its URLs."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from .. import curation
from ..entities import KINDS
from ..ingest import Rejected
from ..marking import marked_html
from ..models import Report, format_number
from .uploads import batch_page, upload


class DoubtFilter(admin.SimpleListFilter):
    title = "疑点"
    parameter_name = "doubt"

    def lookups(self, request, model_admin):
        return [(k, f"{words}（{curation.SEVERITY[k]}）") for k, words in curation.DOUBTS.items()]

    def queryset(self, request, queryset):
        q = curation.doubt_filters().get(self.value())
        return queryset.filter(q) if q is not None else queryset


@admin.register(Report)
class ReportAdmin(SimpleHistoryAdmin):
    list_display = ["title", "source", "published", "review", "doubt_list", "reviewed_by", "updated"]
    list_filter = ["review", DoubtFilter, "script", "source"]
    search_fields = ["title", "clean_text"]
    date_hierarchy = "published"
    list_select_related = ["source", "reviewed_by"]
    inlines = [kind.part("inline") for kind in KINDS]  # one per entity kind (archive/entities.py)
    actions = ["mark_reviewed", "mark_needs_review", "re_extract"]
    autocomplete_fields = ["source"]
    fieldsets = [
        (
            "报道",
            {"fields": ["title", "title_is_fallback", "subtitle", "source", "published", "byline", "editor", "url"]},
        ),
        ("审核", {"fields": ["review_line", "doubt_line", "curated_line", "error"]}),
        ("正文（标出抽取到的地区、人物、项目和数据）", {"classes": ["marked-text"], "fields": ["marked_text"]}),
        ("文件", {"classes": ["collapse"], "fields": ["script", "original_file", "original_name", "sha256"]}),
    ]
    readonly_fields = [
        "review_line",
        "doubt_line",
        "curated_line",
        "marked_text",
        "script",
        "original_file",
        "original_name",
        "sha256",
        "error",
    ]
    history_list_display = ["review"]

    class Media:
        css = {"all": ["admin-review.css"]}
        js = ["admin-review.js"]

    def has_delete_permission(self, request, obj=None):
        return request.user.has_perm("archive.delete_report")

    def get_queryset(self, request):
        return curation.with_doubts(super().get_queryset(request))  # the doubts column in the same query

    @admin.display(description="疑点")
    def doubt_list(self, obj):
        return "、".join(words for _k, words in curation.doubts(obj)) or "—"

    @admin.display(description="审核状态")
    def review_line(self, obj):
        if obj.review == Report.REVIEWED and obj.reviewed_by_id:
            return (
                f"{obj.get_review_display()} · {obj.reviewed_by} · {timezone.localtime(obj.reviewed_at):%Y-%m-%d %H:%M}"
            )
        return obj.get_review_display()

    @admin.display(description="抽取的疑点")
    def doubt_line(self, obj):
        return "、".join(words for _k, words in curation.doubts(obj)) or "无"

    @admin.display(description="人工修改的字段")
    def curated_line(self, obj):
        return (
            "、".join(str(Report._meta.get_field(f).verbose_name) for f in obj.curated_fields)
            or "无（重新抽取时跟随抽取）"
        )

    @admin.display(description="正文")
    def marked_text(self, obj):
        return format_html(
            '<div class="legend"><mark class="region">地区</mark> <mark class="person">人物</mark> '
            '<mark class="programme">项目</mark> <mark class="figure">数据</mark>'
            '（点标记跳到下面对应的一行）</div><div class="text">{}</div>',
            marked_html(obj),
        )

    @admin.display(description="原始文件")
    def original_file(self, obj):
        if not obj.original:
            return "—"
        return format_html('<a href="{}">下载</a>', reverse("archive:original", args=[obj.pk]))

    def save_model(self, request, obj, form, change):
        touched = [f for f in form.changed_data if f in Report.EXTRACTED_FIELDS]
        obj.curated_fields = sorted(set(obj.curated_fields) | set(touched))
        if touched:
            obj._change_reason = "人工修改：" + "、".join(str(Report._meta.get_field(f).verbose_name) for f in touched)
        super().save_model(request, obj, form, change)

    def response_change(self, request, obj):
        for key, state in (("_reviewed", Report.REVIEWED), ("_needs_review", Report.NEEDS_REVIEW)):
            if key in request.POST:
                curation.mark([obj], state, request.user)
                self.message_user(request, f"#{obj.pk} 已标为“{obj.get_review_display()}”。")
                return HttpResponseRedirect(reverse("admin:archive_report_changelist") + "?review__exact=new")
        return super().response_change(request, obj)

    def get_urls(self):
        site = self.admin_site
        return [
            path(
                "upload/",
                site.admin_view(lambda request: upload(site, request)),
                name="archive_report_upload",
            ),
            path(
                "upload/<int:pk>/",
                site.admin_view(lambda request, pk: batch_page(site, request, pk)),
                name="archive_report_upload_batch",
            ),
            path("<int:pk>/changes/", site.admin_view(self.changes_view), name="archive_report_changes"),
            path("<int:pk>/changes/revert/", site.admin_view(self.revert_view), name="archive_report_revert"),
            *super().get_urls(),
        ]

    @admin.action(description="标为已审核", permissions=["change"])
    def mark_reviewed(self, request, queryset):
        curation.mark(queryset, Report.REVIEWED, request.user)
        self.message_user(request, f"{queryset.count()} 篇报道已标为已审核。")

    @admin.action(description="标为待复核", permissions=["change"])
    def mark_needs_review(self, request, queryset):
        curation.mark(queryset, Report.NEEDS_REVIEW, request.user)
        self.message_user(request, f"{queryset.count()} 篇报道已标为待复核。")

    @admin.action(description="重新抽取（保留人工审核）", permissions=["change"])
    def re_extract(self, request, queryset):
        for report in queryset:
            try:
                changes = curation.reextract_from_original(report, request.user)
            except (Rejected, OSError) as exc:
                self.message_user(request, f"#{report.pk}：未能重新抽取：{exc}", messages.ERROR)
                continue
            self.message_user(request, f"#{report.pk}：{changes}")

    # -- every change to a report and its records, with who and when; any can be reverted --------

    def _records(self, report):
        records = list(report.history.select_related("history_user"))
        for model in (kind.model for kind in KINDS):
            records += list(model.history.filter(report_id=report.pk).select_related("history_user"))
        records.sort(key=lambda r: r.history_date, reverse=True)
        return records

    def changes_view(self, request, pk):
        report = get_object_or_404(Report, pk=pk)
        if not self.has_view_permission(request, report):
            raise PermissionDenied
        rows = []
        for record in self._records(report):
            previous = record.prev_record
            diff = []
            if previous is not None and record.history_type == "~":
                delta = record.diff_against(previous)
                meta = type(record.instance)._meta
                diff = [
                    (
                        str(meta.get_field(c.field).verbose_name),
                        _short(_shown(meta.get_field(c.field), c.old)),
                        _short(_shown(meta.get_field(c.field), c.new)),
                    )
                    for c in delta.changes
                    if c.field not in ("updated", "curated_at")
                ]
            rows.append(
                {
                    "record": record,
                    "model": record.instance._meta.verbose_name,
                    "what": str(record.instance),
                    "type": {"+": "新建", "~": "修改", "-": "删除"}[record.history_type],
                    "diff": diff,
                    "token": f"{record.instance._meta.model_name}:{record.history_id}",
                }
            )
        context = {
            **self.admin_site.each_context(request),
            "title": f"变更记录：{report}",
            "report": report,
            "rows": rows,
            "opts": self.model._meta,
            "can_revert": self.has_change_permission(request, report),
        }
        return TemplateResponse(request, "admin/archive/report/changes.html", context)

    def revert_view(self, request, pk):
        """Put a record back as it was in one history entry (a deleted one is restored)."""
        report = get_object_or_404(Report, pk=pk)
        if request.method != "POST" or not self.has_change_permission(request, report):
            raise PermissionDenied
        model_name, _sep, history_id = request.POST.get("record", "").partition(":")
        model = next((m for m in (Report, *(k.model for k in KINDS)) if m._meta.model_name == model_name), None)
        if model is None or not history_id.isdigit():
            raise PermissionDenied
        record = get_object_or_404(model.history, history_id=int(history_id))
        if getattr(record, "report_id", record.id) != report.pk:
            raise PermissionDenied
        instance = record.instance
        instance._change_reason = f"恢复到 {timezone.localtime(record.history_date):%Y-%m-%d %H:%M:%S} 的版本"
        with transaction.atomic():
            instance.save()
        self.message_user(request, f"已恢复：{instance._meta.verbose_name} {instance}。")
        return HttpResponseRedirect(reverse("admin:archive_report_changes", args=[pk]))


def _shown(field, value):
    """A stored value as the admin names it: a choice by its label (人工修正, not corrected), a related
    record by its name (the reviewer's user name, a region's name, not its id), a flag as 是/否."""
    if value in (None, ""):
        return value
    if field.choices:
        return dict(field.flatchoices).get(value, value)
    if field.is_relation:
        found = field.related_model._base_manager.filter(pk=value).first()
        return str(found) if found is not None else f"#{value}（已删除）"
    if isinstance(value, bool):
        return "是" if value else "否"
    return value


def _short(value):
    text = "—" if value in (None, "") else (format_number(value) if isinstance(value, float) else str(value))
    return text if len(text) <= 80 else text[:78] + "…"
