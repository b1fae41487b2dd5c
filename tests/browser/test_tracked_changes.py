"""An editor changes a submitted piece, reads the character-level comparison of its versions,
and, once it is published, adds a correction that readers then see above the text."""

import datetime

import pytest
from playwright.sync_api import expect

from articles.models import Article, Status, VersionKind
from editorial.workflow import article_transition
from tests.browser.test_journey import article_change_url, expect_message, login
from tests.factories import make_article, make_correspondent, make_editor, make_issue

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

BODY = "初冬时节，太原经济开发区8个重点项目集中开工，总投资2亿元。\n\n项目预计明年建成投产。"
EDITED = "初冬时节，太原经济开发区8个重点项目集中开工，总投资12亿元。\n\n项目预计明年全部建成投产。"
CORRECTED = EDITED.replace("12亿元", "21亿元")
NOTICE = "本文第一段“12亿元”应为“21亿元”。"


def test_an_editor_compares_versions_and_corrects_a_published_piece(page, live_server, screenshot):
    author = make_correspondent(name="麻洁琼")
    editor = make_editor("bianji")
    piece = make_article(
        status=Status.DRAFT, authors=[author.contributor], title="太原经开区重点项目开工", body=BODY
    )
    article_transition(article=piece, to=Status.SUBMITTED, by=author)
    base = live_server.url
    login(page, base, editor.username)

    # The editor edits the text in the admin, then reads the comparison.
    page.goto(article_change_url(base, piece.pk))
    page.locator("#id_body").fill(EDITED)
    page.locator('input[name="_continue"]').click()
    expect_message(page, "成功修改")
    page.get_by_role("link", name="修改留痕").first.click()
    expect(page.locator(".text-diff ins").first).to_be_visible()
    expect(page.locator("#version-list")).to_contain_text("编辑修改")
    screenshot(page, "versions-compare.png")

    # Published, the text is no longer editable in the form; a correction changes it.
    Article.objects.filter(pk=piece.pk).update(
        status=Status.PUBLISHED,
        issue=make_issue(date=datetime.date(2026, 11, 24)),
        page=1,
        position=1,
    )
    page.goto(article_change_url(base, piece.pk))
    expect(page.locator("#id_body")).to_have_count(0)
    page.get_by_role("link", name="发布更正").click()
    page.get_by_label("更正说明").fill(NOTICE)
    page.get_by_label("正文").fill(CORRECTED)
    page.get_by_role("button", name="预览更正").click()
    expect(page.locator(".correction-notice")).to_have_text(NOTICE)
    expect(page.locator(".text-diff del")).to_have_count(1)  # "12" → "21": one out, one in
    screenshot(page, "correction-confirm.png")
    page.get_by_role("button", name="确认发布更正").click()
    expect_message(page, "更正已发布")

    reader = page.context.browser.new_context(viewport={"width": 1280, "height": 900})
    public = reader.new_page()
    public.goto(base + piece.get_absolute_url())
    expect(public.locator(".story-corrections")).to_contain_text(NOTICE)
    expect(public.locator(".story-body")).to_contain_text("21亿元")
    screenshot(public, "correction-reader.png")
    reader.close()

    page.goto(base + f"/admin/articles/article/{piece.pk}/versions/")
    expect(page.locator("#printed-comparison")).to_contain_text("改动率")
    screenshot(page, "versions-published.png")
    assert list(piece.versions.values_list("kind", flat=True)) == [
        VersionKind.SUBMITTED,
        VersionKind.EDITOR_EDIT,
        VersionKind.CORRECTION,
    ]
