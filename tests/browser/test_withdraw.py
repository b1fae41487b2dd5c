"""On a phone, a correspondent withdraws a piece (confirming, with a reason) and reopens it."""

import pytest
from playwright.sync_api import expect

from articles.models import Status
from tests.browser.test_journey import login
from tests.factories import make_article, make_correspondent

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 390, "height": 844}


def test_withdraw_with_a_reason_then_reopen(page, live_server, screenshot):
    correspondent = make_correspondent()
    piece = make_article(
        status=Status.SUBMITTED,
        authors=[correspondent.contributor],
        title="介休经开区8个重点项目集中开工",
        manuscript_number="KFQ-2026-0007",
    )
    page.set_viewport_size(PHONE)
    login(page, live_server.url, correspondent.username)
    page.goto(f"{live_server.url}/my/{piece.pk}/")

    page.get_by_role("link", name="撤回稿件…").click()
    page.get_by_role("button", name="确认撤回").click()
    expect(page.get_by_role("alert")).to_contain_text("请写明撤回原因")
    page.get_by_label("撤回原因").fill("数据需要再核实。")
    screenshot(page, "portal-withdraw-confirm-phone.png")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.get_by_role("button", name="确认撤回").click()

    expect(page.locator(".messages")).to_contain_text("稿件已撤回")
    expect(page.locator(".history")).to_contain_text("数据需要再核实。")
    screenshot(page, "portal-withdrawn-phone.png")
    page.get_by_role("button", name="重新打开为草稿").click()

    expect(page.locator(".messages")).to_contain_text("稿件已重新打开为草稿")
    expect(page.locator("h1")).to_contain_text("KFQ-2026-0007")
    piece.refresh_from_db()
    assert piece.status == Status.DRAFT and piece.manuscript_number == "KFQ-2026-0007"
