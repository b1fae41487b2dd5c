"""The browser infrastructure itself: Chromium, live_server and Chinese fonts."""

import pytest
from playwright.sync_api import expect


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_admin_login_page_is_chinese(live_server, page, screenshot):
    page.goto(live_server.url + "/admin/login/")
    screenshot(page, "admin_login.png")

    expect(page.get_by_role("button", name="登录")).to_be_visible()
    assert page.locator("html").get_attribute("lang") == "zh-hans"
