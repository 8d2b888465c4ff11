from django.urls import path

from . import views

app_name = "archive"
urlpatterns = [
    path("", views.home, name="home"),
    path("region/<str:code>/", views.region, name="region"),
    path("report/<int:pk>/", views.report, name="report"),
    path("report/<int:pk>/original", views.original, name="original"),
    path("person/<int:pk>/", views.person, name="person"),
    path("figures/", views.figures, name="figures"),
]
