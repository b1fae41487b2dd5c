"""The editors' statistics in Chromium: filter by a city and a quarter, open the coverage grid,
a zone's report card and the 用稿通报, download its XLSX.

The ORM sets the scene (the zone registry, the seed archive, a few online submissions with
their decisions) and checks the download.
"""

import re

import openpyxl
import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from articles.models import Status
from tests.factories import make_contributor, make_editor
from tests.reports_tests.helpers import local, submitted_piece
from zones.models import City, Zone

PASSWORD = "测试密码-123456"  # what tests/factories.make_user gives every account


def admin_login(page: Page, base: str, username: str):
    page.goto(base + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_role("link", name="采编统计")).to_be_visible()


def online_submissions():
    """Three pieces from a 太原 zone in the second quarter of 2025: sent back then accepted,
    rejected, still in review."""
    zone = Zone.objects.filter(city=City.TAIYUAN).order_by("official_name").first()
    author = make_contributor(name="李通讯", zone=zone)
    submitted_piece(
        submitted_at=local(2025, 4, 3),
        moves=[(Status.REVISION, local(2025, 4, 8)), (Status.ACCEPTED, local(2025, 4, 21))],
        zone=zone,
        authors=[author],
        status=Status.ACCEPTED,
    )
    submitted_piece(
        submitted_at=local(2025, 5, 6),
        moves=[(Status.REJECTED, local(2025, 5, 9))],
        zone=zone,
        authors=[author],
        status=Status.REJECTED,
    )
    submitted_piece(
        submitted_at=local(2025, 6, 2), zone=zone, authors=[author], status=Status.IN_REVIEW
    )
    return zone


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_editor_filters_statistics_opens_coverage_and_the_bulletin(
    live_server, page, screenshot, tmp_path
):
    call_command("load_zones")
    call_command("import_seeds")
    zone = online_submissions()
    make_editor("bianji")
    base = live_server.url

    # 1. Statistics for 太原 in the second quarter of 2025.
    admin_login(page, base, "bianji")
    page.get_by_role("link", name="采编统计").click()
    page.select_option("#id_period", "quarter")
    # A quarter takes its year and number; the month and the two dates step aside.
    expect(page.locator("#id_month")).to_be_hidden()
    expect(page.locator("#id_start")).to_be_hidden()
    page.fill("#id_year", "2025")
    page.select_option("#id_quarter", "2")
    page.select_option("#id_city", "太原")
    page.get_by_role("button", name="统计").click()
    expect(page.get_by_text("统计期：2025年4月1日至2025年6月30日")).to_be_visible()
    stages = page.locator("#stages table")
    expect(stages.get_by_role("row", name="投稿 3 按投稿日期统计", exact=True)).to_be_visible()
    expect(stages.get_by_role("row", name=re.compile(r"^录用率 50\.0%"))).to_be_visible()
    chart = page.locator("#section-3 svg")  # 按开发区
    expect(chart.locator("text", has_text=zone.display_name[:11])).to_have_count(1)
    expect(page.locator("figcaption").first).to_contain_text("按各自的日期计入")
    screenshot(page, "reports-1-statistics.png")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="下载全部表格（Excel，XLSX）").click()
    assert download_info.value.suggested_filename == "采编统计（2025年第二季度）.xlsx"
    download_info.value.save_as(tmp_path / "statistics.xlsx")
    tables = openpyxl.load_workbook(tmp_path / "statistics.xlsx")
    assert tables["各环节稿件数"]["B4"].value == 3  # 投稿, as on the page

    # 2. The coverage grid keeps the filter.
    page.get_by_role("link", name="来稿覆盖", exact=True).click()
    expect(page.get_by_role("heading", name="开发区 × 征稿主题")).to_be_visible()
    expect(page.locator("#id_city")).to_have_value("太原")
    expect(
        page.get_by_role("heading", name=re.compile(r"个月以上没有来稿的开发区"))
    ).to_be_visible()
    screenshot(page, "reports-2-coverage.png")

    # 3. From the grid, the zone's report card for its management committee.
    page.locator("table.coverage-grid").first.get_by_role(
        "link", name=zone.display_name, exact=True
    ).click()
    expect(
        page.get_by_role("heading", name=f"{zone.official_name}2025年《开发区建设》周刊用稿情况")
    ).to_be_visible()
    card = page.locator(".zone-card")
    # Submitted in April (accepted, not yet printed), May and June; nothing used, no login.
    expect(card.get_by_role("row", name="2025年4月 1 0", exact=True)).to_be_visible()
    expect(card).to_contain_text("当年没有刊用的稿件。")
    expect(card).to_contain_text("尚无通讯员账号。")
    screenshot(page, "reports-3-zone-card.png")

    # 4. The bulletin for the whole province in that quarter, printed and downloaded.
    page.go_back()
    page.get_by_role("link", name="用稿通报", exact=True).click()
    page.select_option("#id_city", "")
    page.get_by_role("button", name="统计").click()
    expect(
        page.get_by_role("heading", name="《开发区建设》周刊用稿通报（2025年第二季度）")
    ).to_be_visible()
    expect(page.locator("table.bulletin-zones tbody tr").first).to_contain_text("1")
    screenshot(page, "reports-4-bulletin.png")
    page.emulate_media(media="print")
    screenshot(page, "reports-4b-bulletin-print.png")
    page.emulate_media(media="screen")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="下载 Excel（XLSX）").click()
    download = download_info.value
    assert download.suggested_filename == "《开发区建设》周刊用稿通报（2025年第二季度）.xlsx"
    saved = tmp_path / "bulletin.xlsx"
    download.save_as(saved)
    workbook = openpyxl.load_workbook(saved)
    zones = list(workbook["开发区用稿排名"].iter_rows(min_row=4, values_only=True))
    assert zones[0][0] == 1 and zones[-1][1] == "合计" and zones[-1][3] > 0
