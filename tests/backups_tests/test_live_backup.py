"""A backup taken while the site writes is one consistent snapshot: SQLite's online backup
API, or pg_dump inside the snapshot in which the manifest's rows were counted."""

import json
import subprocess

# Each transaction adds one issue and one contributor: any consistent snapshot has as many
# of the one as of the other. The writer says when it has written 50 and goes on until told.
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
    if n == 50:
        print("50", flush=True)
print(n)
"""

COUNTS = """
import json
from articles.models import Contributor, Issue
print(json.dumps([Issue.objects.count(), Contributor.objects.count()]))
"""


def test_a_backup_taken_while_another_connection_writes_is_consistent(make_site, tmp_path):
    site = make_site()
    site.manage("migrate", "--verbosity=0")
    stop = tmp_path / "stop"
    writer = subprocess.Popen(
        **site.command("shell", "--no-imports", "-c", WRITER.format(stop=str(stop))),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        assert writer.stdout.readline().strip() == "50"
        site.manage("backup", str(tmp_path / "live.tar"))
    finally:
        stop.touch()
        written, errors = writer.communicate(timeout=120)
    assert writer.returncode == 0, errors
    target = make_site()

    # restore compares every table's rows with the counts in the manifest.
    restored = target.manage("restore", str(tmp_path / "live.tar"))
    issues, contributors = json.loads(target.manage("shell", "--no-imports", "-c", COUNTS).stdout)

    assert "行数与备份清单一致" in restored.stdout
    assert issues == contributors
    # Taken while the writer ran: rows written before it are in, later ones are not.
    assert 50 <= issues < int(written)
