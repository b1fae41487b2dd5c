"""The public home page, filled from the five seed pages."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

SEED_TITLE = "上半年财政总收入同比增长10.42%"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_home_shows_seed_article(live_server, page, screenshot):
    call_command("load_zones")
    call_command("import_seeds")

    page.goto(live_server.url + "/")
    screenshot(page, "home.png")

    expect(page.get_by_text(SEED_TITLE).filter(visible=True).first).to_be_visible()
    assert page.locator("html").get_attribute("lang") == "zh-Hans"
