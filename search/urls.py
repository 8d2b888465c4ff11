from django.urls import path

from .export import search_export
from .feeds import search_feed
from .views import search_page

app_name = "search"
urlpatterns = [
    path("", search_page, name="search"),
    # take-away: the whole result set and its feed (search/export.py, search/feeds.py)
    path("export/", search_export, name="export"),
    path("feed/", search_feed, name="feed"),
]
