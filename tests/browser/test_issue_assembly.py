"""The issue's assembly screen in Chromium: preview a waiting piece, schedule it, reorder with
the keyboard, and publish after the confirmation, which shows the order typed."""

import pytest
from playwright.sync_api import expect

from articles.models import Article, Status
from tests.browser.test_journey import login
from tests.editorial_tests.admin_pieces import accepted_piece, scheduled_piece
from tests.factories import make_editor, make_issue

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_assemble_reorder_with_the_keyboard_and_publish_after_confirmation(
    page, live_server, screenshot
):
    editor = make_editor("desk")
    issue = make_issue(pages=2)
    for position, title in enumerate(["开发区一季度经济运行平稳", "园区新开工项目十二个"], 1):
        piece = scheduled_piece(editor, issue)
        Article.objects.filter(pk=piece.pk).update(title=title, page=1, position=position)
    waiting = accepted_piece(editor)
    login(page, live_server.url, editor.username)
    page.goto(f"{live_server.url}/admin/articles/article/{waiting.pk}/preview/")
    expect(page.get_by_role("status")).to_contain_text("预览，未发布")
    screenshot(page, "assembly-0-preview.png")
    page.goto(f"{live_server.url}/admin/articles/issue/{issue.pk}/change/")

    pool = page.locator("form.pool-piece").filter(has_text=waiting.title)
    pool.locator('input[name="page"]').fill("2")
    pool.get_by_role("button", name="排入本期").click()
    expect(page.locator("ul.messagelist")).to_contain_text("已排入第2版第1条")
    expect(page.locator("tbody.assembly-page")).to_have_count(2)
    screenshot(page, "assembly-1-scheduled.png")

    first = page.locator("tr.assembly-row").filter(has_text="开发区一季度经济运行平稳")
    first.locator('input[name$="-position"]').focus()
    page.keyboard.press("Tab")
    expect(first.get_by_role("button", name="上移：开发区一季度经济运行平稳")).to_be_focused()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")

    expect(first.locator('input[name$="-position"]')).to_have_value("2")
    moved = first.get_by_role("button", name="下移：开发区一季度经济运行平稳")
    expect(moved).to_be_focused()
    rows = page.locator("tbody.assembly-page").first.locator("tr.assembly-row")
    expect(rows.first).to_contain_text("园区新开工项目十二个")
    expect(rows.first.locator('input[name$="-position"]')).to_have_value("1")
    screenshot(page, "assembly-2-reordered.png")

    page.get_by_role("button", name="发布本期").click()
    listed = page.locator("table.publish-list tbody tr")
    expect(listed).to_have_count(3)
    expect(listed.nth(0)).to_contain_text("园区新开工项目十二个")
    expect(listed.nth(1)).to_contain_text("开发区一季度经济运行平稳")
    assert not Article.objects.filter(status=Status.PUBLISHED).exists()
    screenshot(page, "assembly-3-confirm.png")
    page.get_by_role("button", name="确认发布").click()

    expect(page.locator("ul.messagelist")).to_contain_text("已发布，3 篇稿件公开")
    screenshot(page, "assembly-4-published.png")
    assert Article.objects.filter(status=Status.PUBLISHED).count() == 3
