"""The 用稿通报 and the statistics page as XLSX workbooks: values only, no formulas, text cells
through the awards' one rule against formula injection (awards.cells), since names and titles
come from correspondents."""

import io

from openpyxl import Workbook
from openpyxl.styles import Font

from awards import cells

from .bulletin import Bulletin
from .statistics import Statistics

CREATOR = "《开发区建设》周刊编辑部"


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
    workbook = _workbook(bulletin.title)
    basis = f"统计范围：出版日期在{bulletin.report.period_label}内的已刊发稿件"
    _sheet(
        workbook,
        "开发区用稿排名",
        [bulletin.title, basis],
        ("名次", "开发区", "所在市", "用稿篇数", *bulletin.genres, "头条", "图片"),
        _zone_rows(bulletin),
    )
    _sheet(
        workbook,
        "用稿较多的作者",
        [bulletin.title, basis],
        ("名次", "作者", "所在开发区", "用稿篇数", "头条"),
        _author_rows(bulletin),
    )
    return _saved(workbook)


def statistics_xlsx(statistics: Statistics) -> bytes:
    """Every table of the statistics page, each on its sheet with every row, and the date each
    figure counts by."""
    report = statistics.report
    title = f"采编统计（{report.period_label}）"
    workbook = _workbook(title)
    period = f"统计期：{report.start:%Y-%m-%d}至{report.end:%Y-%m-%d}"
    rate = statistics.stages.acceptance_percent
    _sheet(
        workbook,
        "各环节稿件数",
        [title, period],
        ("环节", "稿件", "计入日期"),
        [
            *((f.label, f.value, f.basis.label) for f in statistics.stages.figures()),
            (
                "录用率（%）",
                None if rate is None else round(rate, 1),
                "录用 ÷（录用＋不予采用），按决定日期统计",
            ),
        ],
    )
    _sheet(
        workbook,
        "处理周期",
        [title, period, "天数按北京时间的日历日计算；90%分位数按最近秩法。"],
        ("周期", "稿件", "中位数（天）", "90%分位数（天）", "计入日期"),
        [
            (wait.label, wait.pieces, wait.median, wait.percentile_90, wait.basis.label)
            for wait in statistics.turnaround
        ],
    )
    for section in statistics.sections:
        breakdown = section.breakdown
        _sheet(
            workbook,
            breakdown.title,
            [title, period, "投稿数按投稿日期统计；刊发数按出版日期（刊期日期）统计。"],
            (breakdown.column, "备注", "投稿", "刊发"),
            [(row.label, row.note or None, row.submitted, row.published) for row in breakdown.rows],
        )
    return _saved(workbook)


def _workbook(title: str) -> Workbook:
    workbook = Workbook()
    workbook.remove(workbook.active)
    workbook.properties.title = title
    workbook.properties.creator = CREATOR
    return workbook


def _sheet(workbook: Workbook, title: str, heading: list[str], headers, rows) -> None:
    worksheet = workbook.create_sheet(title)
    for line in heading:
        worksheet.append(cells.xlsx_row([line]))
    worksheet.append(cells.xlsx_row(headers))
    for cell in worksheet[len(heading) + 1]:
        cell.font = Font(bold=True)
    for row in rows:
        worksheet.append(cells.xlsx_row(row))
    for row_cells in worksheet.iter_rows():
        for cell in row_cells:
            cells.xlsx_cell(cell)


def _saved(workbook: Workbook) -> bytes:
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()
