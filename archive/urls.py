from django.urls import path

from . import views

app_name = "archive"
urlpatterns = [
    path("", views.home, name="home"),
    path("region/<str:code>/", views.region, name="region"),
    path("report/<int:pk>/", views.report, name="report"),
    path("report/<int:pk>/original", views.original, name="original"),
    path("person/<int:pk>/", views.person, name="person"),
    path("programme/<str:key>/", views.programme, name="programme"),
    path("initiative/<int:pk>/", views.initiative, name="initiative"),
    path("category/<str:name>/", views.category, name="category"),
    path("figures/", views.figures, name="figures"),
]
