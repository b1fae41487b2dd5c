"""The site's settings plus the benchmark's baseline page (bench/urls.py); benchmark only."""

from kfq_site.settings import *  # noqa: F403
from kfq_site.settings import ALLOWED_HOSTS, BASE_DIR, INSTALLED_APPS, STORAGES, TEMPLATES

# For generate_corpus, the synthetic archive the benchmark measures; not part of the site.
INSTALLED_APPS = [*INSTALLED_APPS, "bench"]

ROOT_URLCONF = "bench.urls"
TEMPLATES = [{**TEMPLATES[0], "DIRS": [*TEMPLATES[0]["DIRS"], BASE_DIR / "bench" / "templates"]}]
# The in-process query count uses Django's test client, whose requests name this host.
ALLOWED_HOSTS = [*ALLOWED_HOSTS, "testserver"]
# The benchmark runs without collectstatic: plain static names, and WhiteNoise looks files up
# per request instead of scanning a STATIC_ROOT that does not exist.
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True
