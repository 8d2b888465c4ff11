"""People and programmes (initiatives): merge (an action on their lists) and split (a page per record)."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from simple_history.admin import SimpleHistoryAdmin

from .. import curation
from ..models import Initiative, Person, Region


class MergeAdmin(SimpleHistoryAdmin):
    """Merge (an action: choose the one that stays) and split (a page per record: choose the
    reports to take out into another record)."""

    actions = ["merge"]
    autocomplete_fields = ["region"]
    search_fields = ["name", "region__name", "region__code"]

    def get_queryset(self, request):

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
        mention_model, fk, _alias, _alias_fk = curation.mergeable(self.model)
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
