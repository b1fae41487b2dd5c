from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.views.generic import RedirectView

from articles import media
from articles.page_cache import cached_for_readers
from articles.sitemaps import SITEMAPS
from articles.views.front import robots_txt

from . import views

admin.site.site_header = "《开发区建设》周刊编辑部"
admin.site.site_title = "《开发区建设》采编系统"
admin.site.index_title = "采编管理"

urlpatterns = [
    # One password change page for everybody, the one that clears a first-login flag.
    path("admin/password_change/", RedirectView.as_view(pattern_name="password_change")),
    path("admin/", admin.site.urls),
    path("accounts/", include("logins.urls")),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon, name="favicon"),
    path(
        "sitemap.xml",
        cached_for_readers(sitemap_views.index),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        cached_for_readers(sitemap_views.sitemap),
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
    path("", include("articles.urls")),
    path("", include("awards.urls")),
    # Not static(): uploads are served in every mode, and only to those who may see them.
    path(f"{settings.MEDIA_URL.strip('/')}/<path:name>", media.photo_file, name="media"),
]
