"""`make serve` (scripts/serve.sh) refuses to run production without its settings.

It runs for real in tests/deploy/test_nginx_*.py, behind nginx.
"""

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]


def serve(tmp_path, **env):
    dropped = ("KFQ_", "DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    clean = {k: v for k, v in os.environ.items() if not k.startswith(dropped)}
    # A new session, so that if the script wrongly starts the server, the whole group stops.
    process = subprocess.Popen(
        ["scripts/serve.sh"],
        cwd=PROJECT,
        env={
            **clean,
            "KFQ_VENV_PYTHON": sys.executable,
            "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
            "KFQ_STATIC_ROOT": str(tmp_path / "static"),
            "KFQ_CACHE_DIR": str(tmp_path / "cache"),
            "KFQ_BIND": "127.0.0.1:0",
            **env,
        },
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        stdout, stderr = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({}, "KFQ_SECRET_KEY 和 KFQ_ALLOWED_HOSTS"),
        ({"KFQ_ALLOWED_HOSTS": "kfq.example.cn"}, "KFQ_SECRET_KEY"),
        ({"KFQ_SECRET_KEY": "k" * 50}, "KFQ_ALLOWED_HOSTS"),
        ({"KFQ_SECRET_KEY": "k" * 50, "KFQ_ALLOWED_HOSTS": " "}, "KFQ_ALLOWED_HOSTS"),
    ],
)
def test_serve_refuses_to_start_without_its_settings_before_touching_anything(tmp_path, env, named):
    result = serve(tmp_path, **env)

    assert result.returncode != 0
    assert f"无法启动：正式运行必须设置环境变量 {named}。" in result.stderr
    assert not (tmp_path / "db.sqlite3").exists()
    assert not (tmp_path / "static").exists()


def test_serve_refuses_debug(tmp_path):
    result = serve(
        tmp_path, KFQ_SECRET_KEY="k" * 50, KFQ_ALLOWED_HOSTS="kfq.example.cn", KFQ_DEBUG="true"
    )

    assert result.returncode != 0
    assert "KFQ_DEBUG 不能开启" in result.stderr
    assert not (tmp_path / "db.sqlite3").exists()
