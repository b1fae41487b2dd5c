"""axe-core on the portal pages the phone journey does not pass through, at 390×844: forms
refused with their error messages, a piece sent back with the editors' note, the mail settings
and the password pages."""

import pytest
from playwright.sync_api import expect

from articles.models import ArticleTransition, Status
from tests.browser.a11y import check_accessibility
from tests.browser.test_journey import login
from tests.factories import make_article, make_correspondent, make_editor
from tests.portal_tests.helpers import make_call

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 390, "height": 844}


def test_the_other_portal_pages_pass_axe_on_a_phone(page, live_server, screenshot):
    make_call()
    correspondent = make_correspondent(name="麻洁琼")
    sent_back = make_article(
        status=Status.REVISION,
        authors=[correspondent.contributor],
        title="介休经开区8个重点项目集中开工",
        manuscript_number="KFQ-2026-0007",
    )
    ArticleTransition.objects.create(
        article=sent_back,
        from_status=Status.IN_REVIEW,
        to_status=Status.REVISION,
        by=make_editor(),
        note="请补充项目投资额。",
    )
    submitted = make_article(status=Status.SUBMITTED, authors=[correspondent.contributor])
    page.set_viewport_size(PHONE)
    base = live_server.url

    page.goto(base + "/accounts/password_reset/")
    check_accessibility(page)
    page.goto(base + "/accounts/login/")
    page.fill("#id_username", correspondent.username)
    page.fill("#id_password", "错误的密码")
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_role("alert")).to_be_visible()
    check_accessibility(page)
    login(page, base, correspondent.username)

    page.goto(base + "/submit/")
    page.get_by_role("button", name="投稿", exact=True).click()
    expect(page.get_by_text("这个字段是必填项。").first).to_be_visible()
    screenshot(page, "portal-a11y-submit-refused-phone.png")
    check_accessibility(page)

    page.goto(f"{base}/my/{sent_back.pk}/")
    check_accessibility(page)
    page.get_by_role("link", name="按意见修改").click()
    expect(page.get_by_role("note")).to_contain_text("请补充项目投资额。")
    check_accessibility(page)

    page.goto(f"{base}/my/{submitted.pk}/withdraw/")
    page.get_by_role("button", name="确认撤回").click()
    expect(page.get_by_role("alert")).to_contain_text("请写明撤回原因")
    check_accessibility(page)

    for path in ("/my/mail/", "/accounts/password_change/"):
        page.goto(base + path)
        check_accessibility(page)
