"""Times Django's file cache against its database cache for a reader page, to choose the
single-machine default shared by every gunicorn worker (kfq_site/settings.py keeps the figures).

    .venv/bin/python -m bench.cache_choice [N]

Both run in a throwaway folder: SQLite with the site's own options (WAL, IMMEDIATE) for the
database cache, a plain folder for the file cache. Each does N sets and N gets of a 30 KB page
under N distinct keys, as the page cache would.
"""

import os
import sys
import tempfile
import time
from pathlib import Path

import django
from django.conf import settings

# As in kfq_site/settings.py: more entries than the run sets, so that nothing is culled.
MAX_ENTRIES = 10_000
PAGE = ("<p>" + "开发区建设" * 2000 + "</p>").encode()[:30_000]


def configure(folder: Path) -> None:
    settings.configure(
        DATABASES={
            "default": {
                "ENGINE": "django.db.backends.sqlite3",
                "NAME": folder / "cache.sqlite3",
                "OPTIONS": {
                    "transaction_mode": "IMMEDIATE",
                    "timeout": 20,
                    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                },
            }
        },
        CACHES={
            "file": {
                "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                "LOCATION": folder / "files",
                "OPTIONS": {"MAX_ENTRIES": MAX_ENTRIES},
            },
            "database": {
                "BACKEND": "django.core.cache.backends.db.DatabaseCache",
                "LOCATION": "kfq_cache",
                "OPTIONS": {"MAX_ENTRIES": MAX_ENTRIES},
            },
        },
    )
    django.setup()


def timed(cache, count: int) -> tuple[float, float]:
    """Seconds per set and per get, in microseconds."""
    keys = [f"reader-page:{n}" for n in range(count)]
    start = time.perf_counter()
    for key in keys:
        cache.set(key, PAGE, 86400)
    middle = time.perf_counter()
    for key in keys:
        assert cache.get(key) == PAGE
    end = time.perf_counter()
    return (middle - start) / count * 1e6, (end - middle) / count * 1e6


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    with tempfile.TemporaryDirectory() as folder:
        configure(Path(folder))
        from django.core.cache import caches
        from django.core.management import call_command

        call_command("createcachetable", verbosity=0)
        figures = {name: timed(caches[name], count) for name in ("file", "database")}
    print(f"N={count}, page {len(PAGE)} bytes, CPUs {os.cpu_count()}")
    for name, (set_us, get_us) in figures.items():
        print(f"{name:>8}: set {set_us:8.0f} µs   get {get_us:8.0f} µs")
    (file_set, file_get), (db_set, db_get) = figures["file"], figures["database"]
    print(f"database / file: set {db_set / file_set:.1f}×   get {db_get / file_get:.1f}×")


if __name__ == "__main__":
    main()
