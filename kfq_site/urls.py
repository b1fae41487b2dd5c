"""The site's URLs: the admin, and each app's own urls.py."""

from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from . import views

admin.site.site_header = "《开发区建设》周刊编辑部"
admin.site.site_title = "《开发区建设》采编系统"
admin.site.index_title = "采编管理"

urlpatterns = [
    # One password change page for everybody, the one that clears a first-login flag.
    path("admin/password_change/", RedirectView.as_view(pattern_name="password_change")),
    path("admin/", admin.site.urls),
    path("accounts/", include("logins.urls")),
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("", include("reader.urls")),
    path("", include("portal.urls")),
    path("", include("awards.urls")),
    path("", include("reports.urls")),
    path("", include("indicators.urls")),
    path("", include("editorial.urls")),
]
