"""The submission form warns at once about a photo over 10 MB and clears the choice, so the
correspondent never meets nginx's 413 page and keeps what they typed."""

import pytest
from playwright.sync_api import expect

from tests.browser.test_journey import login
from tests.factories import make_correspondent

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

MB = 1024 * 1024


def test_a_photo_over_10_mb_is_refused_before_the_upload(page, live_server, screenshot):
    correspondent = make_correspondent()
    login(page, live_server.url, correspondent.username)
    page.goto(live_server.url + "/submit/")
    page.fill("#id_title", "开发区新项目开工")

    page.set_input_files(
        "#id_photo",
        files=[{"name": "大图.jpg", "mimeType": "image/jpeg", "buffer": b"\0" * (11 * MB)}],
    )

    expect(page.locator("#id_photo-size")).to_contain_text("超过 10 MB 的上限，已取消选择")
    assert page.eval_on_selector("#id_photo", "input => input.files.length") == 0
    assert page.input_value("#id_title") == "开发区新项目开工"
    page.locator("#id_photo").scroll_into_view_if_needed()
    screenshot(page, "portal-photo-over-10-mb.png", full_page=False)

    page.set_input_files(
        "#id_photo", files=[{"name": "小图.jpg", "mimeType": "image/jpeg", "buffer": b"\0" * MB}]
    )

    expect(page.locator("#id_photo-size")).to_have_text("")
    assert page.eval_on_selector("#id_photo", "input => input.files.length") == 1
