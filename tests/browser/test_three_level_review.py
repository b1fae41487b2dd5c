"""三审制 in Chromium: three editors (初审, 复审, 总编辑) pass one piece with a 退修 between; the
复审 editor reads the character-level comparison of the revision; the 总编辑 assembles the issue
on one screen, signs it off and publishes it after a confirmation; a correction follows.

The clicks from 终审通过 to the issue being public are counted: the desk before this work
needed about 14 (accept, open the issue list, open the issue, type placement, save, publish
in a separate form, and back and forth between the piece and the issue).
"""

import pytest
from playwright.sync_api import Page, expect

from articles.models import Article, ArticleTransition, Status
from editorial.roles import Role
from editorial.workflow import article_transition
from tests.browser.test_journey import (
    article_change_url,
    expect_message,
    expect_status,
    login,
    make_move,
    realistic_body,
)
from tests.factories import (
    make_article,
    make_correspondent,
    make_editor,
    make_issue,
    make_theme,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "晋中开发区新能源装备产业园首批项目投产"
NOTE = "请补充项目投产后的年产值。"
ADDED = "据测算，首批项目全部达产后年产值可达36亿元。"
NOTICE = "本文末段“36亿元”应为“38亿元”。"
# Fewer than half of the ~14 clicks the desk needed before (module docstring).
MOST_CLICKS_FROM_ACCEPT_TO_PUBLISH = 6


class Clicks:
    """Counts the clicks an editor makes, so the closing note can say how many it took."""

    def __init__(self):
        self.count = 0

    def click(self, locator):
        self.count += 1
        locator.click()


def review_record(page: Page):
    return page.locator("#review-record")


def test_three_editors_pass_a_piece_then_the_chief_signs_off_publishes_and_corrects(
    page, other_page, live_server, screenshot, settings
):
    settings.KFQ_REVIEW_LEVELS = 3
    author = make_correspondent("lihua", name="李华")
    make_editor("chushen", levels=[Role.FIRST_REVIEWER])
    make_editor("fushen", levels=[Role.SECOND_REVIEWER])
    make_editor("zongbian", levels=[Role.CHIEF_EDITOR])
    make_issue(pages=2)  # the next issue, still open
    theme = make_theme(name="项目建设")
    piece = make_article(
        status=Status.DRAFT,
        call=theme.call,
        theme=theme,
        title=TITLE,
        body=realistic_body(800),
        authors=[author.contributor],
        zone=author.contributor.zone,
        issue=None,
    )
    article_transition(article=piece, to=Status.SUBMITTED, by=author)
    base = live_server.url

    # 初审: the responsible editor opens the piece and passes it.
    first = page
    login(first, base, "chushen")
    first.goto(article_change_url(base, piece.pk))
    make_move(first, "开始审阅")
    make_move(first, "初审通过")
    expect_message(first, "已改为“初审通过”")
    expect(review_record(first)).to_contain_text("待复审")
    screenshot(first, "levels-1-first-passed.png")

    # 复审: the head of department finds it on the desk and sends it back.
    second = other_page()
    login(second, base, "fushen")
    second.goto(base + "/admin/")
    mine = second.locator("#desk-stages li.mine")
    expect(mine).to_contain_text("初审通过")
    expect(mine).to_contain_text("1")
    second.goto(article_change_url(base, piece.pk))
    make_move(second, "退修", note=NOTE)
    expect_message(second, "已改为“退修”")

    # The correspondent revises and resubmits.
    correspondent = other_page()
    login(correspondent, base, "lihua")
    correspondent.goto(f"{base}/my/{piece.pk}/edit/")
    revised = correspondent.input_value("#id_body").rstrip() + "\n\n" + ADDED
    correspondent.fill("#id_body", revised)
    correspondent.locator('button[name="submit"]').click()
    expect_status(correspondent, "已投稿")

    # 初审 again (the same level, a new round), then 复审 reads what changed and passes it.
    first.goto(article_change_url(base, piece.pk))
    make_move(first, "开始审阅")
    make_move(first, "初审通过")
    expect_message(first, "已改为“初审通过”")
    second.goto(article_change_url(base, piece.pk))
    second.get_by_role("link", name="修改留痕").first.click()
    added = second.locator(".text-diff ins")
    expect(added.first).to_be_visible()
    expect(second.locator(".text-diff").last).to_contain_text(ADDED)
    assert ADDED in "".join(added.all_inner_texts())
    screenshot(second, "levels-2-revision-diff.png")
    second.goto(article_change_url(base, piece.pk))
    make_move(second, "复审通过")
    expect_message(second, "已改为“复审通过”")

    # The 复审 editor cannot also pass 终审 (they hold no 总编辑 role: no button).
    expect(second.locator('#workflow-moves input[value="终审通过"]')).to_have_count(0)

    # 终审 by the chief editor, then the issue on one screen, counting the clicks.
    chief = other_page()
    login(chief, base, "zongbian")
    chief.goto(article_change_url(base, piece.pk))
    make_move(chief, "终审通过")
    expect_message(chief, "已改为“已录用”")
    expect(review_record(chief)).to_contain_text("chushen")
    expect(review_record(chief)).to_contain_text("fushen")
    expect(review_record(chief)).to_contain_text("zongbian")
    screenshot(chief, "levels-3-accepted.png")

    clicks = Clicks()
    clicks.click(chief.locator(".breadcrumbs a").first)  # 首页: the desk
    clicks.click(chief.locator("#desk-issue a").first)  # the next issue
    pool = chief.locator("form.pool-piece").filter(has_text=TITLE)
    clicks.click(pool.get_by_role("button", name="排入本期"))
    expect_message(chief, "已排入第1版第1条")
    clicks.click(chief.locator('input[type="submit"][value="签发"]'))
    expect_message(chief, "已签发")
    expect(chief.locator("p.sign-off")).not_to_contain_text("尚未签发")
    screenshot(chief, "levels-4-signed-off.png")
    clicks.click(chief.get_by_role("button", name="发布本期"))
    expect(chief.locator("table.publish-list")).to_contain_text(TITLE)
    assert Article.objects.get(pk=piece.pk).status == Status.SCHEDULED  # nothing public yet
    screenshot(chief, "levels-5-confirm.png")
    clicks.click(chief.get_by_role("button", name="确认发布"))
    expect_message(chief, "已发布")
    print(f"clicks from 终审通过 to the issue being public: {clicks.count}")
    assert clicks.count <= MOST_CLICKS_FROM_ACCEPT_TO_PUBLISH

    # A correction on the published piece, seen by readers.
    chief.goto(article_change_url(base, piece.pk))
    chief.get_by_role("link", name="发布更正").click()
    chief.get_by_label("更正说明").fill(NOTICE)
    body = chief.get_by_label("正文")
    body.fill(body.input_value().replace("36亿元", "38亿元"))
    chief.get_by_role("button", name="预览更正").click()
    expect(chief.locator(".correction-notice")).to_have_text(NOTICE)
    chief.get_by_role("button", name="确认发布更正").click()
    expect_message(chief, "更正已发布")
    reader = other_page()
    reader.goto(base + piece.get_absolute_url())
    expect(reader.locator(".story-corrections")).to_contain_text(NOTICE)
    expect(reader.locator(".story-body")).to_contain_text("38亿元")
    screenshot(reader, "levels-6-correction.png")

    passes = ArticleTransition.objects.filter(
        article=piece, to_status__in=[Status.SECOND_PASSED, Status.ACCEPTED]
    ).values_list("to_status", "by__username")
    assert list(passes) == [(Status.SECOND_PASSED, "fushen"), (Status.ACCEPTED, "zongbian")]
