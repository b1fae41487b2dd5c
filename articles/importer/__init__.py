"""The seed importer: pages of the printed weekly (as text) into the archive.

Each file is read, parsed and written on its own: a page that fails writes nothing, and the
others still go in.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from zones.registry import ZoneDirectory

from .decoding import read_page_text
from .errors import PageRejected
from .layout import ParsedPage, read_page
from .manifest import page_info_for
from .store import PageReport, store_page

__all__ = ["ImportOutcome", "PageRejected", "import_pages", "parse_file"]


@dataclass
class ImportOutcome:
    reports: list[PageReport]
    failures: list[tuple[Path, str]]
    leftovers: dict[str, list]


def parse_file(path: Path) -> ParsedPage:
    return read_page(read_page_text(path), ZoneDirectory())


def import_pages(
    paths: Iterable[Path], *, progress: Callable[[int, int, Path], None] | None = None
) -> ImportOutcome:
    paths = list(paths)
    outcome = ImportOutcome(reports=[], failures=[], leftovers={})
    manifests: dict = {}
    for index, path in enumerate(paths, start=1):
        if progress:
            progress(index, len(paths), path)
        try:
            text = read_page_text(path)
            info = page_info_for(path, manifests)
            # A fresh directory per page: a rolled-back page must not leave zones behind in it.
            zones = ZoneDirectory()
            page = read_page(text, zones)
            report = store_page(page, info, zones)
        except PageRejected as rejection:
            message = str(rejection)
            if not message.startswith(path.name):
                message = f"{path.name}：{message}"
            outcome.failures.append((path, message))
            continue
        outcome.reports.append(report)
        outcome.leftovers[path.name] = page.leftovers
    return outcome
