from django.urls import path

from .views.basket import basket, basket_add, basket_clear, basket_export, basket_remove
from .views.compare import compare
from .views.concordance import concordance
from .views.downloads import original
from .views.home import home
from .views.metrics import metrics
from .views.people import person
from .views.programmes import category, initiative, programme
from .views.regions import region
from .views.reports import report
from .views.spread import spread
from .views.trends import trends

app_name = "archive"
urlpatterns = [
    path("", home, name="home"),
    path("region/<str:code>/", region, name="region"),
    path("report/<int:pk>/", report, name="report"),
    path("report/<int:pk>/original", original, name="original"),
    path("person/<int:pk>/", person, name="person"),
    path("programme/<str:key>/", programme, name="programme"),
    path("initiative/<int:pk>/", initiative, name="initiative"),
    path("category/<str:name>/", category, name="category"),
    # the selection basket (views/basket.py)
    path("basket/", basket, name="basket"),
    path("basket/add/", basket_add, name="basket_add"),
    path("basket/remove/", basket_remove, name="basket_remove"),
    path("basket/clear/", basket_clear, name="basket_clear"),
    path("basket/export/", basket_export, name="basket_export"),
    path("figures/", metrics, name="figures"),
    # the research tools (issue 22)
    path("trends/", trends, name="trends"),
    path("concordance/", concordance, name="concordance"),
    path("programme/<str:key>/spread/", spread, name="spread"),
    path("compare/", compare, name="compare"),
]
