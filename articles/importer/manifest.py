"""The manifest beside the page files: which issue and page each file is."""

import datetime
import json
from dataclasses import dataclass
from pathlib import Path

from .errors import PageRejected

MANIFEST_NAME = "manifest.json"


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


def read_manifest(folder: Path) -> dict[str, PageInfo]:
    path = folder / MANIFEST_NAME
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as error:
        raise PageRejected(f"{path}：清单文件无法读取（{error}）。") from error
    pages = {}
    for entry in raw.get("pages", []):
        try:
            issue = entry["issue"]
            pages[entry["file"]] = PageInfo(
                file=entry["file"],
                issue_date=datetime.date.fromisoformat(issue["date"]),
                date_inferred=bool(issue.get("date_inferred", False)),
                date_basis=issue.get("date_basis", ""),
                issue_number=issue.get("number"),
                issue_title=issue.get("title", ""),
                is_special=bool(issue.get("is_special", False)),
                page=int(entry.get("page", 1)),
            )
        except (KeyError, TypeError, ValueError) as error:
            raise PageRejected(f"{path}：清单条目格式有误（{entry!r}）。") from error
    return pages


def page_info_for(path: Path, manifests: dict[Path, dict[str, PageInfo]]) -> PageInfo:
    folder = path.resolve().parent
    if folder not in manifests:
        manifests[folder] = read_manifest(folder)
    info = manifests[folder].get(path.name)
    if info is None:
        raise PageRejected(
            f"{path.name}：同一文件夹的 {MANIFEST_NAME} 中没有这个文件的期次信息"
            "（日期、期号、版次）。"
        )
    return info
