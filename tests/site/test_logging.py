"""Each log record is written once, under `make run` (debug on) and in production alike."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
WARN = "import logging; logging.getLogger({logger!r}).warning('记录只写一次')"


def stderr_of_a_warning(tmp_path, *, logger: str, debug: bool) -> str:
    """Log one warning in a fresh process configured as `manage.py` configures it."""
    dropped = ("KFQ_", "DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    clean = {k: v for k, v in os.environ.items() if not k.startswith(dropped)}
    env = {
        **clean,
        "KFQ_DEBUG": "true" if debug else "false",
        "KFQ_SECRET_KEY": "logging-test-key-" + "k" * 40,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", WARN.format(logger=logger)],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stderr


@pytest.mark.parametrize("debug", [True, False], ids=["make-run", "production"])
@pytest.mark.parametrize("logger", ["django.request", "articles.photos"])
def test_a_warning_is_written_once(tmp_path, logger, debug):
    stderr = stderr_of_a_warning(tmp_path, logger=logger, debug=debug)

    assert stderr.count("记录只写一次") == 1, stderr
