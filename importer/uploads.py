"""What an editor uploads in 导入版面, read into pages with their issue details, or refused.

An upload is page files (.txt, UTF-8 or GB18030) and zips of them. A zip may carry a
manifest.json in the seeds' format (manifest.py); its pages take their issue and page from it.
Every other page takes the issue details typed in the form, its page number counting up from
the one typed, in file-name order: several pages of one issue. Anything wrong refuses the whole
upload with every problem named, and nothing is kept: the editor fixes it and uploads again.

A zip is read in memory and never unpacked to disk, but its names are still checked (no
absolute paths, no "..") and its sizes are bounded before anything is read (a zip bomb
declares a small file that unpacks to gigabytes).
"""

import datetime
import io
import posixpath
import zipfile
from dataclasses import dataclass, field

from articles.models import Article
from importer.decoding import MAX_PAGE_BYTES, check_page_bytes, decode_page, too_large
from importer.errors import PageRejected
from importer.manifest import MANIFEST_NAME, MAX_PAGE, Manifest, PageInfo, parse_manifest

MAX_PAGES = 100
MAX_ZIP_BYTES = 20 * 1024 * 1024
MAX_ZIP_MEMBERS = 500
# What the pages of one zip may unpack to, together.
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
PAGE_SUFFIX = ".txt"
ZIP_SUFFIX = ".zip"
# The flag a zip sets on names written in UTF-8; others are in the system's code page, which
# for a zip made on a Chinese Windows is GBK, not the CP437 Python assumes.
_UTF8_NAMES = 0x800
_FILE_NAME_MAX = Article._meta.get_field("source_file").max_length


