"""The 用稿通报 as an XLSX workbook: values only, no formulas, text cells through the awards'
one rule against formula injection (awards.cells), since names and titles come from
correspondents."""

import io

from openpyxl import Workbook
from openpyxl.styles import Font

from awards import cells

from .bulletin import Bulletin


def _zone_rows(bulletin: Bulletin):
    for zone in bulletin.zones:
        yield (
            zone.rank,
            zone.name,
            zone.detail,
            zone.pieces,
            *zone.by_genre,
            zone.leads,
            zone.photos,
        )
    total = bulletin.total
    yield (None, total.name, None, total.pieces, *total.by_genre, total.leads, total.photos)


def _author_rows(bulletin: Bulletin):
    for author in bulletin.authors:
        yield (author.rank, author.name, author.detail, author.pieces, author.leads)


def bulletin_xlsx(bulletin: Bulletin) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    workbook.properties.title = bulletin.title
    workbook.properties.creator = "《开发区建设》周刊编辑部"
    sheets = (
        (
            "开发区用稿排名",
            ("名次", "开发区", "所在市", "用稿篇数", *bulletin.genres, "头条", "图片"),
            _zone_rows(bulletin),
        ),
        (
            "用稿较多的作者",
            ("名次", "作者", "所在开发区", "用稿篇数", "头条"),
            _author_rows(bulletin),
        ),
    )
    for title, headers, rows in sheets:
        worksheet = workbook.create_sheet(title)
        worksheet.append([bulletin.title])
        worksheet.append([f"统计范围：出版日期在{bulletin.report.period_label}内的已刊发稿件"])
        worksheet.append(headers)
        for cell in worksheet[3]:
            cell.font = Font(bold=True)
        for row in rows:
            worksheet.append(row)
        for row_cells in worksheet.iter_rows():
            for cell in row_cells:
                cells.xlsx_cell(cell)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()
