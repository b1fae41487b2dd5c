"""The editors' year end in Chromium: open the year's list, download the XLSX, fix the
优秀撰稿人, print a certificate and a letter; then a zone checks the certificate online.

The ORM only sets the scene (seed archive, an editor) and checks the end state.
"""

import re

import openpyxl
import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from awards.models import Award
from tests.factories import make_editor

PASSWORD = "测试密码-123456"  # what tests/factories.make_user gives every account
YEAR = 2023


def admin_login(page: Page, base: str, username: str):
    page.goto(base + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_role("link", name="投稿人稿件清单")).to_be_visible()


def page_sizes(pdf: bytes) -> list[tuple[int, int]]:
    """Each page's size in points, from the PDF's MediaBox entries (Chromium writes one each)."""
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    return [(round(float(width)), round(float(height))) for width, height in boxes]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_editor_lists_the_year_downloads_fixes_awards_and_prints(
    live_server, page, browser, screenshot, tmp_path
):
    call_command("load_zones")
    call_command("import_seeds")
    make_editor("bianji")
    base = live_server.url

    # 1. From the admin index to the year's list, choosing 2023 in the picker.
    admin_login(page, base, "bianji")
    page.get_by_role("link", name="投稿人稿件清单").click()
    expect(page).to_have_url(re.compile(r"/admin/awards/credit/2025/$"))
    page.select_option("#id_year", str(YEAR))
    page.get_by_role("button", name="查看").click()
    expect(page).to_have_url(f"{base}/admin/awards/credit/{YEAR}/")
    expect(page.get_by_role("heading", name=f"{YEAR}年度投稿人稿件清单和篇目")).to_be_visible()
    summary = page.locator("table.summary tfoot")
    expect(summary).to_contain_text("11")
    expect(summary).to_contain_text("12")
    wang = page.locator("#content section.zone-section").filter(
        has_text="太原中北高新技术产业开发区"
    )
    expect(wang.locator("tbody tr")).to_have_count(2)
    screenshot(page, "awards-1-year-list.png")
    page.emulate_media(media="print")
    screenshot(page, "awards-1b-year-list-print.png")
    page.emulate_media(media="screen")

    # 2. The XLSX download opens with openpyxl and holds the rows.
    with page.expect_download() as download_info:
        page.get_by_role("link", name="下载 Excel（XLSX）").click()
    download = download_info.value
    assert download.suggested_filename == f"{YEAR}年度投稿人稿件清单和篇目.xlsx"
    saved = tmp_path / "list.xlsx"
    download.save_as(saved)
    workbook = openpyxl.load_workbook(saved)
    assert workbook.sheetnames == ["稿件清单", "开发区汇总", "评分排名", "计分明细"]
    rows = list(workbook["稿件清单"].iter_rows(values_only=True))
    assert rows[0][:3] == ("开发区", "所在市", "作者") and len(rows) == 1 + 13
    assert [r[1] for r in list(workbook["评分排名"].iter_rows(values_only=True))[1:4]] == [
        "王波",
        "麻洁琼",
        "刘记明",
    ]

    # 3. The ranking shows how a score was made; the editor fixes the year's awardees.
    page.get_by_role("link", name="评分排名与优秀撰稿人").click()
    expect(page).to_have_url(f"{base}/admin/awards/credit/{YEAR}/ranking/")
    best = page.locator("table.ranking tbody.contributor").first
    expect(best.locator("th.name")).to_contain_text("王波")
    expect(best.locator("td.sum")).to_have_text("5 + 3 = 8")
    best.get_by_text("计分明细（2 篇）").click()
    expect(best.locator("table.breakdown tbody tr")).to_have_count(2)
    expect(best.locator("table.breakdown")).to_contain_text("（头条）")
    screenshot(page, "awards-2-ranking.png")
    page.fill("#id_issued_on", "2024-01-16")
    page.get_by_role("button", name="确定本年度优秀撰稿人").click()
    expect(page.locator("#awards-to-fix tbody tr")).to_have_count(11)
    screenshot(page, "awards-2b-fix-confirmation.png")
    page.get_by_role("button", name="确认，编发证书").click()
    expect(page.locator("ul.messagelist")).to_contain_text("已确定2023年度优秀撰稿人 11 位")
    expect(page.locator("table.awards")).to_contain_text("KFQ-2023-YXZG-01")
    screenshot(page, "awards-3-fixed.png")

    # 4. A certificate's print view: A4 landscape, one page.
    page.locator("table.awards tbody tr").first.get_by_role("link", name="打印证书").click()
    expect(page).to_have_url(re.compile(r"/admin/awards/award/\d+/certificate/$"))
    certificate = page.locator("article.certificate")
    for text in ("荣誉证书", "王波", "太原中北高新技术产业开发区", "2023年度优秀撰稿人"):
        expect(certificate).to_contain_text(text)
    expect(certificate).to_contain_text("二〇二四年一月十六日")
    expect(certificate).to_contain_text("KFQ-2023-YXZG-01")
    screenshot(page, "awards-4-certificate-screen.png")
    page.emulate_media(media="print")
    expect(page.locator(".screen-toolbar")).to_be_hidden()
    screenshot(page, "awards-5-certificate-print.png")
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    assert page_sizes(pdf) == [(842, 595)]  # one A4 landscape page
    page.emulate_media(media="screen")

    # 5. The letter of praise to 盐湖高新区's committee names 刘记明 and both his pieces.
    page.get_by_role("link", name=re.compile("返回2023年度评分排名")).click()
    page.get_by_role("link", name="盐湖高新技术产业开发区管委会").click()
    letter = page.locator("article.letter")
    expect(letter).to_contain_text("刘记明同志被评为《开发区建设》周刊2023年度优秀撰稿人")
    expect(letter.locator("ol li")).to_have_count(2)
    screenshot(page, "awards-6-letter-screen.png")
    page.emulate_media(media="print")
    screenshot(page, "awards-6b-letter-print.png")
    assert page_sizes(page.pdf(prefer_css_page_size=True)) == [(595, 842)]  # A4 portrait

    # 6. A zone committee, not logged in, checks the certificate by its number.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    try:
        zone_page = context.new_page()
        zone_page.goto(base + "/certificates/")
        zone_page.get_by_label("证书或证明编号").fill("kfq-2023-yxzg-01")
        zone_page.get_by_role("button", name="核验").click()
        expect(zone_page).to_have_url(f"{base}/certificates/KFQ-2023-YXZG-01/")
        expect(zone_page.get_by_text("此证书真实有效")).to_be_visible()
        expect(zone_page.locator(".verification")).to_contain_text("王波")
        expect(zone_page.locator(".verification")).not_to_contain_text("8")
        screenshot(zone_page, "awards-7-verification.png")
        zone_page.goto(base + "/certificates/KFQ-2023-YXZG-77/")
        expect(zone_page.get_by_role("heading", name="未找到证书")).to_be_visible()
        screenshot(zone_page, "awards-8-not-found.png")
    finally:
        context.close()

    assert list(Award.objects.order_by("rank").values_list("number", "name"))[:3] == [
        ("KFQ-2023-YXZG-01", "王波"),
        ("KFQ-2023-YXZG-02", "麻洁琼"),
        ("KFQ-2023-YXZG-03", "刘记明"),
    ]
