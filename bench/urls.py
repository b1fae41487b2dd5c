"""The site's URLs plus /bench/bare/: static text in the site's frame, the baseline page."""

from django.urls import path
from django.views.generic import TemplateView

from kfq_site.urls import urlpatterns as site_urlpatterns

urlpatterns = [
    path("bench/bare/", TemplateView.as_view(template_name="bench/bare.html"), name="bench_bare"),
    *site_urlpatterns,
]
