"""A correspondent's whole piece on a 390×844 phone, in Chromium, with axe on every page.

A Word document with a picture fills the submission form; the draft saves itself and is there
when the page is opened again; it is submitted, withdrawn with a reason, reopened and submitted
again; the editors accept, schedule and publish it (workflow calls: their pages are not the
phone's); the correspondent prints the 用稿证明 and verifies its number on the public page.
Every page the correspondent sees is checked by axe-core (WCAG 2 A/AA) and must not scroll
sideways; a screenshot is taken at each step.
"""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from articles.models import Article, Status
from editorial import workflow
from tests.browser.a11y import axe_violations, check_accessibility
from tests.browser.test_journey import login
from tests.factories import make_correspondent, make_editor, make_issue
from tests.portal_tests.helpers import make_call
from tests.word_documents import PICTURE, word_document

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PHONE = {"width": 390, "height": 844}
SAVED = re.compile(r"已自动保存 \d\d:\d\d")
MANUSCRIPT = re.compile(r"KFQ-\d{4}-\d{4}")
TITLE = "介休经开区8个重点项目集中开工"
FIRST = "本刊讯 10月下旬，介休经济技术开发区8个重点项目集中开工，总投资42.6亿元。"
BODY = FIRST + "项目建设加速推进" * 120 + "。"
ADDED = "据介绍，首批项目预计2027年6月全部建成投产。"
ADDED_ON_THE_WAY_OUT = "开发区将强化要素保障。"

# Records the print dialog instead of opening it (a headless browser has none to show).
RECORD_PRINT = "window.__printed = 0; window.print = () => { window.__printed += 1; };"


def check_page(page, screenshot, name):
    """axe finds nothing, the page fits the phone's width, and a screenshot is saved."""
    screenshot(page, f"phone-journey-{name}.png")
    check_accessibility(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], name


