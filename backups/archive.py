"""The backup file's format, and the only module that reads or writes it.

One plain tar file: `database/<dump>`, `media/<path under MEDIA_ROOT>` for every media file,
and `manifest.json` last, which records the versions, the row counts and the SHA-256 and size
of every other member. Plain tar, not gzip: the photos and PostgreSQL's custom-format dump are
compressed already, and a damaged byte then spoils one member, which the checksums name,
instead of everything after it. Reading verifies every member against the manifest before
anything is restored.
"""

import hashlib
import io
import json
import os
import shutil
import tarfile
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

FORMAT = "kfq-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATABASE_FOLDER = "database"
MEDIA_FOLDER = "media"
_CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup or restore refused or failed; the message is written for the operator."""


@dataclass(frozen=True)
class Part:
    """One member of the archive as the manifest records it."""

    name: str
    size: int
    sha256: str

    def as_manifest(self) -> dict:
        return {"name": self.name, "size": self.size, "sha256": self.sha256}


class _Hashing:
    """A file object that hashes what tarfile reads from it."""

    def __init__(self, file):
        self._file = file
        self.sha256 = hashlib.sha256()

    def read(self, size=-1):
        data = self._file.read(size)
        self.sha256.update(data)
        return data


class ArchiveWriter:
    """Adds files to the archive being written, remembering each one's size and SHA-256."""

    def __init__(self, tar: tarfile.TarFile):
        self._tar = tar

    def add(self, name: str, source: Path) -> Part:
        with open(source, "rb") as file:
            info = tarfile.TarInfo(name)
            stat = os.fstat(file.fileno())
            info.size, info.mtime, info.mode = stat.st_size, int(stat.st_mtime), 0o644
            hashing = _Hashing(file)
            self._tar.addfile(info, hashing)
        return Part(name=name, size=info.size, sha256=hashing.sha256.hexdigest())

    def add_manifest(self, manifest: dict) -> None:
        data = json.dumps(manifest, ensure_ascii=False, indent=2).encode()
        info = tarfile.TarInfo(MANIFEST)
        info.size, info.mtime, info.mode = len(data), int(time.time()), 0o644
        self._tar.addfile(info, io.BytesIO(data))


@contextmanager
def writing(path: Path) -> Iterator[tuple[ArchiveWriter, Path]]:
    """Write the archive at `path`, which must not exist yet, all or nothing.

    Yields a writer and a scratch folder beside `path` (on the same disk, which must hold the
    archive anyway). The archive is written under a temporary name in that folder, synced,
    and only then given its name: a backup that fails or is interrupted never leaves a
    half-written file under `path`. An existing file is never overwritten, so a mistyped
    name cannot destroy the one good backup.
    """
    path = Path(path).absolute()
    if not path.parent.is_dir():
        raise BackupError(f"备份目录 {path.parent} 不存在：请先创建它，再运行备份。")
    if path.exists():
        raise BackupError(f"{path} 已经存在：备份不会覆盖已有的文件，请换一个文件名或先删除它。")
    try:
        scratch = Path(tempfile.mkdtemp(dir=path.parent, prefix=f".{path.name}."))
    except OSError as error:
        raise BackupError(f"无法在 {path.parent} 中写入文件：{error.strerror}。") from error
    try:
        draft = scratch / "archive.tar"
        # Readable by its owner only: the archive holds password hashes and addresses.
        with open(draft, "xb", opener=lambda name, flags: os.open(name, flags, 0o600)) as file:
            with tarfile.open(fileobj=file, mode="w", format=tarfile.PAX_FORMAT) as tar:
                yield ArchiveWriter(tar), scratch
            file.flush()
            os.fsync(file.fileno())
        _place(draft, path)
    except OSError as error:
        raise BackupError(f"备份失败：{error}。没有生成 {path}。") from error
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _place(draft: Path, path: Path) -> None:
    try:
        # link() refuses an existing name: no window in which another file could be replaced.
        os.link(draft, path)
    except FileExistsError as error:
        raise BackupError(f"{path} 已经存在：备份不会覆盖已有的文件。") from error
    except OSError:
        # A filesystem without hard links (a FAT-formatted USB disk, say).
        if path.exists():
            raise BackupError(f"{path} 已经存在：备份不会覆盖已有的文件。") from None
        os.replace(draft, path)
    directory = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


