"""Regions and sources: the records the review's choosers look up (by name or GB/T 2260 code)."""

from django.contrib import admin

from ..models import Region, Source


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
