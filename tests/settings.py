"""Settings for the test suite: the site's own, with a fixed test-only key and axes off.

kfq_site.settings refuses to start without KFQ_SECRET_KEY when debug is off, as it is in the
tests; pytest-django imports the settings before any conftest runs, so the key is given here
(pyproject.toml names this module). A key set in the environment wins.

Axes needs the request in every authenticate() call, and Django's test client (and the tests
that call authenticate() directly) passes none; the tests of the login lockout turn it on
(tests/logins_tests/test_login_lockout.py), as axes' documentation advises.
"""

import os

os.environ.setdefault("KFQ_SECRET_KEY", "test-only-key-never-used-outside-the-test-suite-0123")

from kfq_site.settings import *  # noqa: E402, F403
from kfq_site.settings import INSTALLED_APPS, STORAGES  # noqa: E402

# The benchmark's generate_corpus is tested too (tests/bench_tests/); the site does not ship it.
INSTALLED_APPS = [*INSTALLED_APPS, "bench"]

AXES_ENABLED = False

# No collectstatic before the tests: the plain storage names files as they are in static/, and
# WhiteNoise looks them up per request instead of scanning a STATIC_ROOT that does not exist.
# tests/deploy/served_site.py runs the production storage after a real collectstatic.
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True

# Each test process keeps its own cache in memory: the site's default folder (var/cache) would
# be shared with the developer's running site and between runs. The shared backends are tested
# apart (tests/articles_tests/test_freshness.py, tests/site/test_cache_settings.py).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
