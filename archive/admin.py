"""Admin: upload reports, review what was extracted, correct it; the index follows.

Customised through get_* methods and @admin.action; every parse goes through
archive.ingest (no parsing code here) and every review rule through archive/curation.py: the
inlines mark what a person accepts, corrects, adds or rejects (a rejected extraction is kept,
hidden, so extracting again does not bring it back), re-extraction keeps those decisions, and
django-simple-history records each change with its user.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.forms.models import BaseInlineFormSet
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from . import curation, upload_views
from .ingest import Rejected, intake
from .marking import marked_html
from .models import (
    Curated,
    Initiative,
    InitiativeMention,
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
    format_number,
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
        from django.core.exceptions import PermissionDenied
        from django.shortcuts import get_object_or_404

        from .views.downloads import download

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


# -- the extracted records, reviewed in place ----------------------------------------------------


class CuratedFormSet(BaseInlineFormSet):
    """An inline's rows, saved as decisions: a changed row is corrected, a new one added, a ticked
    确认 accepted, and a deleted extraction rejected (kept, hidden) so it is not extracted again."""

    user = None

    def save_new(self, form, commit=True):
        obj = form.save(commit=False)
        obj.curation, obj.curated_by, obj.curated_at = Curated.ADDED, self.user, timezone.now()
        if commit:
            obj.save()
        return obj

    def save_existing(self, form, obj, commit=True):
        obj = form.save(commit=False)
        changed = [f for f in form.changed_data if f != "accept"]
        if changed:
            obj.curation = Curated.ADDED if obj.curation == Curated.ADDED else Curated.CORRECTED
        elif form.cleaned_data.get("accept"):
            obj.curation = Curated.ADDED if obj.curation == Curated.ADDED else Curated.ACCEPTED
        obj.curated_by, obj.curated_at = self.user, timezone.now()
        if commit:
            obj.save()
        return obj

    def delete_existing(self, obj, commit=True):
        if obj.curation == Curated.ADDED:  # a person's own addition: taken back entirely
            super().delete_existing(obj, commit)
        elif commit:
            curation.decide(obj, Curated.REJECTED, self.user)


class CuratedForm(forms.ModelForm):
    accept = forms.BooleanField(label="确认", required=False, help_text="确认此条抽取无误（或恢复已删除的一条）")


class CuratedInline(admin.TabularInline):
    formset = CuratedFormSet
    form = CuratedForm
    extra = 0
    classes = ["curated"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        widget = getattr(field, "widget", None)
        for flag in ("can_add_related", "can_change_related", "can_delete_related", "can_view_related"):
            if hasattr(widget, flag):  # the chooser alone: no add/edit/delete icons beside it in a row
                setattr(widget, flag, False)
        return field

    def get_queryset(self, request):
        return self.model.all_objects.all()  # the rejected too: a reviewer sees them and may restore them

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        return type(formset.__name__, (formset,), {"user": request.user})

    @admin.display(description="审核")
    def decided(self, obj):
        if obj.pk is None:
            return ""
        label = obj.get_curation_display()
        who = f" · {obj.curated_by}" if obj.curated_by_id else ""
        return format_html(
            '<span class="curation {}" id="{}">{}{}</span>', obj.curation or "machine", self.anchor(obj), label, who
        )


class FigureField(forms.FloatField):
    """A figure as written: 1,800,000 or 180万 in, 1,800,000 out (never 1.8e+06)."""

    widget = forms.TextInput(attrs={"size": 12, "inputmode": "decimal"})

    def prepare_value(self, value):
        return format_number(value) if isinstance(value, int | float) else value

    def to_python(self, value):
        if isinstance(value, str):
            value = value.replace(",", "").replace("，", "").replace(" ", "")
            for suffix, factor in (("亿", 1e8), ("万", 1e4)):
                if value.endswith(suffix):
                    number = super().to_python(value[:-1])
                    return None if number is None else number * factor
        return super().to_python(value)


class MetricForm(CuratedForm):
    value = FigureField(label="数值")

    class Meta:
        model = Metric
        fields = "__all__"
        widgets = {
            "label": forms.TextInput(attrs={"size": 14}),
            "unit": forms.TextInput(attrs={"size": 5}),
            "year": forms.NumberInput(attrs={"class": "year-input"}),
        }


class MetricInline(CuratedInline):
    model = Metric
    form = MetricForm
    fields = ["decided", "accept", "quote_in_text", "label", "value", "unit", "approx", "year", "change", "region"]
    readonly_fields = ["decided", "quote_in_text"]
    autocomplete_fields = ["region"]
    verbose_name_plural = "数据（每条可追溯到原句）"

    def anchor(self, obj):
        return f"metric-{obj.pk}"

    @admin.display(description="原文与句子")
    def quote_in_text(self, obj):
        if obj.pk is None:
            return ""
        sentence = obj.sentence if len(obj.sentence) <= 90 else obj.sentence[:88] + "…"
        return format_html('<b>{}</b><div class="sentence" title="{}">{}</div>', obj.quote, obj.sentence, sentence)


class PersonMentionInline(CuratedInline):
    model = PersonMention
    fields = ["decided", "accept", "person", "title"]
    readonly_fields = ["decided"]
    autocomplete_fields = ["person"]

    def anchor(self, obj):
        return f"person-{obj.person_id}"


class RegionMentionInline(CuratedInline):
    model = RegionMention
    fields = ["decided", "accept", "region", "count", "primary"]
    readonly_fields = ["decided"]
    autocomplete_fields = ["region"]

    def anchor(self, obj):
        return f"region-{obj.region_id}"


class InitiativeMentionInline(CuratedInline):
    model = InitiativeMention
    fields = ["decided", "accept", "initiative"]
    readonly_fields = ["decided"]
    autocomplete_fields = ["initiative"]

    def anchor(self, obj):
        return f"initiative-{obj.initiative_id}"


class CategoryInline(CuratedInline):
    model = ReportCategory
    fields = ["decided", "accept", "category"]
    readonly_fields = ["decided"]

    def anchor(self, obj):
        return f"category-{obj.category}"


# -- the review queue and the review page ---------------------------------------------------------


class DoubtFilter(admin.SimpleListFilter):
    title = "疑点"
    parameter_name = "doubt"

    def lookups(self, request, model_admin):
        return list(curation.DOUBTS.items())

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
    inlines = [RegionMentionInline, PersonMentionInline, InitiativeMentionInline, CategoryInline, MetricInline]
    actions = ["mark_reviewed", "mark_needs_review", "re_extract"]
    autocomplete_fields = ["source"]
    fieldsets = [
        ("报道", {"fields": ["title", "title_is_fallback", "subtitle", "source", "published", "byline", "editor"]}),
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
                site.admin_view(lambda request: upload_views.upload(site, request)),
                name="archive_report_upload",
            ),
            path(
                "upload/<int:pk>/",
                site.admin_view(lambda request, pk: upload_views.batch_page(site, request, pk)),
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

    HISTORIES = [Report, RegionMention, PersonMention, InitiativeMention, ReportCategory, Metric]

    def _records(self, report):
        records = list(report.history.select_related("history_user"))
        for model in self.HISTORIES[1:]:
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
                diff = [
                    (str(type(record.instance)._meta.get_field(c.field).verbose_name), _short(c.old), _short(c.new))
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
        model = next((m for m in self.HISTORIES if m._meta.model_name == model_name), None)
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


def _short(value):
    text = "—" if value in (None, "") else (format_number(value) if isinstance(value, float) else str(value))
    return text if len(text) <= 80 else text[:78] + "…"


# -- people and programmes: merge and split ------------------------------------------------------


class MergeAdmin(SimpleHistoryAdmin):
    """Merge (an action: choose the one that stays) and split (a page per record: choose the
    reports to take out into another record)."""

    actions = ["merge"]
    autocomplete_fields = ["region"]
    search_fields = ["name", "region__name", "region__code"]

    def get_queryset(self, request):
        from django.db.models import Count

        return super().get_queryset(request).select_related("region").annotate(mention_count=Count("mentions"))

    @admin.display(description="提及", ordering="mention_count")
    def mentions(self, obj):
        return obj.mention_count

    @admin.action(description="合并所选（保留其中一个）", permissions=["change"])
    def merge(self, request, queryset):
        if queryset.count() < 2:
            self.message_user(request, "请选择至少两个要合并的记录。", messages.WARNING)
            return None
        if "target" in request.POST:
            target = queryset.filter(pk=request.POST["target"]).first()
            if target is None:
                self.message_user(request, "请选出要保留的一个。", messages.ERROR)
                return None
            others = [o for o in queryset if o.pk != target.pk]
            moved = curation.merge(target, others, request.user)
            self.message_user(request, f"已把 {len(others)} 个记录并入“{target}”（{moved} 条提及）。")
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": f"合并{self.model._meta.verbose_name}",
            "objects": queryset,
            "opts": self.model._meta,
            "action_checkbox_name": ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/archive/merge.html", context)

    def get_urls(self):
        info = self.model._meta.app_label, self.model._meta.model_name
        return [
            path("<int:pk>/split/", self.admin_site.admin_view(self.split_view), name="{}_{}_split".format(*info)),
            *super().get_urls(),
        ]

    def split_view(self, request, pk):
        source = get_object_or_404(self.model, pk=pk)
        if not self.has_change_permission(request, source):
            raise PermissionDenied
        mention_model = curation.MERGEABLE[self.model][0]
        fk = curation.MERGEABLE[self.model][1]
        mentions = mention_model.all_objects.filter(**{fk: source}).select_related("report")
        form = SplitForm(request.POST or None, initial={"name": source.name})
        if request.method == "POST" and form.is_valid():
            chosen = [m for m in mentions if str(m.pk) in request.POST.getlist("mention")]
            if not chosen:
                form.add_error(None, "请勾选要拆出的报道。")
            else:
                target = curation.split(
                    source, chosen, form.cleaned_data["name"], form.cleaned_data["region"], request.user
                )
                self.message_user(request, f"已把 {len(chosen)} 篇报道的提及拆到“{target}”。")
                info = self.model._meta.app_label, self.model._meta.model_name
                return HttpResponseRedirect(reverse("admin:{}_{}_change".format(*info), args=[target.pk]))
        context = {
            **self.admin_site.each_context(request),
            "title": f"拆分：{source}",
            "source": source,
            "mentions": mentions,
            "form": form,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/archive/split.html", context)


class SplitForm(forms.Form):
    name = forms.CharField(label="新记录的名称", max_length=64)
    region = forms.ModelChoiceField(
        label="地区",
        queryset=Region.objects.all(),
        required=False,
        widget=forms.TextInput(attrs={"placeholder": "区划代码，如 520527"}),
        to_field_name="code",
    )


@admin.register(Person)
class PersonAdmin(MergeAdmin):
    list_display = ["name", "title", "kind", "region", "mentions"]
    list_filter = ["kind"]
    search_fields = ["name", "title", "region__name", "region__code"]


@admin.register(Initiative)
class InitiativeAdmin(MergeAdmin):
    list_display = ["name", "programme", "category", "region", "mentions"]
    list_filter = ["category"]


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "level", "parent", "poverty_county", "exit_year"]
    list_filter = ["level", "poverty_county", "exit_year"]
    search_fields = ["code", "name", "short_name"]
    autocomplete_fields = ["parent"]
    ordering = ["code"]


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    search_fields = ["name"]
