from django.urls import path

from indicators import views

app_name = "indicators"

urlpatterns = [
    path("figures/", views.comparison, name="comparison"),
    path("figures/export.csv", views.download, {"file_format": "csv"}, name="download_csv"),
    path("figures/export.xlsx", views.download, {"file_format": "xlsx"}, name="download_xlsx"),
]
