"""A correspondent always knows where a piece stands: a timeline of what happened, one sentence
on what comes next and who acts, and on /my/ the dates, newest change first, and the count of
pieces used this year."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Status
from editorial.workflow import article_transition, publish_issue
from tests.factories import make_article, make_editor, make_issue
from tests.portal_tests.helpers import form_data, make_call

pytestmark = pytest.mark.django_db

NOTE = "请补充项目投资额的来源。"


def page_of(client, piece) -> str:
    return client.get(reverse("portal:my_submission", args=[piece.pk])).content.decode()


def test_the_whole_way_to_publication_is_on_the_pieces_page(client, author):
    call = make_call()
    client.post(
        reverse("portal:submit"), {**form_data(call, author.contributor.zone), "submit": "1"}
    )
    piece = Article.objects.get()
    editor = make_editor()
    issue = make_issue(number=12)
    sentences = {"submitted": page_of(client, piece)}
    article_transition(article=piece, to=Status.IN_REVIEW, by=editor)
    article_transition(article=piece, to=Status.REVISION, by=editor, note=NOTE)
    sentences["revision"] = page_of(client, piece)
    article_transition(article=piece, to=Status.SUBMITTED, by=author)
    article_transition(article=piece, to=Status.IN_REVIEW, by=editor)
    article_transition(article=piece, to=Status.ACCEPTED, by=editor)
    article_transition(article=piece, to=Status.SCHEDULED, by=editor, issue=issue)
    Article.objects.filter(pk=piece.pk).update(page=2, position=1)
    piece.refresh_from_db()
    sentences["scheduled"] = page_of(client, piece)
    publish_issue(issue=issue, by=editor)
    piece.refresh_from_db()

    html = page_of(client, piece)

    steps = [
        "投稿",
        "开始审阅",
        "退修",
        NOTE,
        "修改后重新投稿",
        "录用",
        f"排入{issue}第2版",
        f"刊发于{issue}第2版",
    ]
    positions = [html.index(step) for step in steps]
    assert positions == sorted(positions)
    assert f'<a href="{piece.get_absolute_url()}">查看刊出的稿件</a>' in html
    assert "下一步：</strong>稿件已刊发。" in html
    assert (
        "等待编辑部审阅" in sentences["submitted"] and "（由编辑部处理）" in sentences["submitted"]
    )
    assert "请按编辑部的退修意见修改" in sentences["revision"]
    assert "（由你处理）" in sentences["revision"]
    assert f"排入{issue}第2版" in sentences["scheduled"]
    assert f"已排入{issue}第2版，这一期发布后稿件即公开刊出。" in sentences["scheduled"]


@pytest.mark.parametrize(
    ("status", "says", "who"),
    [
        (Status.DRAFT, "写好后点“投稿”", "你"),
        (Status.IN_REVIEW, "编辑正在审阅", "编辑部"),
        (Status.ACCEPTED, "等待编辑部排入一期", "编辑部"),
        (Status.REJECTED, "不予采用", None),
        (Status.WITHDRAWN, "重新打开为草稿", "你"),
    ],
)
def test_each_state_says_what_comes_next_and_who_acts(client, author, status, says, who):
    piece = make_article(status=status, authors=[author.contributor])

    html = page_of(client, piece)

    assert says in html
    assert (f"（由{who}处理）" in html) if who else ("（由" not in html)


@pytest.mark.parametrize(
    ("levels", "status", "says"),
    [
        (3, Status.FIRST_PASSED, "已通过初审，等待复审。终审通过即录用，届时会通知你。"),
        (3, Status.SECOND_PASSED, "已通过复审，等待终审。终审通过即录用，届时会通知你。"),
        (2, Status.FIRST_PASSED, "已通过初审，等待终审。"),
        # The office went back to one level while the piece stood there.
        (1, Status.FIRST_PASSED, "已通过初审，等待编辑部决定是否录用，结果会通知你。"),
    ],
)
def test_a_passed_level_says_which_level_comes_next(client, author, settings, levels, status, says):
    settings.KFQ_REVIEW_LEVELS = levels
    piece = make_article(status=status, authors=[author.contributor])

    html = page_of(client, piece)

    assert says in html and "（由编辑部处理）" in html


def test_my_pieces_show_dates_newest_change_first_and_this_years_count(client, author):
    now = timezone.now()
    old = make_article(status=Status.DRAFT, authors=[author.contributor], title="很早的草稿")
    recent = make_article(status=Status.SUBMITTED, authors=[author.contributor], title="刚投的稿")
    month_ago, earlier = now - datetime.timedelta(days=30), now - datetime.timedelta(days=40)
    Article.objects.filter(pk=old.pk).update(created_at=month_ago, updated_at=month_ago)
    # Its text last saved long ago; its status changed an hour ago.
    Article.objects.filter(pk=recent.pk).update(
        created_at=earlier,
        updated_at=earlier,
        status_changed_at=now - datetime.timedelta(hours=1),
        submitted_at=now - datetime.timedelta(hours=1),
    )
    this_year = make_issue(date=timezone.localdate().replace(month=1, day=6))
    last_year = make_issue(date=timezone.localdate().replace(year=timezone.localdate().year - 1))
    for issue in (this_year, this_year, last_year):
        make_article(status=Status.PUBLISHED, authors=[author.contributor], issue=issue)
    long_ago = now - datetime.timedelta(days=90)
    Article.objects.filter(status=Status.PUBLISHED).update(created_at=long_ago, updated_at=long_ago)

    html = client.get(reverse("portal:my_submissions")).content.decode()

    assert html.index("刚投的稿") < html.index("很早的草稿")
    assert f"{timezone.localdate().year}年已刊用 <strong>2</strong> 篇" in html
    submitted = timezone.localtime(now - datetime.timedelta(hours=1))
    assert f"{submitted:%Y年%-m月%-d日}" in html and "最近变动" in html


def test_my_pieces_take_the_same_number_of_queries_for_many_pieces(
    client, author, django_assert_num_queries
):
    for _ in range(2):
        make_article(status=Status.SUBMITTED, authors=[author.contributor])
    # The page's six, and the editors' switch for the running score (awards.LivePoints).
    with django_assert_num_queries(7) as few:
        client.get(reverse("portal:my_submissions"))
    for _ in range(10):
        make_article(status=Status.SUBMITTED, authors=[author.contributor])

    with django_assert_num_queries(len(few.captured_queries)):
        client.get(reverse("portal:my_submissions"))


def test_a_piece_moved_out_of_an_issue_names_only_the_issue_it_stands_in(client, author):
    editor = make_editor()
    piece = make_article(status=Status.ACCEPTED, authors=[author.contributor])
    first, second = make_issue(number=11), make_issue(number=12)
    article_transition(article=piece, to=Status.SCHEDULED, by=editor, issue=first)
    article_transition(article=piece, to=Status.ACCEPTED, by=editor)
    article_transition(article=piece, to=Status.SCHEDULED, by=editor, issue=second)
    piece.refresh_from_db()

    html = page_of(client, piece)

    assert html.count(f"排入{second}") == 2  # the last step and the 下一步 sentence
    assert "排入一期" in html and "撤出该期" in html and f"排入{first}" not in html


def test_my_pieces_do_not_show_the_authors_own_withdrawal_reason_as_the_editors_note(
    client, author
):
    piece = make_article(status=Status.SUBMITTED, authors=[author.contributor])
    article_transition(article=piece, to=Status.WITHDRAWN, by=author, note="我自己的撤回原因")

    html = client.get(reverse("portal:my_submissions")).content.decode()

    assert "我自己的撤回原因" not in html
