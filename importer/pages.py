"""The seed importer: pages of the printed weekly (as text) into the archive.

Each file is read, parsed and written on its own: a page that fails writes nothing, and the
others still go in. A page already imported, whose file and manifest entry have not changed
since, is skipped unless the caller forces it; forced or not, pieces an editor changed are kept
as the editor left them (see store.py).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import IntegrityError

from importer.decoding import decode_page, read_page_bytes, read_page_text
from importer.errors import PageRejected
from importer.layout import read_page
from importer.manifest import MANIFEST_NAME, Manifest, page_info_for
from importer.records import ParsedPage
from importer.store import Conflict, PageReport, is_imported, page_fingerprint, store_page
from zones.directory import ZoneDirectory

__all__ = ["Conflict", "ImportOutcome", "PageRejected", "import_pages", "parse_file"]


@dataclass
class ImportOutcome:
    reports: list[PageReport]
    failures: list[tuple[Path, str]]
    leftovers: dict[str, list]
    # pages already imported as they are now
    skipped: list[Path] = field(default_factory=list)
    # manifest entries that name no usable file: (manifest, what is wrong)
    manifest_problems: list[tuple[Path, str]] = field(default_factory=list)


def parse_file(path: Path) -> ParsedPage:
    return read_page(read_page_text(path), ZoneDirectory())


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
            text = decode_page(data, path.name)
            info = page_info_for(path, manifests)
            fingerprint = page_fingerprint(data, info)
            if not force and is_imported(info, fingerprint):
                outcome.skipped.append(path)
                continue
            # A fresh directory per page: a rolled-back page must not leave zones behind in it.
            zones = ZoneDirectory()
            page = read_page(text, zones)
            report = store_page(page, info, zones, fingerprint=fingerprint)
        except PageRejected as rejection:
            message = str(rejection)
            if not message.startswith(path.name):
                message = f"{path.name}：{message}"
            outcome.failures.append((path, message))
            continue
        except IntegrityError as error:
            # An editor may have moved a kept piece into the place a new piece of the page takes.
            outcome.failures.append(
                (
                    path,
                    f"{path.name}：写入时与库中已有的稿件冲突（{error}），本文件未写入任何内容。"
                    "请检查编辑是否把本版某篇稿件调到了版面上另一篇的期、版次和顺序。",
                )
            )
            continue
        outcome.reports.append(report)
        outcome.leftovers[path.name] = page.leftovers
    for folder, manifest in manifests.items():
        outcome.manifest_problems += [(folder / MANIFEST_NAME, p) for p in manifest.unnamed]
    return outcome
