from django.contrib import admin
from django.urls import include, path

# Stored originals are never served from MEDIA_URL: archive:original hands them out as downloads.
urlpatterns = [
    path("admin/", admin.site.urls),
    path("search/", include("search.urls")),
    path("", include("archive.urls")),
]

# with DEBUG off: the archive's own pages, in Chinese with the search box (archive/views/errors.py)
handler404 = "archive.views.errors.not_found"
handler500 = "archive.views.errors.server_error"
