from django.urls import path

from . import views

app_name = "awards"

urlpatterns = [
    path("certificates/", views.certificate_lookup, name="certificate_lookup"),
    path("certificates/<str:number>/", views.certificate, name="certificate"),
]
