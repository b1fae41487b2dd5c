import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from kfq_site.settings import env_bool

PROJECT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("true", True),
        ("1", True),
        ("Yes", True),
        ("on", True),
        ("false", False),
        ("0", False),
        ("no", False),
        ("", False),
    ],
)
def test_env_bool_parses_explicitly(monkeypatch, raw, expected):
    monkeypatch.setenv("KFQ_TEST_FLAG", raw)
    assert env_bool("KFQ_TEST_FLAG") is expected


def test_env_bool_refuses_a_typo(monkeypatch):
    monkeypatch.setenv("KFQ_TEST_FLAG", "flase")
    with pytest.raises(ImproperlyConfigured):
        env_bool("KFQ_TEST_FLAG")


def run_manage(*args, **env):
    # The deploy check must see production's environment, not the test run's.
    dropped = ("KFQ_", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
    clean = {k: v for k, v in os.environ.items() if not k.startswith(dropped)}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deploy_check():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        KFQ_SECRET_KEY="a-long-random-production-secret-" + "x9Q" * 12,
        KFQ_DEBUG="false",
        KFQ_HTTPS="true",
        KFQ_ALLOWED_HOSTS="kfq.example.cn",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_the_deploy_check_catches_debug_and_plain_http():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", KFQ_DEBUG="true")
    assert result.returncode != 0
    assert "DEBUG" in result.stdout + result.stderr


def test_debug_is_off_unless_asked_for():
    result = run_manage(
        "shell", "-v", "0", "-c", "from django.conf import settings; print(settings.DEBUG)"
    )
    assert result.stdout.strip().splitlines()[-1] == "False"
