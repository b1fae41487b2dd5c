"""jieba keeps its prepared dictionary in a cache file in the temporary folder. The folder is
shared by every user of the machine: a cache file another user left there (root running a
command once, the test suite) must not make the site's own user fail to load or write its
cache on every start, with a logged traceback each time."""

import os
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]

SEGMENT = """
import django
django.setup()
from search import segmentation
print(segmentation.query_terms("山西转型综合改革示范区"))
"""


def test_a_cache_file_left_by_someone_else_is_no_obstacle(tmp_path):
    # What another user's file is to this one: a path it can neither read nor replace. A folder
    # at that name is exactly that for every user, root included.
    (tmp_path / "jieba.cache").mkdir()
    env = {
        **os.environ,
        "TMPDIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "tests.settings",
    }

    result = subprocess.run(
        [sys.executable, "-c", SEGMENT],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stderr
    assert "示范区" in result.stdout
    assert "Dump cache file failed" not in result.stderr
    assert "Traceback" not in result.stderr
