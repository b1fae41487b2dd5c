import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from kfq_site.settings import env_bool

PROJECT = Path(__file__).resolve().parents[2]
PRODUCTION_KEY = "a-long-random-production-secret-" + "x9Q" * 12


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
    # The deploy check must see production's environment and settings, not the test run's.
    dropped = ("KFQ_", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE", "DJANGO_SETTINGS_MODULE")
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
        KFQ_SECRET_KEY=PRODUCTION_KEY,
        KFQ_DEBUG="false",
        KFQ_HTTPS="true",
        KFQ_ALLOWED_HOSTS="kfq.example.cn",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_the_deploy_check_catches_debug_and_plain_http(tmp_path):
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        KFQ_DEBUG="true",
        KFQ_SECRET_KEY_FILE=str(tmp_path / "secret_key"),
    )
    assert result.returncode != 0
    assert "DEBUG" in result.stdout + result.stderr


def test_debug_is_off_unless_asked_for():
    result = run_manage(
        "shell",
        "-v",
        "0",
        "-c",
        "from django.conf import settings; print(settings.DEBUG)",
        KFQ_SECRET_KEY=PRODUCTION_KEY,
    )
    assert result.stdout.strip().splitlines()[-1] == "False"


def print_secret_key(**env):
    return run_manage(
        "shell",
        "-v",
        "0",
        "-c",
        "from django.conf import settings; print(settings.SECRET_KEY)",
        **env,
    )


def test_without_a_key_and_debug_off_the_site_refuses_to_start(tmp_path):
    key_file = tmp_path / "secret_key"
    result = print_secret_key(KFQ_SECRET_KEY_FILE=str(key_file))

    assert result.returncode != 0
    assert "未设置环境变量 KFQ_SECRET_KEY" in result.stderr
    assert not key_file.exists()


def test_an_empty_key_counts_as_no_key(tmp_path):
    result = print_secret_key(KFQ_SECRET_KEY="  ", KFQ_SECRET_KEY_FILE=str(tmp_path / "k"))
    assert result.returncode != 0
    assert "KFQ_SECRET_KEY" in result.stderr


def test_the_debug_server_keeps_one_generated_key_across_restarts(tmp_path):
    key_file = tmp_path / "var" / "secret_key"

    first = print_secret_key(KFQ_DEBUG="true", KFQ_SECRET_KEY_FILE=str(key_file))
    second = print_secret_key(KFQ_DEBUG="true", KFQ_SECRET_KEY_FILE=str(key_file))

    assert first.returncode == 0, first.stderr
    key = first.stdout.strip().splitlines()[-1]
    assert len(key) >= 50
    assert second.stdout.strip().splitlines()[-1] == key
    assert key_file.read_text().strip() == key
    assert key_file.stat().st_mode & 0o777 == 0o600


def test_a_configured_key_is_used_and_no_file_is_written(tmp_path):
    key_file = tmp_path / "secret_key"
    result = print_secret_key(
        KFQ_DEBUG="true", KFQ_SECRET_KEY=PRODUCTION_KEY, KFQ_SECRET_KEY_FILE=str(key_file)
    )
    assert result.stdout.strip().splitlines()[-1] == PRODUCTION_KEY
    assert not key_file.exists()


def test_the_default_key_file_is_in_the_ignored_var_folder():
    # The generated key (var/secret_key by default) must never be committed.
    assert "var/" in (PROJECT / ".gitignore").read_text().splitlines()


@pytest.mark.parametrize("levels", ["4", "三", "0"])
def test_a_review_level_count_other_than_one_two_or_three_is_refused_in_chinese(levels):
    result = run_manage(
        "check", KFQ_DEBUG="true", KFQ_SECRET_KEY=PRODUCTION_KEY, KFQ_REVIEW_LEVELS=levels
    )
    assert result.returncode != 0
    assert "KFQ_REVIEW_LEVELS 只能是 1、2 或 3" in result.stderr