class UploadRejected(Exception):
    """An upload that cannot be staged; problems holds every reason, in Chinese."""

    def __init__(self, problems: list[str]):
        super().__init__("；".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class IssueDetails:
    """The issue details typed in the form, for the pages no manifest describes."""

    date: datetime.date | None
    number: int | None = None
    title: str = ""
    is_special: bool = False
    first_page: int = 1


@dataclass(frozen=True)
class UploadedPage:
    name: str
    data: bytes
    info: PageInfo


@dataclass
class _Reading:
    """The upload as read so far."""

    # name → (bytes, the manifest that describes it, if any)
    pages: dict[str, tuple[bytes, Manifest | None]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)

    def add_page(self, name: str, data: bytes, manifest: Manifest | None, where: str) -> None:
        if len(name) > _FILE_NAME_MAX:
            self.problems.append(f"{where}文件名过长（最多 {_FILE_NAME_MAX} 字）：{name}")
        elif name in self.pages:
            self.problems.append(f"有两个文件都叫 {name}：同一次上传中版面文件名不能重复。")
        else:
            try:
                decode_page(check_page_bytes(data, name), name)
            except PageRejected as rejection:
                self.problems.append(f"{where}{rejection}")
                return
            self.pages[name] = (data, manifest)


def read_upload(files, details: IssueDetails) -> tuple[list[UploadedPage], list[str]]:
    """files: (name, size, open binary file) as uploaded. Returns the pages and the names of
    the zips' other files, which were left out. Raises UploadRejected."""
    reading = _Reading()
    for name, size, stream in files:
        suffix = posixpath.splitext(name.lower())[1]
        if suffix == PAGE_SUFFIX:
            if size > MAX_PAGE_BYTES:
                reading.problems.append(str(too_large(name, size)))
            else:
                reading.add_page(name, stream.read(), None, "")
        elif suffix == ZIP_SUFFIX:
            _read_zip(name, size, stream, reading)
        else:
            reading.problems.append(f"{name}：只能上传 .txt 版面文件或 .zip 压缩包。")
    if not reading.pages and not reading.problems:
        reading.problems.append("没有收到任何版面文件（.txt）。")
    if len(reading.pages) > MAX_PAGES:
        reading.problems.append(
            f"一次最多导入 {MAX_PAGES} 个版面，这次有 {len(reading.pages)} 个。"
        )
    pages = _with_issue_details(reading, details)
    if reading.problems:
        raise UploadRejected(reading.problems)
    return pages, reading.ignored


def _member_name(member: zipfile.ZipInfo) -> str:
    if member.flag_bits & _UTF8_NAMES:
        return member.filename
    try:
        return member.filename.encode("cp437").decode("gb18030")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return member.filename


def _unsafe(name: str) -> bool:
    parts = name.replace("\\", "/").split("/")
    return name.startswith(("/", "\\")) or ":" in parts[0] or ".." in parts


def _read_zip(zip_name: str, size: int, stream, reading: _Reading) -> None:
    if size > MAX_ZIP_BYTES:
        reading.problems.append(
            f"{zip_name}：压缩包过大（{size // 1024 // 1024} MB），最多 "
            f"{MAX_ZIP_BYTES // 1024 // 1024} MB。"
        )
        return
    try:
        archive = zipfile.ZipFile(io.BytesIO(stream.read()))
        members = [member for member in archive.infolist() if not member.is_dir()]
    except (zipfile.BadZipFile, OSError):
        reading.problems.append(f"{zip_name}：不是有效的 zip 压缩包，或已损坏。")
        return
    problems = _zip_problems(zip_name, members)
    if problems:
        reading.problems += problems
        return
    texts, manifest = [], None
    for member in members:
        path = _member_name(member)
        name = posixpath.basename(path.replace("\\", "/"))
        if path.startswith("__MACOSX/") or name.startswith("."):
            continue  # what macOS's Finder adds to every zip it makes
        if name == MANIFEST_NAME:
            manifest = parse_manifest(_member_bytes(archive, member).decode("utf-8", "replace"))
        elif name.lower().endswith(PAGE_SUFFIX):
            texts.append((name, member))
        else:
            reading.ignored.append(f"{zip_name} 中的 {path}")
    if not texts:
        reading.problems.append(f"{zip_name}：压缩包中没有 .txt 版面文件。")
        return
    if manifest and manifest.unusable:
        reading.problems.append(f"{zip_name}：{manifest.unusable}")
        return
    for name, member in texts:
        data = _member_bytes(archive, member)
        reading.add_page(name, data, manifest, f"{zip_name} 中的 ")


def _zip_problems(zip_name: str, members: list[zipfile.ZipInfo]) -> list[str]:
    """What refuses the zip before any of it is unpacked, judged by what it declares."""
    if len(members) > MAX_ZIP_MEMBERS:
        return [f"{zip_name}：压缩包中的文件过多（{len(members)} 个，最多 {MAX_ZIP_MEMBERS} 个）。"]
    problems = [
        f"{zip_name}：压缩包中的文件名“{_member_name(m)}”含有绝对路径或“..”，整个压缩包不予导入。"
        for m in members
        if _unsafe(_member_name(m))
    ]
    unpacked = sum(member.file_size for member in members)
    if unpacked > MAX_UNPACKED_BYTES:
        problems.append(
            f"{zip_name}：压缩包解压后过大（{unpacked // 1024 // 1024} MB），最多 "
            f"{MAX_UNPACKED_BYTES // 1024 // 1024} MB。"
        )
    problems += [
        f"{zip_name} 中的 {too_large(_member_name(m), m.file_size)}"
        for m in members
        if m.file_size > MAX_PAGE_BYTES
    ]
    return problems


def _member_bytes(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> bytes:
    # zipfile stops at the declared size and checks the CRC: a member that lies about its
    # size fails here instead of filling the memory.
    with archive.open(member) as unpacked:
        return unpacked.read(MAX_PAGE_BYTES + 1)


def _with_issue_details(reading: _Reading, details: IssueDetails) -> list[UploadedPage]:
    pages, undescribed = [], []
    for name, (data, manifest) in reading.pages.items():
        if manifest is None or not (manifest.pages or manifest.refused):
            undescribed.append(name)
        elif name in manifest.refused:
            reading.problems.append(manifest.refused[name])
        elif name not in manifest.pages:
            reading.problems.append(f"{name}：压缩包的 {MANIFEST_NAME} 中没有这个文件的期次信息。")
        else:
            pages.append(UploadedPage(name, data, manifest.pages[name]))
    if undescribed and details.date is None:
        reading.problems.append(
            f"请填写出版日期：{'、'.join(sorted(undescribed))} 没有期次信息"
            f"（压缩包中也没有 {MANIFEST_NAME}）。"
        )
        return pages
    if undescribed and details.first_page + len(undescribed) - 1 > MAX_PAGE:
        reading.problems.append(
            f"{len(undescribed)} 个版面从第 {details.first_page} 版起依次编号，"
            f"会超过第 {MAX_PAGE} 版。"
        )
        return pages
    for offset, name in enumerate(sorted(undescribed)):
        info = PageInfo(
            file=name,
            issue_date=details.date,
            date_inferred=False,
            date_basis="",
            issue_number=details.number,
            issue_title=details.title,
            is_special=details.is_special,
            page=details.first_page + offset,
        )
        pages.append(UploadedPage(name, reading.pages[name][0], info))
    return sorted(pages, key=lambda page: (page.info.issue_date, page.info.page, page.name))
