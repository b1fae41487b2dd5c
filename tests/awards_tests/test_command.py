"""`manage.py contributor_report`: the same workbook as the admin's download, or nothing."""

import io

import openpyxl
import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def test_writes_the_workbook_and_the_csv(seeded, tmp_path):
    xlsx, csv = tmp_path / "out" / "2023.xlsx", tmp_path / "2023.csv"
    stdout = io.StringIO()

    call_command("contributor_report", year=2023, xlsx=xlsx, csv=csv, stdout=stdout)

    workbook = openpyxl.load_workbook(xlsx)
    assert workbook.sheetnames == ["稿件清单", "开发区汇总", "评分排名", "计分明细"]
    assert workbook["稿件清单"].max_row == 1 + 13
    assert workbook["评分排名"]["B2"].value == "王波"
    assert csv.read_bytes().startswith(b"\xef\xbb\xbf")
    assert "8 个开发区，11 位作者，12 篇署名稿件（另有未署名稿件 1 篇）" in stdout.getvalue()
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["2023.csv", "2023.xlsx", "out"]


def test_a_year_without_pieces_is_a_chinese_error_and_writes_nothing(seeded, tmp_path):
    target = tmp_path / "1999.xlsx"
    with pytest.raises(CommandError, match="1999年没有已刊发的署名稿件，未写出任何文件"):
        call_command("contributor_report", year=1999, xlsx=target)
    assert not target.exists()


def test_asks_for_a_file_to_write(seeded):
    with pytest.raises(CommandError, match="--xlsx 或 --csv"):
        call_command("contributor_report", year=2023)


def test_quiet_at_verbosity_zero(seeded, tmp_path):
    stdout = io.StringIO()
    call_command(
        "contributor_report", year=2023, xlsx=tmp_path / "a.xlsx", verbosity=0, stdout=stdout
    )
    assert stdout.getvalue() == ""
