"""Concurrent writers on the embedded SQLite database wait their turn instead of failing.

pytest-django's SQLite test database lives in memory, where locking does not show, so this
test runs a child process with the project's settings against a real database file: several
threads, each with its own connection, run Django transactions that read and then write, the
way a submission reads the counter and then writes the piece.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
WRITERS = 8
TRANSACTIONS_EACH = 15

CHILD = """
import json, sys, threading, time
import django
django.setup()
from django.db import connection, connections, transaction
from django.db.utils import OperationalError

writers, each = int(sys.argv[1]), int(sys.argv[2])
with connection.cursor() as cursor:
    cursor.execute("CREATE TABLE tally (id INTEGER PRIMARY KEY, writer INTEGER, seen INTEGER)")
connections.close_all()
start = threading.Barrier(writers)
errors = []

def write(writer):
    start.wait()
    try:
        for _ in range(each):
            try:
                with transaction.atomic(), connection.cursor() as cursor:
                    cursor.execute("SELECT COUNT(*) FROM tally")
                    seen = cursor.fetchone()[0]
                    time.sleep(0.002)  # the view's work between its read and its write
                    cursor.execute(
                        "INSERT INTO tally (writer, seen) VALUES (%s, %s)", [writer, seen]
                    )
            except OperationalError as error:
                errors.append(str(error))
    finally:
        connection.close()

threads = [threading.Thread(target=write, args=(n,)) for n in range(writers)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
with connection.cursor() as cursor:
    cursor.execute("SELECT COUNT(*), COUNT(DISTINCT seen) FROM tally")
    rows, distinct_seen = cursor.fetchone()
    cursor.execute("PRAGMA journal_mode")
    journal_mode = cursor.fetchone()[0]
print(json.dumps({"errors": errors, "rows": rows, "distinct_seen": distinct_seen,
                  "journal_mode": journal_mode}))
"""


@pytest.mark.skipif(
    os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="sqlite_only: the suite runs on PostgreSQL, whose locking this does not concern",
)
def test_concurrent_read_then_write_transactions_never_see_database_is_locked(tmp_path):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("KFQ_", "DATABASE_URL"))}
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(WRITERS), str(TRANSACTIONS_EACH)],
        cwd=PROJECT,
        env={
            **clean,
            "DJANGO_SETTINGS_MODULE": "kfq_site.settings",
            "KFQ_SECRET_KEY": "test-only-key-for-the-sqlite-concurrency-child",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'concurrent.sqlite3'}",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout.strip().splitlines()[-1])

    assert outcome["errors"] == []
    assert outcome["rows"] == WRITERS * TRANSACTIONS_EACH
    # Each transaction saw every earlier one: the writes were serialised, none interleaved.
    assert outcome["distinct_seen"] == WRITERS * TRANSACTIONS_EACH
    assert outcome["journal_mode"] == "wal"
