"""Review levels in the admin's pages and the mail: 新增编辑 and `add_editor --level`, the user
list's levels, the piece's 审稿记录, and who hears of a level's pass."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.urls import reverse

from articles.models import Status
from editorial.roles import Role, is_editor, review_roles_of
from editorial.workflow import article_transition
from tests.factories import make_article, make_correspondent, make_editor, make_user
from tests.mail import sent_mail

pytestmark = pytest.mark.django_db

User = get_user_model()


def run(*args):
    out = io.StringIO()
    call_command("add_editor", *args, stdout=out)
    return out.getvalue()


def test_the_command_gives_the_levels_asked_for():
    output = run("zhao", "--name", "赵编辑", "--email", "z@example.cn", "--level", "初审")
    run("qian", "--name", "钱主任", "--email", "q@example.cn", "--level", "复审", "--level", "终审")
    run("sun", "--name", "孙编辑", "--email", "s@example.cn")

    assert "审稿级别：初审" in output
    assert review_roles_of(User.objects.get(username="zhao")) == {Role.FIRST_REVIEWER}
    both = User.objects.get(username="qian")
    assert review_roles_of(both) == {Role.SECOND_REVIEWER, Role.CHIEF_EDITOR}
    plain = User.objects.get(username="sun")
    assert is_editor(plain) and review_roles_of(plain) == set()


def test_the_command_refuses_an_unknown_level_and_creates_nothing():
    with pytest.raises(CommandError, match="invalid choice"):
        run("zhou", "--name", "周编辑", "--email", "z@example.cn", "--level", "四审")

    assert not User.objects.filter(username="zhou").exists()


def test_the_add_editor_page_chooses_levels_and_the_user_list_shows_them(client):
    client.force_login(make_user("root", superuser=True))
    page = client.get(reverse("admin:auth_user_add_editor")).content.decode()

    response = client.post(
        reverse("admin:auth_user_add_editor"),
        {
            "username": "wu",
            "name": "吴主任",
            "email": "wu@example.cn",
            "levels": [Role.SECOND_REVIEWER.value, Role.CHIEF_EDITOR.value],
        },
        follow=True,
    )

    assert "初审（责任编辑）" in page and "终审（总编辑）" in page
    assert "已创建编辑 吴主任" in response.content.decode()
    wu = User.objects.get(username="wu")
    assert review_roles_of(wu) == {Role.SECOND_REVIEWER, Role.CHIEF_EDITOR}
    users = client.get(reverse("admin:auth_user_changelist")).content.decode()
    assert "审稿级别" in users and "复审、终审" in users
    assert "初审、复审、终审（系统管理员）" in users  # root: a superuser holds every level


# --- 审稿记录 on a piece's page ----------------------------------------------------------


def piece_page(client, piece) -> str:
    return client.get(reverse("admin:articles_article_change", args=[piece.pk])).content.decode()


def review_block(html: str) -> str:
    return html.split('id="review-record"')[1].split("</div>")[0]


@override_settings(KFQ_REVIEW_LEVELS=3)
def test_the_review_record_names_who_passed_each_level_and_what_waits(client):
    first = make_editor("chu", levels=[Role.FIRST_REVIEWER])
    first.first_name = "初审甲"
    first.save()
    second = make_editor("fu", levels=[Role.SECOND_REVIEWER])
    piece = make_article(status=Status.IN_REVIEW)
    article_transition(article=piece, to=Status.FIRST_PASSED, by=first)
    client.force_login(second)

    block = review_block(piece_page(client, piece))

    assert "审稿记录" in block
    assert "初审" in block and "初审甲" in block
    assert "待复审" in block and "待终审" in block

    article_transition(article=piece, to=Status.SECOND_PASSED, by=second)
    block = review_block(piece_page(client, piece))
    assert "fu" in block and "待复审" not in block and "待终审" in block


def test_with_one_level_the_page_has_no_review_record(client):
    client.force_login(make_editor())

    assert 'id="review-record"' not in piece_page(client, make_article(status=Status.IN_REVIEW))


# --- who hears of a level's pass -------------------------------------------------------


def reviewer(username, level):
    user = make_editor(username, levels=[level])
    user.email = f"{username}@example.cn"
    user.save()
    return user


@override_settings(KFQ_REVIEW_LEVELS=3)
def test_a_level_pass_tells_the_next_levels_editors_and_not_the_correspondent(
    django_capture_on_commit_callbacks,
):
    author = make_correspondent(email="author@example.cn")
    first = reviewer("chu", Role.FIRST_REVIEWER)
    second = reviewer("fu", Role.SECOND_REVIEWER)
    chief = reviewer("zong", Role.CHIEF_EDITOR)
    piece = make_article(status=Status.IN_REVIEW, authors=[author.contributor])

    with django_capture_on_commit_callbacks(execute=True):
        article_transition(article=piece, to=Status.FIRST_PASSED, by=first)
    after_first = [(m.to, m.subject) for m in sent_mail()]
    with django_capture_on_commit_callbacks(execute=True):
        article_transition(article=piece, to=Status.SECOND_PASSED, by=second)
    after_second = [(m.to, m.subject) for m in sent_mail()][len(after_first) :]
    with django_capture_on_commit_callbacks(execute=True):
        article_transition(article=piece, to=Status.ACCEPTED, by=chief)
    after_chief = [(m.to, m.subject) for m in sent_mail()][len(after_first) + len(after_second) :]

    assert after_first == [(["fu@example.cn"], f"[开发区建设] 待复审：{piece.title}")]
    assert after_second == [(["zong@example.cn"], f"[开发区建设] 待终审：{piece.title}")]
    assert after_chief == [(["author@example.cn"], f"[开发区建设] 稿件已录用：{piece.title}")]


@override_settings(KFQ_REVIEW_LEVELS=2)
def test_with_two_levels_the_first_pass_goes_to_the_chief_editor(
    django_capture_on_commit_callbacks,
):
    first = reviewer("chu", Role.FIRST_REVIEWER)
    reviewer("fu", Role.SECOND_REVIEWER)  # holds a level the office does not use
    reviewer("zong", Role.CHIEF_EDITOR)
    piece = make_article(status=Status.IN_REVIEW)

    with django_capture_on_commit_callbacks(execute=True):
        article_transition(article=piece, to=Status.FIRST_PASSED, by=first)

    assert [m.to for m in sent_mail()] == [["zong@example.cn"]]
    assert "待终审" in sent_mail()[0].body


@override_settings(KFQ_REVIEW_LEVELS=3)
def test_editors_hear_of_a_withdrawal_after_the_first_pass(django_capture_on_commit_callbacks):
    """Regression: a piece withdrawn at 初审通过 was in the editors' hands, like one in review,
    but only withdrawals from 已投稿 and 审阅中 were announced to them."""
    author = make_correspondent(email="author@example.cn")
    editor = reviewer("fu", Role.SECOND_REVIEWER)
    piece = make_article(status=Status.FIRST_PASSED, authors=[author.contributor])

    with django_capture_on_commit_callbacks(execute=True):
        article_transition(article=piece, to=Status.WITHDRAWN, by=author, note="另投他处")

    alerts = [m for m in sent_mail() if "作者撤回" in m.subject]
    assert [m.to for m in alerts] == [[editor.email]] and "另投他处" in alerts[0].body
