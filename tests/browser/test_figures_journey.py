"""Economic figures in Chromium: the seed archive is imported (its pieces' figures are read as
they are published), an editor confirms the figures of one published piece in the admin and
sees them on the zone's page, each point and row leading back to the piece."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from indicators.models import ExtractedFigure
from tests.browser.a11y import check_accessibility
from tests.browser.test_reports_journey import admin_login
from tests.factories import make_editor, make_first_catalogue
from zones.models import Zone

PIECE = "锚定目标奋力行 实现首季“开门红”"  # 运城经开区, 2024-04-16: 2023 and 2024年一季度


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_editor_confirms_a_pieces_figures_and_sees_them_on_the_zones_page(
    live_server, page: Page, screenshot
):
    make_first_catalogue()
    call_command("load_zones")
    call_command("import_seeds")  # publishing the pieces reads their figures after the commit
    assert ExtractedFigure.objects.filter(article__title=PIECE).count() == 12
    zone = Zone.objects.get(official_name="运城经济技术开发区")
    make_editor("bianji")
    base = live_server.url

    # Nothing is public before an editor confirms it.
    page.goto(base + zone.get_absolute_url())
    expect(page.get_by_role("heading", name="经济指标")).to_have_count(0)

    # 1. The editor finds the piece's figures in the review list.
    admin_login(page, base, "bianji")
    page.get_by_role("link", name="稿件数据").click()
    page.get_by_role("link", name="待核", exact=True).click()
    page.fill("#searchbar", "锚定目标奋力行")
    page.locator("#changelist-search").get_by_role("button").click()
    expect(page.get_by_text("12 条结果")).to_be_visible()
    screenshot(page, "figures-1-review-list.png")

    # 2. One figure's page shows the sentence it was read from.
    page.get_by_role("link", name="运城经济技术开发区").first.click()
    expect(page.locator(".field-sentence_shown")).to_contain_text("同比增长")
    page.go_back()

    # 3. Confirms all twelve at once.
    page.locator("#action-toggle").check()
    page.select_option("select[name=action]", "confirm_selected")
    page.get_by_role("button", name="执行").click()
    expect(page.locator("ul.messagelist")).to_contain_text("已确认 12 条数据")
    screenshot(page, "figures-2-confirmed.png")

    # 4. And 朔州's figures for 2023, from the 两会特刊.
    page.fill("#searchbar", "风起经开立潮头")
    page.locator("#changelist-search").get_by_role("button").click()
    expect(page.get_by_text("7 条结果")).to_be_visible()
    page.locator("#action-toggle").check()
    page.select_option("select[name=action]", "confirm_selected")
    page.get_by_role("button", name="执行").click()
    expect(page.locator("ul.messagelist")).to_contain_text("已确认 7 条数据")

    # 5. The zone's page shows them as time series, with their sources.
    page.goto(base + zone.get_absolute_url())
    section = page.locator("section.zone-figures")
    expect(section.get_by_role("heading", name="经济指标")).to_be_visible()
    expect(section.get_by_role("heading", name="规上工业总产值")).to_be_visible()
    expect(section.locator("svg circle")).to_have_count(12)  # every figure states a value
    expect(section.get_by_role("cell", name="212.5亿元")).to_be_visible()
    screenshot(page, "figures-3-zone-page.png")
    check_accessibility(page)

    # 6. A row leads to the piece, at its sentence.
    section.get_by_role("link", name=PIECE).first.click()
    expect(page.get_by_role("heading", name=PIECE)).to_be_visible()
    assert "#:~:text=" in page.url
    screenshot(page, "figures-5-source.png", full_page=False)  # Chromium marks the sentence

    # 7. The province page compares zones on one indicator and period, with the sources.
    page.goto(base + "/figures/")
    expect(page.get_by_role("heading", name="各开发区经济指标对比")).to_be_visible()
    page.select_option("#id_indicator", label="一般公共预算收入")
    page.get_by_role("button", name="查看").click()
    page.select_option("#id_period", "2023年")
    page.get_by_role("button", name="查看").click()
    table = page.locator("table.figures-table")
    expect(table.get_by_role("row")).to_have_count(3)
    expect(table.get_by_role("row").nth(1)).to_contain_text(
        re.compile(r"朔州经济开发区\s*8.15亿元")
    )
    expect(table.get_by_role("row").nth(2)).to_contain_text(
        # In the unit of the largest: 46,431万元 beside 8.15亿元 read as the larger.
        re.compile(r"运城经济技术开发区\s*4.64亿元\s*\+9.14%")
    )
    screenshot(page, "figures-4-comparison.png")
    check_accessibility(page)
