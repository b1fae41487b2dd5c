"""The page importer: pages of the printed weekly (as text) into the archive.

Each page is read, parsed and written on its own (import_page): a page that fails writes
nothing, and the others still go in. A page already imported, whose file and issue details
have not changed since, is skipped unless the caller forces it; forced or not, pieces an editor
changed are kept as the editor left them (see store.py). import_pages runs the folder import
of the command; the admin's 导入版面 (staging.py) calls import_page for each uploaded page.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import IntegrityError

from importer.decoding import decode_page, read_page_bytes, read_page_text
from importer.errors import PageRejected
from importer.layout import read_page
from importer.manifest import MANIFEST_NAME, Manifest, PageInfo, page_info_for
from importer.quality import PageQuality, page_quality
from importer.records import ParsedPage
from importer.store import Conflict, PageReport, is_imported, page_fingerprint, store_page
from zones.directory import ZoneDirectory

__all__ = [
    "Conflict",
    "ImportOutcome",
    "PageRejected",
    "PageResult",
    "import_page",
    "import_pages",
    "parse_file",
]


@dataclass
class PageResult:
    """One page's import: what was written and how the page was read, or why nothing was."""

    file: str
    report: PageReport | None = None
    page: ParsedPage | None = None
    quality: PageQuality | None = None
    skipped: bool = False  # imported before, unchanged since
    failure: str = ""  # why nothing was written, for the editor


@dataclass
class ImportOutcome:
    reports: list[PageReport]
    failures: list[tuple[Path, str]]
    leftovers: dict[str, list]
    # pages already imported as they are now
    skipped: list[Path] = field(default_factory=list)
    # manifest entries that name no usable file: (manifest, what is wrong)
    manifest_problems: list[tuple[Path, str]] = field(default_factory=list)
    # file name → its quality report
    quality: dict[str, PageQuality] = field(default_factory=dict)


def parse_file(path: Path) -> ParsedPage:
    return read_page(read_page_text(path), ZoneDirectory())


def _failure(name: str, message: str) -> str:
    return message if message.startswith(name) else f"{name}：{message}"


def import_page(*, name: str, data: bytes, info: PageInfo, force: bool = False) -> PageResult:
    """Read and write one page in its own transaction (store_page); a failure writes nothing."""
    try:
        text = decode_page(data, name)
        fingerprint = page_fingerprint(data, info)
        if not force and is_imported(info, fingerprint):
            return PageResult(name, skipped=True)
        # A fresh directory per page: a rolled-back page must not leave zones behind in it.
        zones = ZoneDirectory()
        page = read_page(text, zones)
        report = store_page(page, info, zones, fingerprint=fingerprint)
    except PageRejected as rejection:
        return PageResult(name, failure=_failure(name, str(rejection)))
    except IntegrityError as error:
        # An editor may have moved a kept piece into the place a new piece of the page takes.
        return PageResult(
            name,
            failure=(
                f"{name}：写入时与库中已有的稿件冲突（{error}），本文件未写入任何内容。"
                "请检查编辑是否把本版某篇稿件调到了版面上另一篇的期、版次和顺序。"
            ),
        )
    quality = page_quality(page, new_zones=report.new_zones)
    return PageResult(name, report=report, page=page, quality=quality)


def import_pages(
    paths: Iterable[Path],
    *,
    force: bool = False,
    progress: Callable[[int, int, Path], None] | None = None,
) -> ImportOutcome:
    paths = list(paths)
    outcome = ImportOutcome(reports=[], failures=[], leftovers={})
    manifests: dict[Path, Manifest] = {}
    for index, path in enumerate(paths, start=1):
        if progress:
            progress(index, len(paths), path)
        try:
            data = read_page_bytes(path)
            info = page_info_for(path, manifests)
        except PageRejected as rejection:
            outcome.failures.append((path, _failure(path.name, str(rejection))))
            continue
        result = import_page(name=path.name, data=data, info=info, force=force)
        if result.skipped:
            outcome.skipped.append(path)
        elif result.failure:
            outcome.failures.append((path, result.failure))
        else:
            outcome.reports.append(result.report)
            outcome.leftovers[path.name] = result.page.leftovers
            outcome.quality[path.name] = result.quality
    for folder, manifest in manifests.items():
        outcome.manifest_problems += [(folder / MANIFEST_NAME, p) for p in manifest.unnamed]
    return outcome
