"""The archive's admin site: Django's, with Chinese titles and choosers that show what a reviewer
knows a record by (a region by its name and GB/T 2260 code: 赫章县（520527）, never its row id)."""

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.contrib.admin.views.autocomplete import AutocompleteJsonView


class LabelledAutocomplete(AutocompleteJsonView):
    def serialize_result(self, obj, to_field_name):
        return {"id": str(getattr(obj, to_field_name)), "text": getattr(obj, "label", None) or str(obj)}


# the sections and models of the libraries the admin shows, named in Chinese (their own names are English)
APP_NAMES = {"axes": "登录保护", "django_tasks_database": "后台任务", "auth": "用户与权限"}
MODEL_NAMES = {
    ("axes", "AccessAttempt"): "登录失败（锁定计数）",
    ("axes", "AccessFailureLog"): "登录失败记录",
    ("axes", "AccessLog"): "登录记录",
    ("django_tasks_database", "DBTaskResult"): "任务结果",
}


class ArchiveAdminSite(admin.AdminSite):
    site_header = site_title = "扶贫案例库 管理"
    index_title = "审核与管理"

    def get_app_list(self, request, app_label=None):
        """The index, an app's page and the sidebar: every section and model named in Chinese."""
        apps = super().get_app_list(request, app_label)
        for app in apps:
            app["name"] = APP_NAMES.get(app["app_label"], app["name"])
            for model in app["models"]:
                model["name"] = MODEL_NAMES.get((app["app_label"], model["object_name"]), model["name"])
        return apps

    def autocomplete_view(self, request):
        return LabelledAutocomplete.as_view(admin_site=self)(request)


class ArchiveAdminConfig(AdminConfig):
    default_site = "archive.admin_site.ArchiveAdminSite"
