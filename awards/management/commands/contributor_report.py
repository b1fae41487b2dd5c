"""Write a year's 《投稿人稿件清单和篇目》 as XLSX (and optionally CSV) from the command line.

The same builder as the admin's download (awards/export.py). A year without credited
published pieces is an error and writes nothing; files are written whole or not at all.
"""

import os
import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from awards import export
from awards.report import year_report


def _write_whole(path: Path, content: bytes):
    """Write to a temporary file beside `path`, then rename: never a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(content)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class Command(BaseCommand):
    help = (
        "生成某一年度的《投稿人稿件清单和篇目》：--xlsx 写出 Excel 文件（稿件清单、开发区汇总、"
        "评分排名、计分明细各一张工作表），--csv 写出稿件清单的 CSV（UTF-8，带 BOM）。"
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True, help="年度（按出版日期），如 2023。")
        parser.add_argument("--xlsx", type=Path, help="Excel 文件的保存路径。")
        parser.add_argument("--csv", type=Path, help="稿件清单 CSV 的保存路径。")

    def handle(self, *args, year, xlsx, csv, verbosity, **options):
        if not xlsx and not csv:
            raise CommandError("请用 --xlsx 或 --csv 指定要写出的文件。")
        report = year_report(year)
        if not report.pieces:
            raise CommandError(f"{year}年没有已刊发的署名稿件，未写出任何文件。")
        contents = []
        if xlsx:
            contents.append((xlsx, export.workbook_bytes(report)))
        if csv:
            contents.append((csv, export.csv_bytes(report, "pieces")))
        for path, content in contents:
            _write_whole(path, content)
            if verbosity >= 1:
                self.stdout.write(self.style.SUCCESS(f"已写出 {path}"))
        if verbosity >= 1:
            self.stdout.write(
                f"{year}年度：{len(report.groups)} 个开发区，{report.contributor_count} 位作者，"
                f"{len(report.pieces)} 篇署名稿件（另有未署名稿件 {report.unsigned_count} 篇）。"
            )
