"""The extracted records of a report, reviewed in place: an inline per kind whose rows are saved as
decisions (archive/curation.py) — a changed row corrected, a new one added, a ticked 确认 accepted, a
deleted extraction rejected (kept, hidden) so that extracting again does not bring it back."""

from django import forms
from django.contrib import admin
from django.forms.models import BaseInlineFormSet
from django.utils import timezone
from django.utils.html import format_html

from .. import curation
from ..entities import BY_KEY
from ..models import Curated, InitiativeMention, Metric, PersonMention, RegionMention, ReportCategory, format_number


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


class MetricField(forms.FloatField):
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
    value = MetricField(label="数值", required=False)

    def clean(self):
        """A figure has a value, or the words of a vague quantity (数十) in place of one."""
        data = super().clean()
        if data.get("value") is None and not data.get("vague") and not data.get("DELETE"):
            self.add_error("value", "请填写数值，或在“约数写法”中照原文填写不确切的数目（数十、几百）。")
        return data

    class Meta:
        model = Metric
        fields = "__all__"
        widgets = {
            "label": forms.TextInput(attrs={"size": 14}),
            "unit": forms.TextInput(attrs={"size": 5}),
            "year": forms.NumberInput(attrs={"class": "year-input"}),
        }


NOT_REVIEWED = ("label_key", "quote", "sentence", "position")  # derived from the label, or the text itself


class MetricInline(CuratedInline):
    model = Metric
    form = MetricForm
    # the registry's columns a reviewer corrects, in its order; the quote and sentence shown in quote_in_text
    fields = [
        "decided",
        "accept",
        "quote_in_text",
        *(c.removesuffix("_id") for c in BY_KEY["metrics"].columns if c not in NOT_REVIEWED),
    ]
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
