"""Which cache the site runs on: every process of a server, or of several servers, shares it,
and sessions stay in the database. Read from the settings of a fresh process, as production
would start, never from the test run's own cache."""

import json

from .test_settings import PRODUCTION_KEY, run_manage

PRINT_CACHE_SETTINGS = (
    "import json; from django.conf import settings; print(json.dumps({"
    "'backend': settings.CACHES['default']['BACKEND'],"
    "'location': str(settings.CACHES['default']['LOCATION']),"
    "'session': settings.SESSION_ENGINE,"
    "'page_seconds': settings.KFQ_PAGE_CACHE_SECONDS,"
    "'fragment_seconds': settings.KFQ_FRAGMENT_CACHE_SECONDS}))"
)


def cache_settings(**env) -> dict:
    result = run_manage(
        "shell", "-v", "0", "-c", PRINT_CACHE_SETTINGS, KFQ_SECRET_KEY=PRODUCTION_KEY, **env
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_one_server_shares_a_cache_folder_among_its_workers(tmp_path):
    found = cache_settings(KFQ_CACHE_DIR=str(tmp_path / "cache"))

    assert found["backend"] == "django.core.cache.backends.filebased.FileBasedCache"
    assert found["location"] == str(tmp_path / "cache")
    assert found["session"] == "django.contrib.sessions.backends.db"
    assert found["page_seconds"] == found["fragment_seconds"] == 86400


def test_several_servers_share_redis():
    found = cache_settings(KFQ_CACHE_URL="redis://127.0.0.1:6379/0")

    assert found["backend"] == "django.core.cache.backends.redis.RedisCache"
    assert found["location"] == "redis://127.0.0.1:6379/0"
    assert found["session"] == "django.contrib.sessions.backends.db"


def test_pages_are_not_cached_while_debugging(tmp_path):
    found = cache_settings(KFQ_DEBUG="true", KFQ_SECRET_KEY_FILE=str(tmp_path / "key"))

    assert found["page_seconds"] == found["fragment_seconds"] == 0
