"""The database's part of a backup, per engine: the only module that runs pg_dump and
pg_restore or uses SQLite's backup API.

SQLite: the online backup API copies the live database in a single step under one read
snapshot (in WAL mode the site's writers go on meanwhile) into a stand-alone file.
PostgreSQL: pg_dump's custom format, run inside a snapshot exported from a repeatable-read
transaction in which the rows are also counted, so the manifest's counts describe exactly
what the dump holds. Either way the rows are counted per model table, and counted again after
a restore to show that every row came back.
"""

import glob
import os
import re
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.db import DatabaseError, transaction
from django.db.backends.postgresql.client import DatabaseClient

from .archive import BackupError

SQLITE = "sqlite"
POSTGRESQL = "postgresql"
ENGINE_NAMES = {SQLITE: "SQLite", POSTGRESQL: "PostgreSQL"}


@dataclass(frozen=True)
class Dump:
    engine: str
    path: Path
    rows: list[dict]  # {"model": label, "table": table, "rows": count}
    server_version: str


def engine(connection) -> str:
    if connection.vendor not in ENGINE_NAMES:
        raise BackupError(
            f"不支持 {connection.vendor} 数据库：备份和恢复只支持 SQLite 和 PostgreSQL。"
        )
    return connection.vendor


def dump(connection, *, folder: Path) -> Dump:
    """Write the database's dump into `folder` and count its rows."""
    try:
        if engine(connection) == SQLITE:
            return _dump_sqlite(connection, folder / "db.sqlite3")
        return _dump_postgresql(connection, folder / "db.pgdump")
    except DatabaseError as error:
        raise BackupError(f"读取数据库失败：{error}。没有生成备份。") from error


def tables_with_rows(connection) -> list[str]:
    """The target's tables that hold any row: a restore must not silently replace them."""
    quote = connection.ops.quote_name
    try:
        with connection.cursor() as cursor:
            found = []
            for table in connection.introspection.table_names(cursor):
                cursor.execute(f"SELECT EXISTS (SELECT 1 FROM {quote(table)})")
                if cursor.fetchone()[0]:
                    found.append(table)
            return found
    except DatabaseError as error:
        raise BackupError(f"无法读取目标数据库：{error}。没有做任何改动。") from error


def load(connection, *, dump_file: Path) -> None:
    """Replace the configured database's contents with the dump."""
    if engine(connection) == SQLITE:
        _load_sqlite(connection, dump_file)
    else:
        _load_postgresql(connection, dump_file)


def count_rows(connection, tables: list[str]) -> dict[str, int | None]:
    """Rows per table now; None for a table the database does not have."""
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        present = set(connection.introspection.table_names(cursor))
        counts = {}
        for table in tables:
            if table in present:
                cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")
                counts[table] = cursor.fetchone()[0]
            else:
                counts[table] = None
        return counts


def _model_tables() -> list[tuple[str, str]]:
    """(model label, table) for every table the project's models keep rows in."""
    tables = {}
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.managed and not meta.proxy:
            tables.setdefault(meta.db_table, meta.label)
    return sorted((label, table) for table, label in tables.items())


def _count_models(cursor, quote, present: set[str]) -> list[dict]:
    rows = []
    for label, table in _model_tables():
        if table in present:
            cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")
            rows.append({"model": label, "table": table, "rows": cursor.fetchone()[0]})
    return rows


def _dump_sqlite(connection, path: Path) -> Dump:
    connection.ensure_connection()
    copy = sqlite3.connect(path)
    try:
        # One step (pages=-1, the default): the copy is a single consistent snapshot.
        connection.connection.backup(copy)
        # The copy must be one self-contained file, without a -wal file beside it.
        copy.execute("PRAGMA journal_mode=DELETE")
        cursor = copy.cursor()
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        present = {name for (name,) in cursor.fetchall()}
        rows = _count_models(cursor, connection.ops.quote_name, present)
    finally:
        copy.close()
    return Dump(engine=SQLITE, path=path, rows=rows, server_version=sqlite3.sqlite_version)


def _dump_postgresql(connection, path: Path) -> Dump:
    pg_dump = _program("pg_dump")
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        present = set(connection.introspection.table_names(cursor))
        rows = _count_models(cursor, connection.ops.quote_name, present)
        # The snapshot lives as long as this transaction: pg_dump must finish inside it.
        _run(
            [pg_dump, "--format=custom", f"--file={path}", f"--snapshot={snapshot}", "-w"],
            connection,
        )
    version = connection.pg_version
    return Dump(
        engine=POSTGRESQL,
        path=path,
        rows=rows,
        server_version=f"{version // 10000}.{version % 10000}",
    )


def _load_sqlite(connection, dump_file: Path) -> None:
    # A fresh connection of Django's own, opened as the site opens it: the backup API then
    # replaces the configured file's pages in one transaction, all or nothing.
    connection.close()
    source = sqlite3.connect(dump_file)
    try:
        connection.ensure_connection()
        source.backup(connection.connection)
    except (sqlite3.Error, DatabaseError) as error:
        raise BackupError(f"恢复数据库失败：{error}。") from error
    finally:
        source.close()


def _load_postgresql(connection, dump_file: Path) -> None:
    pg_restore = _program("pg_restore")
    # pg_restore needs the database to itself; the emptiness check's connection goes first.
    connection.close()
    # --clean --if-exists even into an empty database: it also covers a target whose tables
    # exist but hold no rows, and each DROP is a no-op otherwise. --single-transaction: a
    # failed restore leaves the database exactly as it was. The dump's owner and grants name
    # the old server's role, which a new server need not have.
    _run(
        [
            pg_restore,
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-acl",
            "--single-transaction",
            "-w",
            f"--dbname={connection.settings_dict['NAME']}",
            str(dump_file),
        ],
        connection,
    )


def _program(name: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    # Debian's server package keeps its programs out of PATH, under its major version.
    versions = glob.glob(f"/usr/lib/postgresql/*/bin/{name}")
    if versions:
        return max(versions, key=lambda path: [int(n) for n in re.findall(r"\d+", path)])
    raise BackupError(
        f"找不到 {name}：请安装 PostgreSQL 客户端程序（Debian：apt install postgresql-client）。"
    )


def _run(args: list[str], connection) -> None:
    # The password travels in libpq's environment (PGPASSWORD), never on a command line
    # that any user of the machine could read in the process list.
    _, client_env = DatabaseClient.settings_to_cmd_args_env(connection.settings_dict, [])
    settings = connection.settings_dict
    env = {**os.environ, **(client_env or {})}
    for key, variable in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER")):
        if settings.get(key):
            env[variable] = str(settings[key])
    env["PGDATABASE"] = settings["NAME"]
    name = Path(args[0]).name
    try:
        result = subprocess.run(args, env=env, capture_output=True, text=True, errors="replace")
    except OSError as error:
        raise BackupError(f"无法运行 {name}：{error}。") from error
    if result.returncode != 0:
        raise BackupError(f"{name} 失败（退出码 {result.returncode}）：{result.stderr.strip()}")
