"""The archive's admin site: Django's, with Chinese titles and choosers that show what a reviewer
knows a record by (a region by its name and GB/T 2260 code: 赫章县（520527）, never its row id)."""

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.contrib.admin.views.autocomplete import AutocompleteJsonView


class LabelledAutocomplete(AutocompleteJsonView):
    def serialize_result(self, obj, to_field_name):
        return {"id": str(getattr(obj, to_field_name)), "text": getattr(obj, "label", None) or str(obj)}


class ArchiveAdminSite(admin.AdminSite):
    site_header = site_title = "扶贫案例库 管理"
    index_title = "审核与管理"

    def autocomplete_view(self, request):
        return LabelledAutocomplete.as_view(admin_site=self)(request)


class ArchiveAdminConfig(AdminConfig):
    default_site = "archive.admin_site.ArchiveAdminSite"
