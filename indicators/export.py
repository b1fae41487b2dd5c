"""Confirmed figures as files, CSV or XLSX, one row per figure with its source.

Every text cell goes through awards/cells.py, the one rule that keeps a title from running as a
formula (and drops the control characters an XLSX cannot hold); numbers stay numbers (the value
in 元 or a count, the change in per cent).
"""

import csv
import io

from openpyxl import Workbook

from awards import cells

HEADERS = [
    "开发区",
    "指标",
    "时期",
    "起始日期",
    "截止日期",
    "数值",
    "单位",
    "同比增减（%）",
    "来源稿件",
    "刊期",
    "原句",
    "链接",
]


def rows(figures, site: str):
    for figure in figures:
        issue = figure.article.issue
        yield [
            figure.zone.official_name if figure.zone else "",
            figure.indicator.name,
            figure.period_label,
            figure.period_start,
            figure.period_end,
            figure.value,
            figure.get_unit_display(),
            figure.change,
            figure.article.title,
            issue.date if issue else None,
            figure.sentence,
            site + figure.article.get_absolute_url(),
        ]


def as_csv(figures, site: str) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADERS)
    for row in rows(figures, site):
        writer.writerow(
            ["" if v is None else cells.csv_text(v) if isinstance(v, str) else v for v in row]
        )
    # With a byte-order mark, Excel opens the Chinese as UTF-8.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def as_xlsx(figures, site: str) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "经济指标"
    sheet.append(HEADERS)
    for row in rows(figures, site):
        sheet.append(cells.xlsx_row(row))
    for line in sheet.iter_rows():
        for cell in line:
            cells.xlsx_cell(cell)
    for column, width in zip(
        "ABCDEFGHIJKL", (24, 16, 16, 12, 12, 18, 6, 12, 36, 12, 60, 40), strict=True
    ):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
