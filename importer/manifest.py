"""The manifest beside the page files: which issue and page each file is.

Every entry is checked on its own: a bad entry fails only the file it names (with a message
saying what is wrong), and the folder's other files still import. A manifest that is not an
object with a list of pages fails every file of its folder with one message.
"""

import datetime
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from articles.models import Article, Issue
from importer.errors import PageRejected

MANIFEST_NAME = "manifest.json"
# No weekly prints more pages than this, or more issues than this in its whole run.
MAX_PAGE = 64
MAX_ISSUE_NUMBER = 9999
_FILE_NAME_MAX = Article._meta.get_field("source_file").max_length
_ISSUE_TITLE_MAX = Issue._meta.get_field("title").max_length
_DATE_BASIS_MAX = Issue._meta.get_field("date_basis").max_length


@dataclass(frozen=True)
class PageInfo:
    file: str
    issue_date: datetime.date
    date_inferred: bool
    date_basis: str
    issue_number: int | None
    issue_title: str
    is_special: bool
    page: int

    def fingerprint_text(self) -> str:
        """The entry as the importer reads it: a change here changes what it writes."""
        return json.dumps(self.as_data(), ensure_ascii=False, sort_keys=True)

    def as_data(self) -> dict:
        """The entry as JSON data, for keeping it in the database (importer.models)."""
        return {**asdict(self), "issue_date": self.issue_date.isoformat()}

    @classmethod
    def from_data(cls, data: dict) -> "PageInfo":
        return cls(**{**data, "issue_date": datetime.date.fromisoformat(data["issue_date"])})


@dataclass
class Manifest:
    """A folder's manifest: the usable entries, and what is wrong with the others."""

    pages: dict[str, PageInfo] = field(default_factory=dict)
    # file name → why its entry cannot be used
    refused: dict[str, str] = field(default_factory=dict)
    # entries that name no usable file, for the command to report
    unnamed: list[str] = field(default_factory=list)
    # set when the manifest as a whole is unusable: every file of the folder fails with it
    unusable: str = ""


def _shown(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def _whole_number(value, label: str, low: int, high: int) -> tuple[int | None, str]:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        return None, f"{label}应为 {low}–{high} 的整数，现为 {_shown(value)}"
    return value, ""


def _text(value, label: str, max_length: int) -> tuple[str, str]:
    if not isinstance(value, str):
        return "", f"{label}应为文字，现为 {_shown(value)}"
    if len(value) > max_length:
        return "", f"{label}过长（{len(value)} 字，最多 {max_length} 字）"
    return value, ""


def _flag(value, label: str) -> tuple[bool, str]:
    if not isinstance(value, bool):
        return False, f"{label}应为 true 或 false，现为 {_shown(value)}"
    return value, ""


def _issue_date(value) -> tuple[datetime.date | None, str]:
    label = "出版日期（issue.date）"
    if not isinstance(value, str):
        return None, f"{label}应为“YYYY-MM-DD”格式的日期，现为 {_shown(value)}"
    try:
        return datetime.date.fromisoformat(value), ""
    except ValueError:
        return None, f"{label}应为“YYYY-MM-DD”格式的日期，现为 {_shown(value)}"


def _page_info(name: str, entry: dict) -> tuple[PageInfo | None, list[str]]:
    """The entry read strictly, or every problem found in it."""
    problems = []
    page, problem = _whole_number(entry.get("page", 1), "版次（page）", 1, MAX_PAGE)
    problems.append(problem)
    issue = entry.get("issue")
    if not isinstance(issue, dict):
        problems.append(f"期次信息（issue）应为对象，现为 {_shown(issue)}")
        return None, [p for p in problems if p]
    date, problem = _issue_date(issue.get("date"))
    problems.append(problem)
    number = issue.get("number")
    if number is not None:
        number, problem = _whole_number(number, "期号（issue.number）", 1, MAX_ISSUE_NUMBER)
        problems.append(problem)
    title, problem = _text(issue.get("title", ""), "特刊名称（issue.title）", _ISSUE_TITLE_MAX)
    problems.append(problem)
    basis, problem = _text(
        issue.get("date_basis", ""), "推断依据（issue.date_basis）", _DATE_BASIS_MAX
    )
    problems.append(problem)
    inferred, problem = _flag(issue.get("date_inferred", False), "是否推断（issue.date_inferred）")
    problems.append(problem)
    special, problem = _flag(issue.get("is_special", False), "是否特刊（issue.is_special）")
    problems.append(problem)
    problems = [p for p in problems if p]
    if problems:
        return None, problems
    info = PageInfo(
        file=name,
        issue_date=date,
        date_inferred=inferred,
        date_basis=basis,
        issue_number=number,
        issue_title=title,
        is_special=special,
        page=page,
    )
    return info, []


def _file_name(entry) -> tuple[str, str]:
    if not isinstance(entry, dict):
        return "", f"应为对象，现为 {_shown(entry)}"
    name = entry.get("file")
    if not isinstance(name, str) or not name.strip():
        return "", f"文件名（file）应为文字，现为 {_shown(name)}"
    if "/" in name or "\\" in name or len(name) > _FILE_NAME_MAX:
        return "", f"文件名（file）应为同一文件夹中的文件名（不含路径，最多 {_FILE_NAME_MAX} 字）"
    return name, ""


def read_manifest(folder: Path) -> Manifest:
    try:
        text = (folder / MANIFEST_NAME).read_text(encoding="utf-8")
    except FileNotFoundError:
        return Manifest()
    except (OSError, ValueError) as error:
        return Manifest(unusable=f"{MANIFEST_NAME} 无法读取（{error}）。")
    return parse_manifest(text)


def parse_manifest(text: str) -> Manifest:
    """A manifest's text read strictly: the same rules for a folder's and an uploaded zip's."""
    try:
        raw = json.loads(text)
    except ValueError as error:
        return Manifest(unusable=f"{MANIFEST_NAME} 无法读取（{error}）。")
    if not isinstance(raw, dict) or not isinstance(raw.get("pages"), list):
        return Manifest(
            unusable=f"{MANIFEST_NAME} 格式不对：应为一个对象，其中“pages”是版面条目的列表。"
        )
    manifest = Manifest()
    seen: dict[str, int] = {}
    for number, entry in enumerate(raw["pages"], start=1):
        name, problem = _file_name(entry)
        if problem:
            manifest.unnamed.append(f"第 {number} 条：{problem}。")
            continue
        if name in seen:
            manifest.pages.pop(name, None)
            manifest.refused[name] = (
                f"{MANIFEST_NAME} 中有两条这个文件的记录（第 {seen[name]} 条和第 {number} 条），"
                "无法确定用哪一条。"
            )
            continue
        seen[name] = number
        info, problems = _page_info(name, entry)
        if info is None:
            manifest.refused[name] = (
                f"{MANIFEST_NAME} 第 {number} 条（{name}）有误：{'；'.join(problems)}。"
            )
        else:
            manifest.pages[name] = info
    return manifest


def page_info_for(path: Path, manifests: dict[Path, Manifest]) -> PageInfo:
    folder = path.resolve().parent
    if folder not in manifests:
        manifests[folder] = read_manifest(folder)
    manifest = manifests[folder]
    if manifest.unusable:
        raise PageRejected(manifest.unusable)
    if path.name in manifest.refused:
        raise PageRejected(manifest.refused[path.name])
    info = manifest.pages.get(path.name)
    if info is None:
        raise PageRejected(
            f"同一文件夹的 {MANIFEST_NAME} 中没有这个文件的期次信息（日期、期号、版次）。"
        )
    return info
