"""The 复审 editor's admin home with three review levels: what waits for them first, the pieces
waiting too long, the next issue's fill; then a rejection asked for confirmation."""

import datetime

import pytest
from django.test import override_settings
from django.utils import timezone
from playwright.sync_api import expect

from articles.models import Article, Status
from editorial.roles import Role
from tests.browser.test_journey import login
from tests.factories import make_article, make_editor, make_issue

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def waiting(days, **fields):
    piece = make_article(**fields)
    moved = timezone.now() - datetime.timedelta(days=days)
    Article.objects.filter(pk=piece.pk).update(status_changed_at=moved)
    return piece


@override_settings(KFQ_REVIEW_LEVELS=3, KFQ_WAITING_DAYS=3, KFQ_PAGE_CHARACTERS=1000)
def test_the_desk_and_a_confirmed_rejection(page, live_server, screenshot):
    make_editor("fushen", levels=[Role.SECOND_REVIEWER])
    issue = make_issue(date=datetime.date(2026, 12, 1), pages=2)
    make_article(status=Status.SCHEDULED, issue=issue, body="开发区建设" * 150)
    waiting(1, status=Status.SUBMITTED, title="昨天投来的稿件")
    waiting(4, status=Status.IN_REVIEW, title="审阅了四天的稿件", manuscript_number="KFQ-2026-0011")
    late = waiting(
        8, status=Status.FIRST_PASSED, title="初审通过后等了八天", manuscript_number="KFQ-2026-0009"
    )
    waiting(2, status=Status.REVISION, title="通讯员正在修改")
    login(page, live_server.url, "fushen")

    page.goto(live_server.url + "/admin/")

    stages = page.locator("#desk-stages li")
    expect(stages.first).to_contain_text("初审通过 1 篇")
    expect(stages.first).to_contain_text("待你处理")
    expect(page.locator("#desk-overdue tr.red")).to_contain_text("已等待 8 天，严重超时")
    expect(page.locator("#desk-overdue tr.amber")).to_contain_text("已等待 4 天")
    expect(page.locator("#desk-issue")).to_contain_text("已排 1 篇，共 750 字 / 容量 2000 字")
    expect(page.locator("#desk-issue")).to_contain_text("尚未签发")
    screenshot(page, "desk-1-admin-home.png")

    page.locator("#desk-overdue").get_by_role("link", name=late.title).click()
    page.get_by_label("给通讯员的意见（必填）").last.fill("选题与本期重点不符。")
    page.get_by_role("button", name="不予采用").click()
    expect(page.locator("#move-confirmation")).to_contain_text("选题与本期重点不符。")
    screenshot(page, "desk-2-reject-confirmation.png")
    page.get_by_role("link", name="取消，返回稿件").click()
    late.refresh_from_db()
    assert late.status == Status.FIRST_PASSED

    page.get_by_label("给通讯员的意见（必填）").last.fill("选题与本期重点不符。")
    page.get_by_role("button", name="不予采用").click()
    page.get_by_role("button", name="确认不予采用").click()
    expect(page.locator("ul.messagelist")).to_contain_text("已改为“不予采用”")
    late.refresh_from_db()
    assert late.status == Status.REJECTED
