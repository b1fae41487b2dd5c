"""The year-end list as files: an XLSX workbook with one sheet per view, or one view as CSV.

Both the admin downloads and `manage.py contributor_report` call these functions, so the
file an editor downloads and the one the command writes are the same.
"""

import csv
import datetime
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from articles.models import Genre

from . import cells
from .report import AWARD_LIMIT, YearReport, zone_of
from .scoring import as_decimal, format_points

DOCUMENT_TITLE = "投稿人稿件清单和篇目"


def _piece_rows(report: YearReport):
    for group in report.groups:
        for person in group.contributors:
            for entry in person.entries:
                piece = entry.piece
                yield (
                    group.label,
                    group.city,
                    person.contributor.name,
                    entry.order,
                    "、".join(author.name for author in entry.co_authors),
                    piece.title,
                    piece.genre,
                    piece.issue_date,
                    piece.page,
                    "稿件所属开发区" if entry.by_article_zone else "作者所在开发区",
                )


def _zone_rows(report: YearReport):
    for group in report.groups:
        yield (
            group.label,
            group.city,
            len(group.contributors),
            len(group.pieces),
            *(count for _, count in group.genre_counts()),
        )
    yield (
        "合计",
        "",
        report.contributor_count,
        len(report.pieces),
        *(count for _, count in report.genre_counts()),
    )


def _ranking_rows(report: YearReport):
    awardees = {entry.contributor.pk for entry in report.awardees()}
    for entry in report.ranking:
        contributor, zone = entry.contributor, zone_of(entry)
        yield (
            entry.rank,
            contributor.name,
            zone.official_name if zone else "",
            entry.piece_count,
            as_decimal(entry.total),
            entry.first_date,
            "是" if contributor.pk in awardees else "",
        )


def _breakdown_rows(report: YearReport):
    for entry in report.ranking:
        for line in entry.lines:
            piece = line.piece
            yield (
                entry.rank,
                entry.contributor.name,
                piece.title,
                piece.issue_date,
                piece.page,
                piece.genre,
                line.base,
                line.lead_bonus,
                line.photo_bonus,
                line.points,
                line.order,
                str(line.share),
                as_decimal(line.subtotal),
            )


@dataclass(frozen=True)
class Sheet:
    key: str
    title: str
    headers: tuple[str, ...]
    rows: Callable[[YearReport], Iterable[tuple]]


GENRE_HEADERS = tuple(genre.label for genre in Genre)

SHEETS = (
    Sheet(
        "pieces",
        "稿件清单",
        (
            "开发区",
            "所在市",
            "作者",
            "署名顺序",
            "合作者",
            "标题",
            "体裁",
            "出版日期",
            "版次",
            "归类依据",
        ),
        _piece_rows,
    ),
    Sheet(
        "zones",
        "开发区汇总",
        ("开发区", "所在市", "作者人数", "稿件篇数", *GENRE_HEADERS),
        _zone_rows,
    ),
    Sheet(
        "ranking",
        "评分排名",
        (
            "名次",
            "作者",
            "所在开发区",
            "稿件篇数",
            "得分",
            "首篇刊发日期",
            f"入选（前{AWARD_LIMIT}名）",
        ),
        _ranking_rows,
    ),
    Sheet(
        "breakdown",
        "计分明细",
        (
            "名次",
            "作者",
            "标题",
            "出版日期",
            "版次",
            "体裁",
            "体裁分",
            "头条加分",
            "配图加分",
            "本篇合计",
            "署名顺序",
            "分配比例",
            "得分",
        ),
        _breakdown_rows,
    ),
)
SHEETS_BY_KEY = {sheet.key: sheet for sheet in SHEETS}

HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="F2E6D9")


def _width(value) -> int:
    # A CJK character is about two Latin ones wide in Excel's default font.
    text = value.isoformat() if isinstance(value, datetime.date) else str(value or "")
    return sum(2 if ord(char) > 0x2E80 else 1 for char in text)


def workbook_bytes(report: YearReport) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    workbook.properties.title = f"{report.year}年度{DOCUMENT_TITLE}"
    workbook.properties.creator = "《开发区建设》周刊编辑部"
    for sheet in SHEETS:
        worksheet = workbook.create_sheet(sheet.title)
        worksheet.append(sheet.headers)
        for cell in worksheet[1]:
            cell.font, cell.fill = HEADER_FONT, HEADER_FILL
            cell.alignment = Alignment(vertical="center")
        widths = [_width(header) for header in sheet.headers]
        for row in map(cells.xlsx_row, sheet.rows(report)):
            worksheet.append(row)
            widths = [max(w, _width(value)) for w, value in zip(widths, row, strict=True)]
        for column, width in enumerate(widths, start=1):
            worksheet.column_dimensions[get_column_letter(column)].width = min(width + 2, 60)
        for row_cells in worksheet.iter_rows(min_row=2):
            for cell in row_cells:
                cells.xlsx_cell(cell)
                if isinstance(cell.value, datetime.date):
                    cell.number_format = "yyyy-mm-dd"
                elif isinstance(cell.value, Decimal):
                    cell.number_format = "0.00"
        worksheet.freeze_panes = "A2"
        worksheet.auto_filter.ref = worksheet.dimensions
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _csv_value(value):
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format_points(value)
    if isinstance(value, str):
        return cells.csv_text(value)
    return "" if value is None else value


def csv_bytes(report: YearReport, key: str = "pieces") -> bytes:
    """One sheet as CSV, UTF-8 with a byte-order mark so that Excel reads the Chinese."""
    sheet = SHEETS_BY_KEY[key]
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(sheet.headers)
    writer.writerows([_csv_value(value) for value in row] for row in sheet.rows(report))
    return buffer.getvalue().encode("utf-8-sig")


def filename(report: YearReport, extension: str, key: str | None = None) -> str:
    suffix = f"-{SHEETS_BY_KEY[key].title}" if key else ""
    return f"{report.year}年度{DOCUMENT_TITLE}{suffix}.{extension}"
