"""The hostile-input load script (bench/hostile_load.py) runs end to end and passes, briefly."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench.browser import form_fields, replace_fields
from bench.hostile_records import Record

PROJECT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(
    os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="sqlite_only: the smoke run uses its own SQLite file; make load-postgres covers PG",
)
def test_a_short_run_prints_its_figures_and_passes(tmp_path):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("KFQ_", "DATABASE_URL"))}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "bench.hostile_load",
            "--seconds=3",
            "--clients=2",
            "--editors=1",
            "--workers=2",
            "--seed=smoke",
            f"--sqlite-file={tmp_path / 'hostile.sqlite3'}",
            f"--output-dir={tmp_path}",
        ],
        cwd=PROJECT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=180,
    )

    assert "5xx 响应" in result.stdout
    assert "database is locked" in result.stdout
    assert "其中已投或之后且有稿号" in result.stdout
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    figures = json.loads((tmp_path / "hostile-sqlite.json").read_text())
    assert figures["requests"] > 0
    assert figures["server_errors"] == 0
    assert figures["accepted"] == figures["accepted_numbered"]


def test_a_form_is_posted_back_as_a_browser_would():
    markup = """
    <form method="post"><input type="hidden" name="csrfmiddlewaretoken" value="t0k">
      <input name="title" value="标题 &amp; 副题"><textarea name="body">
第一段</textarea>
      <select name="zone"><option value="1">甲</option><option value="2" selected>乙</option>
      </select>
      <select name="co_authors" multiple><option value="7">丙</option></select>
      <select name="genre"><option value="消息">消息</option></select>
      <input type="checkbox" name="agree"><input type="file" name="photo">
      <button type="submit" name="submit">投稿</button>
    </form>
    """

    fields = form_fields(markup, "title")

    assert fields == [
        ("csrfmiddlewaretoken", "t0k"),
        ("title", "标题 & 副题"),
        ("body", "第一段"),
        ("zone", "2"),
        ("genre", "消息"),
    ]
    assert replace_fields(fields, zone="3", co_authors=["7", "8"])[-3:] == [
        ("zone", "3"),
        ("co_authors", "7"),
        ("co_authors", "8"),
    ]


def test_a_4xx_counts_as_handled_only_where_listed_and_a_5xx_never():
    def record(status, allowed=frozenset()):
        return Record("hostile", "x", status, 0.1, frozenset(allowed))

    assert not record(302).unexpected
    assert not record(404, {404}).unexpected
    assert record(404).unexpected
    assert record(500, {500}).server_error
    assert not record(500, {500}).unexpected  # counted once, as a server error
