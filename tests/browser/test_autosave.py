"""Never lose a word, in a real browser: the piece saves itself while it is written, a page
left and opened again has the text, and a session that expires while writing keeps the text
until the correspondent has logged in again."""

import re

import pytest
from django.contrib.sessions.models import Session
from playwright.sync_api import expect

from articles.models import Article, Status
from tests.browser.test_journey import PASSWORD, login
from tests.factories import make_correspondent
from tests.portal_tests.helpers import make_call

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 390, "height": 844}
SAVED = re.compile(r"已自动保存 \d\d:\d\d")


def test_the_piece_saves_itself_and_is_there_when_the_page_is_opened_again(
    page, live_server, screenshot
):
    make_call()
    correspondent = make_correspondent()
    page.set_viewport_size(PHONE)
    login(page, live_server.url, correspondent.username)
    page.goto(live_server.url + "/submit/")

    page.fill("#id_title", "介休经开区8个重点项目集中开工")
    page.fill("#id_body", "本刊讯 10月下旬，介休经济技术开发区8个重点项目集中开工。")

    expect(page.locator("#autosave-status")).to_have_text(SAVED, timeout=15_000)
    screenshot(page, "portal-autosaved-phone.png", full_page=False)
    piece = Article.objects.get()
    assert piece.status == Status.DRAFT and piece.title == "介休经开区8个重点项目集中开工"
    assert page.url.endswith(f"/my/{piece.pk}/edit/")

    page.fill("#id_body", "本刊讯 10月下旬，介休经济技术开发区8个重点项目集中开工。又写了一句。")
    page.goto(live_server.url + "/my/")  # left before the next timed save: saved on the way out
    page.goto(f"{live_server.url}/my/{piece.pk}/edit/")

    expect(page.locator("#id_body")).to_have_value(re.compile("又写了一句。$"))
    page.get_by_role("button", name="投稿", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("稿件已投出")
    assert Article.objects.get().status == Status.SUBMITTED


def test_a_session_that_expires_while_writing_keeps_the_text(page, live_server, screenshot):
    make_call()
    correspondent = make_correspondent()
    page.set_viewport_size(PHONE)
    login(page, live_server.url, correspondent.username)
    page.goto(live_server.url + "/submit/")
    Session.objects.all().delete()  # the session expires while the form is open

    page.fill("#id_title", "登录过期时写的标题")
    page.fill("#id_body", "这一段写于登录过期之后，不能丢。")

    status = page.locator("#autosave-status")
    expect(status).to_contain_text("登录已过期", timeout=15_000)
    screenshot(page, "portal-autosave-expired-phone.png", full_page=False)
    assert not Article.objects.exists()
    status.get_by_role("link", name="重新登录").click()
    page.fill("#id_username", correspondent.username)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="登录").click()

    expect(page.locator("#id_body")).to_have_value("这一段写于登录过期之后，不能丢。")
    assert page.input_value("#id_title") == "登录过期时写的标题"
    expect(page.locator("#autosave-status")).to_have_text(SAVED, timeout=15_000)
    screenshot(page, "portal-autosave-restored-phone.png", full_page=False)
    piece = Article.objects.get()
    assert piece.body == "这一段写于登录过期之后，不能丢。" and piece.status == Status.DRAFT
