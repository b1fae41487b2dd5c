"""The live count says in words where the piece stands against its genre's target, and stays
in sight at the bottom of a phone's screen while the body is typed."""

import pytest
from playwright.sync_api import expect

from tests.browser.test_journey import login
from tests.factories import make_correspondent
from tests.portal_tests.helpers import make_call

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 390, "height": 844}


@pytest.mark.parametrize(
    ("characters", "state", "says"),
    [
        (300, "under", "偏短"),
        (800, "within", "字数合适"),
        (1300, "over", "偏长，建议删减"),
        (1700, "refused", "超过上限 1600 字：可以存草稿，删减后才能投稿"),
    ],
)
def test_the_count_names_its_state_in_words(page, live_server, characters, state, says):
    make_call()
    correspondent = make_correspondent()
    login(page, live_server.url, correspondent.username)
    page.goto(live_server.url + "/submit/")
    page.select_option("#id_genre", label="消息")

    page.fill("#id_body", "字" * characters)

    counter = page.locator("#id_body-length")
    expect(counter).to_have_text(f"已写 {characters} 字，消息要求 800 字左右：{says}")
    expect(counter).to_have_attribute("data-state", state)


def test_the_count_stays_in_sight_while_typing_on_a_phone(page, live_server, screenshot):
    make_call()
    correspondent = make_correspondent()
    page.set_viewport_size(PHONE)
    login(page, live_server.url, correspondent.username)
    page.goto(live_server.url + "/submit/")
    page.select_option("#id_genre", label="消息")
    page.fill("#id_body", "项目建设加速推进。" * 200)

    page.locator("#id_body").click()
    page.evaluate(
        "() => { const a = document.getElementById('id_body');"
        " window.scrollTo(0, a.getBoundingClientRect().top + window.scrollY + 100); }"
    )

    box = page.locator("#id_body-length").bounding_box()
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"]
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(page, "portal-counter-phone.png", full_page=False)
