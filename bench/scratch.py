"""The scratch database a benchmark runs on, and Django set up to use it."""

import os
import secrets
import sys
from pathlib import Path


def start_django(
    *, database_from_env: bool, sqlite_file: Path, fresh: bool = False
) -> tuple[str, str]:
    """Point Django at DATABASE_URL (--database-from-env) or at sqlite_file and set it up;
    returns the database's URL (for the servers a benchmark starts) and its vendor. With
    fresh, an earlier SQLite file (and its WAL) is removed first, so that every figure is
    about this run only.
    """
    if database_from_env:
        database_url = os.environ.get("DATABASE_URL")
        if not database_url:
            sys.exit("--database-from-env 需要设置 DATABASE_URL。")
    else:
        sqlite_file.parent.mkdir(parents=True, exist_ok=True)
        if fresh:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{sqlite_file}{suffix}").unlink(missing_ok=True)
        database_url = f"sqlite:///{sqlite_file.resolve()}"
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    # The site refuses to start without a key when debug is off; a benchmark signs nothing
    # that outlives it, so a fresh one does.
    os.environ.setdefault("KFQ_SECRET_KEY", secrets.token_urlsafe(50))
    # The scratch archive's versions stay out of the project's own cache folder.
    os.environ["KFQ_CACHE_DIR"] = str(sqlite_file.parent / "cache")
    import django

    django.setup()
    from django.db import connection

    return database_url, connection.vendor
