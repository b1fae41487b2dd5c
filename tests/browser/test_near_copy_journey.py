"""The same story twice, in Chromium: a correspondent submits a near copy of a published piece
and is warned before it goes in; after confirming, the editor finds the flag in the queue and
reads the two pieces side by side with the shared passages marked."""

import re

import pytest
from playwright.sync_api import expect

from articles.models import Article, Status
from tests.browser.a11y import check_accessibility
from tests.browser.test_journey import expect_message, login
from tests.factories import make_article, make_correspondent, make_editor, make_issue, make_zone
from tests.portal_tests.helpers import make_call
from tests.search_tests.near_copy_texts import ZONE_A_BODY, ZONE_A_TITLE, ZONE_B_BODY, ZONE_B_TITLE

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_near_copy_is_warned_of_then_seen_side_by_side(live_server, page, other_page, screenshot):
    make_call()
    printed = make_article(
        title=ZONE_A_TITLE,
        body=ZONE_A_BODY,
        zone=make_zone(official_name="朔州经济开发区", short_name="朔州经开区"),
        issue=make_issue(),
    )
    yuncheng = make_zone(official_name="运城经济技术开发区", short_name="运城经开区")
    make_correspondent("wangbo", zone=yuncheng, name="王波")
    make_editor("bianji")
    base = live_server.url
    correspondent = page

    # 1. The correspondent writes up the release and presses 投稿: it waits, with the warning.
    login(correspondent, base, "wangbo")
    correspondent.goto(base + "/submit/")
    correspondent.fill("#id_title", ZONE_B_TITLE)
    correspondent.fill("#id_body", ZONE_B_BODY)
    correspondent.locator('button[name="submit"]').click()

    expect(correspondent).to_have_url(re.compile(r"/my/\d+/edit/$"))
    expect_message(correspondent, "已有一篇非常相似的稿件，本稿暂未投出")
    warning = correspondent.locator("#similar-warning")
    expect(warning).to_contain_text("已有一篇非常相似的稿件")
    expect(warning.get_by_role("link", name=f"《{ZONE_A_TITLE}》")).to_have_attribute(
        "href", printed.get_absolute_url()
    )
    expect(warning).to_contain_text(re.compile(r"相似度 \d+%"))
    screenshot(correspondent, "near-copy-1-warning.png")
    check_accessibility(correspondent)
    piece = Article.objects.get(title=ZONE_B_TITLE)
    assert piece.status == Status.DRAFT

    # 2. Theirs is a different write-up for their own zone: they confirm and submit.
    warning.get_by_label("我已核对：本稿不是重复投稿，仍要投出").check()
    correspondent.locator('button[name="submit"]').click()
    expect(correspondent).to_have_url(f"{base}/my/{piece.pk}/")
    expect_message(correspondent, "稿件已投出")

    # 3. The editor sees the flag in the queue and opens the pair side by side.
    editor = other_page()
    login(editor, base, "bianji")
    editor.goto(base + "/admin/articles/article/")
    flag = editor.locator("a.near-copy-flag")
    expect(flag).to_have_count(1)
    expect(flag).to_have_attribute("title", ZONE_A_TITLE)
    expect(flag).to_have_text(re.compile(rf"与《{ZONE_A_TITLE[:11]}…》相似 \d+%"))
    screenshot(editor, "near-copy-2-queue.png")
    flag.click()

    expect(editor).to_have_url(f"{base}/admin/articles/article/{piece.pk}/near-copy/{printed.pk}/")
    sides = editor.locator(".near-copy-side")
    expect(sides).to_have_count(2)
    shared = "会议要求，各开发区要深化"
    for side in (sides.nth(0), sides.nth(1)):
        expect(side.locator("mark").filter(has_text=shared)).to_have_count(1)
    expect(sides.nth(0)).to_contain_text("运城分会场组织收看")
    expect(sides.nth(1)).to_contain_text("朔州分会场参加会议")
    editor.set_viewport_size({"width": 1500, "height": 1000})
    screenshot(editor, "near-copy-3-side-by-side.png")

    # 4. The piece's page names the other piece too.
    editor.get_by_role("link", name="返回稿件").click()
    box = editor.locator("#near-copies")
    expect(box).to_contain_text(ZONE_A_TITLE)
    expect(box.get_by_role("link", name="并排对照")).to_be_visible()
    screenshot(editor, "near-copy-4-piece-page.png", full_page=False)