class Archive:
    """A backup file opened for restoring, every member checked against its manifest."""

    def __init__(self, tar: tarfile.TarFile, manifest: dict):
        self._tar = tar
        self.manifest = manifest

    def extract(self, part: Part, into: Path) -> None:
        """Copy one member's bytes to the file `into` (which must not exist)."""
        source = self._tar.extractfile(part.name)
        with open(into, "xb") as target:
            shutil.copyfileobj(source, target, _CHUNK)

    @property
    def database(self) -> Part:
        return _part(self.manifest["database"])

    @property
    def media(self) -> list[Part]:
        return [_part(entry) for entry in self.manifest["media"]["files"]]

    @staticmethod
    def media_path(part: Part) -> PurePosixPath:
        """The file's path under MEDIA_ROOT."""
        return PurePosixPath(part.name).relative_to(MEDIA_FOLDER)


@contextmanager
def reading(path: Path) -> Iterator[Archive]:
    """Open a backup file and verify it whole before the caller may restore anything."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"找不到备份文件 {path}。")
    try:
        tar = tarfile.open(path, mode="r:")  # noqa: SIM115 (closed by the with below)
    except (tarfile.TarError, OSError) as error:
        raise BackupError(f"{path} 不是本系统的备份文件（无法作为 tar 文件读取）。") from error
    with tar:
        try:
            manifest = _read_manifest(tar, path)
            _verify(tar, manifest)
        except (tarfile.TarError, EOFError) as error:
            raise BackupError(f"备份文件 {path} 已损坏（{error}）。没有做任何改动。") from error
        yield Archive(tar, manifest)


def _read_manifest(tar: tarfile.TarFile, path: Path) -> dict:
    try:
        manifest = json.load(tar.extractfile(MANIFEST))
    except KeyError as error:
        raise BackupError(f"{path} 中没有 {MANIFEST}：不是本系统的备份文件。") from error
    except (ValueError, UnicodeDecodeError) as error:
        raise BackupError(f"{path} 中的 {MANIFEST} 已损坏，无法读取。没有做任何改动。") from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{path} 不是本系统的备份文件。")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError(
            f"{path} 的格式版本是 {manifest.get('format_version')}，本程序只能读取版本 "
            f"{FORMAT_VERSION}：请用生成它的版本恢复。"
        )
    return manifest


def _part(entry: dict) -> Part:
    return Part(name=entry["name"], size=entry["size"], sha256=entry["sha256"])


def _verify(tar: tarfile.TarFile, manifest: dict) -> None:
    try:
        expected = {_part(manifest["database"])}
        expected.update(_part(entry) for entry in manifest["media"]["files"])
    except (KeyError, TypeError) as error:
        raise BackupError(f"备份清单 {MANIFEST} 不完整。没有做任何改动。") from error
    by_name = {part.name: part for part in expected}
    for part in expected:
        if not _safe_name(part.name):
            raise BackupError(f"备份清单中的文件名 {part.name!r} 不安全，拒绝恢复。")
    seen = set()
    for member in tar:
        if member.name == MANIFEST:
            continue
        part = by_name.get(member.name)
        if part is None or not member.isfile():
            raise BackupError(f"备份文件中有清单没有列出的内容：{member.name}。没有做任何改动。")
        digest = hashlib.sha256()
        source = tar.extractfile(member)
        while chunk := source.read(_CHUNK):
            digest.update(chunk)
        if member.size != part.size or digest.hexdigest() != part.sha256:
            raise BackupError(
                f"备份文件已损坏：{member.name} 的 SHA-256 校验值与清单不符。没有做任何改动。"
            )
        seen.add(member.name)
    missing = sorted(set(by_name) - seen)
    if missing:
        raise BackupError(f"备份文件不完整，缺少：{'、'.join(missing[:5])}。没有做任何改动。")


def _safe_name(name: str) -> bool:
    # Names become paths under MEDIA_ROOT: nothing absolute, no "..", nothing outside the two
    # folders, so a doctored archive cannot write anywhere else.
    path = PurePosixPath(name)
    return (
        not path.is_absolute()
        and ".." not in path.parts
        and len(path.parts) >= 2
        and path.parts[0] in (DATABASE_FOLDER, MEDIA_FOLDER)
    )
