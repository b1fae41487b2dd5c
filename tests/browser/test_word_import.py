"""On a phone, a correspondent reads a Word document into the submission form, checks the
fields (photo included) and submits."""

import pytest
from playwright.sync_api import expect

from articles.models import Article, Status
from tests.browser.test_journey import login
from tests.factories import make_correspondent
from tests.portal_tests.helpers import make_call
from tests.word_documents import PICTURE, word_document

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PHONE = {"width": 390, "height": 844}
TITLE = "介休经开区8个重点项目集中开工"
BODY = "本刊讯 10月下旬，介休经济技术开发区8个重点项目集中开工。" + "项目建设加速推进" * 120 + "。"


def test_a_word_document_fills_the_form_on_a_phone(page, live_server, screenshot):
    make_call()
    correspondent = make_correspondent(name="麻洁琼")
    page.set_viewport_size(PHONE)
    login(page, live_server.url, correspondent.username)
    page.goto(live_server.url + "/submit/")
    document = word_document(TITLE, BODY, PICTURE, "开工仪式现场。介休经开区供图")

    page.set_input_files(
        "#id_word_file", files=[{"name": "稿件.docx", "mimeType": DOCX, "buffer": document}]
    )
    page.get_by_role("button", name="读取文档").click()

    expect(page.locator(".messages")).to_contain_text("已从 Word 文档填入")
    assert page.input_value("#id_title") == TITLE
    assert page.input_value("#id_body") == BODY
    assert page.input_value("#id_photo_credit") == "介休经开区供图"
    expect(page.get_by_alt_text("已上传的配图")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(page, "portal-word-import-phone.png")
    assert not Article.objects.exists()

    page.get_by_role("button", name="投稿", exact=True).click()

    expect(page.locator(".messages")).to_contain_text("稿件已投出")
    piece = Article.objects.get()
    assert piece.status == Status.SUBMITTED and piece.title == TITLE
    assert piece.photos.get().caption == "开工仪式现场。"
