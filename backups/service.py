"""Backing up and restoring the whole site: the configured database and MEDIA_ROOT.

The database is dumped first and the media files copied after it. Photos are written once
under new names and only deleted after their row is, so every file a dumped row names is
still there to copy (unless deleted in the seconds between, which the backup reports).
"""

import datetime
import os
import platform
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import django
from django.apps import apps
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections

from . import archive, database
from .archive import BackupError

# The rows a restore report shows by default (all models are counted and compared).
KEY_MODELS = ["articles.Article", "articles.Issue", "articles.Contributor", "articles.Photo"]
KEY_MODELS.append(settings.AUTH_USER_MODEL)


@dataclass
class BackupResult:
    manifest: dict
    vanished: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class RowCount:
    model: str
    table: str
    expected: int
    found: int | None

    @property
    def label(self) -> str:
        try:
            return f"{apps.get_model(self.model)._meta.verbose_name}（{self.model}）"
        except LookupError:
            return self.model

    @property
    def matches(self) -> bool:
        return self.expected == self.found


@dataclass
class RestoreResult:
    manifest: dict
    rows: list[RowCount]
    kept_files: int

    @property
    def mismatched(self) -> list[RowCount]:
        return [row for row in self.rows if not row.matches]


def create_backup(*, path: Path, using: str = DEFAULT_DB_ALIAS) -> BackupResult:
    """Write one archive at `path` with the database, every media file and the manifest."""
    connection = connections[using]
    media_root = Path(settings.MEDIA_ROOT)
    created = datetime.datetime.now(datetime.UTC)
    with archive.writing(path) as (writer, scratch):
        dump = database.dump(connection, folder=scratch)
        database_part = writer.add(f"{archive.DATABASE_FOLDER}/{dump.path.name}", dump.path)
        dump.path.unlink()  # the scratch folder never holds two copies of the database
        media, vanished = [], []
        for file in media_files(media_root):
            name = f"{archive.MEDIA_FOLDER}/{file.relative_to(media_root).as_posix()}"
            try:
                media.append(writer.add(name, file))
            except FileNotFoundError:
                vanished.append(name)
        manifest = {
            "format": archive.FORMAT,
            "format_version": archive.FORMAT_VERSION,
            "created_at": created.isoformat(timespec="seconds"),
            "versions": {
                "python": platform.python_version(),
                "django": django.get_version(),
                "project_commit": _project_commit(),
                "database_server": dump.server_version,
            },
            "database": {"engine": dump.engine, **database_part.as_manifest()},
            "rows": dump.rows,
            "media": {
                # Photos in an object store (KFQ_S3_BUCKET) are not on this disk: the bucket's
                # own versioning or replication keeps them, and the archive says so.
                "object_store_bucket": settings.KFQ_S3_BUCKET or None,
                "count": len(media),
                "bytes": sum(part.size for part in media),
                "files": [part.as_manifest() for part in media],
            },
        }
        writer.add_manifest(manifest)
    return BackupResult(manifest=manifest, vanished=vanished)


def restore_backup(*, path: Path, force: bool, using: str = DEFAULT_DB_ALIAS) -> RestoreResult:
    """Restore the archive at `path` into the configured database and MEDIA_ROOT.

    Nothing changes unless every checksum matches, the engines agree and the target is empty
    (or `force` says to replace what is there). Media files the archive lacks are kept.
    """
    connection = connections[using]
    media_root = Path(settings.MEDIA_ROOT)
    with archive.reading(path) as backup:
        _check_engine(backup.manifest, connection)
        existing = media_files(media_root)
        if not force:
            _refuse_non_empty(database.tables_with_rows(connection), existing, media_root)
        with tempfile.TemporaryDirectory(prefix="kfq-restore-") as scratch:
            dump_file = Path(scratch) / PurePosixPath(backup.database.name).name
            try:
                backup.extract(backup.database, dump_file)
            except OSError as error:
                raise BackupError(f"无法解出数据库文件：{error}。没有做任何改动。") from error
            database.load(connection, dump_file=dump_file)
        try:
            restored = _restore_media(backup, media_root)
        except OSError as error:
            raise BackupError(
                f"数据库已经恢复，但写入媒体文件失败：{error}。解决后请加 --force 重新运行恢复。"
            ) from error
    expected = backup.manifest["rows"]
    found = database.count_rows(connection, [entry["table"] for entry in expected])
    rows = [
        RowCount(entry["model"], entry["table"], entry["rows"], found[entry["table"]])
        for entry in expected
    ]
    return RestoreResult(
        manifest=backup.manifest, rows=rows, kept_files=len(set(existing) - restored)
    )


def media_files(root: Path) -> list[Path]:
    """Every regular file under `root` (none when it does not exist), in a stable order."""
    found = []
    for folder, _, names in os.walk(root):
        found.extend(
            path
            for name in names
            if (path := Path(folder) / name).is_file() and not path.is_symlink()
        )
    return sorted(found)


def human_size(size: int) -> str:
    for unit in ("字节", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size} {unit}" if unit == "字节" else f"{size:.1f} {unit}"
        size /= 1024
    raise AssertionError("unreachable")


def _check_engine(manifest: dict, connection) -> None:
    theirs, ours = manifest["database"]["engine"], database.engine(connection)
    if theirs != ours:
        # Moving between engines is dumpdata/loaddata's job, with its own checks; a restore
        # reproduces one database byte for byte and does not pretend to translate.
        raise BackupError(
            f"这份备份来自 {database.ENGINE_NAMES.get(theirs, theirs)} 数据库，当前配置的是 "
            f"{database.ENGINE_NAMES[ours]}：不支持跨数据库恢复，请恢复到同一种数据库。"
            "没有做任何改动。"
        )


def _refuse_non_empty(tables: list[str], files: list[Path], media_root: Path) -> None:
    problems = []
    if tables:
        shown = "、".join(tables[:5]) + ("等" if len(tables) > 5 else "")
        problems.append(f"数据库不是空的（{len(tables)} 张表有数据：{shown}）")
    if files:
        problems.append(f"媒体目录 {media_root} 不是空的（{len(files)} 个文件）")
    if problems:
        raise BackupError(
            "；".join(problems) + "。恢复会覆盖这些内容，所以没有做任何改动。"
            "确认要覆盖，请加 --force 重新运行。"
        )


def _restore_media(backup: archive.Archive, media_root: Path) -> set[Path]:
    restored = set()
    for part in backup.media:
        target = media_root / backup.media_path(part)
        target.parent.mkdir(parents=True, exist_ok=True)
        # Written beside, then renamed: a file replaced under --force is never half-written.
        draft = target.with_name(f".{target.name}.restoring")
        draft.unlink(missing_ok=True)
        backup.extract(part, draft)
        if settings.FILE_UPLOAD_PERMISSIONS is not None:
            os.chmod(draft, settings.FILE_UPLOAD_PERMISSIONS)
        os.replace(draft, target)
        restored.add(target)
    return restored


def _project_commit() -> str | None:
    try:
        result = subprocess.run(
            ["git", "rev-parse", "HEAD"],
            cwd=settings.BASE_DIR,
            capture_output=True,
            text=True,
            timeout=10,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout.strip() if result.returncode == 0 else None