def test_a_piece_from_word_document_to_verified_proof_on_a_phone(browser, live_server, screenshot):
    make_call()
    correspondent = make_correspondent(name="麻洁琼")
    editor = make_editor()
    context = browser.new_context(viewport=PHONE, locale="zh-CN", has_touch=True, is_mobile=True)
    context.add_init_script(RECORD_PRINT)
    page = context.new_page()
    page.set_default_timeout(15_000)
    base = live_server.url
    try:
        page.goto(base + "/accounts/login/")
        check_page(page, screenshot, "01-login")
        login(page, base, correspondent.username)

        # A Word document with a picture fills the form.
        page.goto(base + "/submit/")
        check_page(page, screenshot, "02-submit-empty")
        document = word_document(TITLE, BODY, PICTURE, "开工仪式现场。介休经开区供图")
        page.set_input_files(
            "#id_word_file", files=[{"name": "稿件.docx", "mimeType": DOCX, "buffer": document}]
        )
        page.get_by_role("button", name="读取文档").click()
        expect(page.locator(".messages")).to_contain_text("已从 Word 文档填入")
        assert page.input_value("#id_title") == TITLE
        assert page.input_value("#id_body") == BODY
        assert page.input_value("#id_photo_caption") == "开工仪式现场。"
        expect(page.get_by_alt_text("已上传的配图")).to_be_visible()
        check_page(page, screenshot, "03-submit-filled-from-word")

        # The photo is kept with the form's button; the text then saves itself while written.
        page.get_by_role("button", name="保存草稿").click()
        expect(page.locator(".messages")).to_contain_text("稿件已保存为草稿")
        piece = Article.objects.get()
        page.get_by_role("link", name="继续编辑").click()
        page.fill("#id_body", BODY + ADDED)
        expect(page.locator("#autosave-status")).to_have_text(SAVED, timeout=15_000)
        check_page(page, screenshot, "04-revise-autosaved")
        page.fill("#id_body", BODY + ADDED + ADDED_ON_THE_WAY_OUT)
        page.goto(base + "/my/")  # left before the next timed save: saved on the way out
        check_page(page, screenshot, "05-my-with-draft")
        page.get_by_role("link", name=TITLE).click()
        page.get_by_role("link", name="继续编辑").click()
        expect(page.locator("#id_body")).to_have_value(BODY + ADDED + ADDED_ON_THE_WAY_OUT)
        expect(page.get_by_alt_text("开工仪式现场。")).to_be_visible()
        page.get_by_role("button", name="投稿", exact=True).click()
        expect(page.locator(".messages")).to_contain_text("稿件已投出")
        expect(page.locator(".meta")).to_contain_text(MANUSCRIPT)
        check_page(page, screenshot, "06-submitted")
        number = MANUSCRIPT.search(page.locator(".meta").inner_text()).group()

        # Withdrawn with a reason, reopened as a draft, submitted again.
        page.get_by_role("link", name="撤回稿件…").click()
        page.get_by_label("撤回原因").fill("投资额需要再核实。")
        check_page(page, screenshot, "07-withdraw-confirm")
        page.get_by_role("button", name="确认撤回").click()
        expect(page.locator(".messages")).to_contain_text("稿件已撤回")
        expect(page.locator(".history")).to_contain_text("投资额需要再核实。")
        check_page(page, screenshot, "08-withdrawn")
        page.get_by_role("button", name="重新打开为草稿").click()
        expect(page.locator(".messages")).to_contain_text("稿件已重新打开为草稿")
        expect(page.locator("h1")).to_contain_text(number)
        check_page(page, screenshot, "09-reopened")
        page.get_by_role("button", name="投稿", exact=True).click()
        expect(page.locator(".messages")).to_contain_text("稿件已投出")
        expect(page.locator(".meta")).to_contain_text(number)

        # The editors accept it, schedule it on page 1 of an issue and publish the issue.
        issue = make_issue(number=48, date=timezone.localdate())
        for to in (Status.IN_REVIEW, Status.ACCEPTED):
            workflow.article_transition(article=piece, to=to, by=editor)
        workflow.article_transition(article=piece, to=Status.SCHEDULED, by=editor, issue=issue)
        # Page and position are plain fields that editors set in the issue's admin page.
        Article.objects.filter(pk=piece.pk).update(page=1, position=1)
        assert workflow.publish_issue(issue=issue, by=editor) == 1

        page.reload()
        expect(page.locator(".meta")).to_contain_text("已刊发")
        check_page(page, screenshot, "10-published")
        page.goto(base + "/my/")
        expect(page.locator(".used-count")).to_contain_text("已刊用 1 篇")
        check_page(page, screenshot, "11-my-used-this-year")
        page.get_by_role("link", name=f"打印{issue.date.year}年刊用稿件清单").click()
        expect(page.locator("main")).to_contain_text(TITLE)
        check_page(page, screenshot, "12-published-list")
        page.go_back()

        # The proof prints, and its number verifies on the public page.
        page.get_by_role("link", name=TITLE).click()
        page.get_by_role("link", name="打印用稿证明").click()
        expect(page.locator("h1")).to_have_text("用稿证明")
        expect(page.locator(".statement").first).to_contain_text(f"《{TITLE}》")
        check_page(page, screenshot, "13-proof")
        page.get_by_role("button", name="打印用稿证明").click()
        assert page.evaluate("window.__printed") == 1
        proof_number = page.locator(".facts dd.mono").first.inner_text().strip()
        assert proof_number.startswith(f"KFQ-{issue.date.year}-YG-")

        page.goto(base + "/certificates/")
        check_page(page, screenshot, "14-certificate-lookup")
        page.get_by_label("编号").fill(proof_number)
        page.get_by_role("button", name="核验").click()
        expect(page.locator("main")).to_contain_text("此用稿证明真实有效")
        expect(page.locator("main")).to_contain_text(TITLE)
        check_page(page, screenshot, "15-certificate-verified")
    finally:
        context.close()


def test_axe_reports_a_violation_on_a_page_under_the_sites_policy(page, live_server):
    # The checker itself: on a real page of the site (its CSP in force), an image without a
    # text alternative is reported, so a run that finds nothing has looked.
    page.goto(live_server.url + "/accounts/login/")
    page.evaluate(
        "() => document.querySelector('main').append(Object.assign("
        "document.createElement('img'), {src: '/static/favicon.ico'}))"
    )

    violations = axe_violations(page)

    assert [violation["id"] for violation in violations] == ["image-alt"]
