"""A backup taken while the site writes is one consistent snapshot (SQLite's online backup)."""

import json
import sqlite3
import subprocess
import tarfile
import time
from pathlib import Path

import pytest

from tests.backups_tests.sites import ON_POSTGRESQL

# Each transaction adds one issue and one contributor: any consistent snapshot has as many
# of the one as of the other.
WRITER = """
import datetime, pathlib
from django.db import transaction
from articles.models import Contributor, Issue
stop, n = pathlib.Path({stop!r}), 0
while not stop.exists():
    with transaction.atomic():
        Issue.objects.create(date=datetime.date(2000, 1, 1) + datetime.timedelta(days=n))
        Contributor.objects.create(name=f"写入测试{{n}}")
    n += 1
print(n)
"""


def count_issues(database: Path) -> int:
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as connection:
        return connection.execute("SELECT COUNT(*) FROM articles_issue").fetchone()[0]


@pytest.mark.skipif(ON_POSTGRESQL, reason="sqlite_only: pg_dump's snapshot is PostgreSQL's own")
def test_a_backup_taken_while_another_connection_writes_is_consistent(make_site, tmp_path):
    site = make_site()
    site.manage("migrate", "--verbosity=0")
    database = Path(site.database_url.removeprefix("sqlite:///"))
    stop = tmp_path / "stop"
    writer = subprocess.Popen(
        **site.command("shell", "--no-imports", "-c", WRITER.format(stop=str(stop))),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while count_issues(database) < 50:
            assert time.monotonic() < deadline and writer.poll() is None, writer.stderr.read()
            time.sleep(0.1)
        site.manage("backup", str(tmp_path / "live.tar"))
    finally:
        stop.touch()
        written, errors = writer.communicate(timeout=60)
    assert writer.returncode == 0, errors

    with tarfile.open(tmp_path / "live.tar") as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
        tar.extract("database/db.sqlite3", tmp_path, filter="data")
    with sqlite3.connect(tmp_path / "database" / "db.sqlite3") as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        issues = copy.execute("SELECT COUNT(*) FROM articles_issue").fetchone()[0]
        contributors = copy.execute("SELECT COUNT(*) FROM articles_contributor").fetchone()[0]
    rows = {entry["model"]: entry["rows"] for entry in manifest["rows"]}

    assert issues == contributors
    # Taken while the writer ran: rows written before it are in, later ones are not.
    assert 50 <= issues < int(written)
    assert rows["articles.Issue"] == rows["articles.Contributor"] == issues
