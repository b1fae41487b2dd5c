"""A superuser adds a 复审 editor on the 新增编辑 page; the user list shows the level; on a piece
passed at 初审 the 审稿记录 names who passed it and what still waits."""

import pytest
from django.test import override_settings
from playwright.sync_api import expect

from articles.models import Status
from editorial.roles import Role
from editorial.workflow import article_transition
from tests.browser.test_journey import login
from tests.factories import make_article, make_editor, make_user

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@override_settings(KFQ_REVIEW_LEVELS=3)
def test_add_a_second_level_editor_and_read_a_review_record(page, live_server, screenshot):
    make_user("root", superuser=True)
    first = make_editor("chushen", levels=[Role.FIRST_REVIEWER])
    first.first_name = "张初审"
    first.save()
    piece = make_article(status=Status.IN_REVIEW, title="开发区项目建设提速")
    article_transition(article=piece, to=Status.FIRST_PASSED, by=first)
    base = live_server.url
    login(page, base, "root")

    page.goto(base + "/admin/auth/user/")
    page.get_by_role("link", name="新增编辑").click()
    page.get_by_label("用户名").fill("fushen")
    page.get_by_label("姓名").fill("李主任")
    page.get_by_label("电子邮箱").fill("fushen@example.cn")
    page.get_by_label("复审（编辑部主任）").check()
    screenshot(page, "levels-1-add-editor.png")
    page.get_by_role("button", name="创建").click()

    expect(page.locator("ul.messagelist")).to_contain_text("已创建编辑 李主任")
    row = page.locator("#result_list tr", has_text="fushen")
    expect(row.locator("td.field-review_levels")).to_have_text("复审")
    screenshot(page, "levels-2-user-list.png")

    page.goto(f"{base}/admin/articles/article/{piece.pk}/change/")
    record = page.locator("#review-record")
    expect(record).to_contain_text("张初审")
    expect(record).to_contain_text("待复审")
    expect(record).to_contain_text("待终审")
    screenshot(page, "levels-3-review-record.png", full_page=False)
