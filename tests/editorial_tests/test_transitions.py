import itertools

import pytest

from articles.models import Article, ArticleTransition, ArticleVersion, Status
from editorial.workflow import (
    IssueNotPublishable,
    Role,
    TransitionNotAllowed,
    article_transition,
    available_moves,
    moves_table,
    next_manuscript_number,
    publish_issue,
)
from tests.factories import make_article, make_correspondent, make_editor, make_issue
from tests.mail import sent_mail

pytestmark = pytest.mark.django_db

# The one-level table, which the settings' default (KFQ_REVIEW_LEVELS=1) uses; the levels'
# tables are tested in test_review_levels.py.
MOVES = moves_table(1)

ALL_PAIRS = [(a, b) for a, b in itertools.product(Status, Status) if a != b]


def piece_of(author, status=Status.DRAFT, **overrides):
    return make_article(
        status=status, authors=[author.contributor], zone=author.contributor.zone, **overrides
    )


def actor(role, author):
    return author if role == Role.AUTHOR else make_editor()


@pytest.mark.parametrize(("source", "to"), ALL_PAIRS, ids=lambda s: s.value)
def test_every_pair_of_states_is_allowed_only_as_the_table_says(source, to):
    author = make_correspondent()
    article = piece_of(author, source)
    move = MOVES.get((source, to))
    roles = sorted(move.roles) if move else [Role.EDITOR, Role.AUTHOR]
    for role in roles:
        user = actor(role, author)
        kwargs = {"note": "请补充数据。", "issue": make_issue()}
        if move is None:
            with pytest.raises(TransitionNotAllowed):
                article_transition(article=article, to=to, by=user, **kwargs)
            assert Article.objects.get(pk=article.pk).status == source
        else:
            moved = article_transition(article=article, to=to, by=user, **kwargs)
            assert moved.status == to
            assert ArticleTransition.objects.filter(
                article=article, from_status=source, to_status=to, by=user
            ).exists()
            Article.objects.filter(pk=article.pk).update(status=source)  # reset for next role


@pytest.mark.parametrize(("source", "to"), list(MOVES), ids=lambda s: s.value)
def test_roles_outside_the_table_are_refused_and_nothing_changes(source, to):
    author = make_correspondent()
    article = piece_of(author, source)
    outsiders = {Role.AUTHOR: author, Role.EDITOR: make_editor()}
    stranger = make_correspondent()  # another zone's correspondent, not an author
    for role, user in [*outsiders.items(), ("stranger", stranger)]:
        if role in MOVES[(source, to)].roles:
            continue
        with pytest.raises(TransitionNotAllowed, match="无权"):
            article_transition(article=article, to=to, by=user, note="意见", issue=make_issue())
        assert Article.objects.get(pk=article.pk).status == source
        assert not ArticleTransition.objects.filter(article=article).exists()


@pytest.mark.parametrize("to", [Status.REVISION, Status.REJECTED])
def test_sending_back_or_rejecting_needs_a_note(to):
    article = piece_of(make_correspondent(), Status.IN_REVIEW)

    with pytest.raises(TransitionNotAllowed, match="意见"):
        article_transition(article=article, to=to, by=make_editor(), note="   ")

    assert Article.objects.get(pk=article.pk).status == Status.IN_REVIEW


def test_submitting_numbers_the_piece_and_keeps_each_version():
    author = make_correspondent()
    editor = make_editor()
    article = piece_of(author, title="初稿标题")

    article = article_transition(article=article, to=Status.SUBMITTED, by=author)
    number = article.manuscript_number
    article_transition(article=article, to=Status.REVISION, by=editor, note="请补充投资数据。")
    Article.objects.filter(pk=article.pk).update(title="修改后的标题")
    article = article_transition(article=article, to=Status.SUBMITTED, by=author)

    assert number.startswith("KFQ-") and article.manuscript_number == number
    versions = list(ArticleVersion.objects.filter(article=article).values_list("number", "title"))
    assert versions == [(1, "初稿标题"), (2, "修改后的标题")]


def test_manuscript_numbers_are_unique_increasing_and_never_reused():
    author = make_correspondent()
    first = article_transition(article=piece_of(author), to=Status.SUBMITTED, by=author)
    second = article_transition(article=piece_of(author), to=Status.SUBMITTED, by=author)
    Article.objects.filter(pk=second.pk).delete()
    third = article_transition(article=piece_of(author), to=Status.SUBMITTED, by=author)

    numbers = [first.manuscript_number, second.manuscript_number, third.manuscript_number]
    assert len(set(numbers)) == 3
    assert [int(n.rsplit("-", 1)[1]) for n in numbers] == sorted(
        int(n.rsplit("-", 1)[1]) for n in numbers
    )
    assert next_manuscript_number(2031) == "KFQ-2031-0001"


def test_an_empty_piece_cannot_be_submitted():
    author = make_correspondent()
    article = piece_of(author, body="  ")

    with pytest.raises(TransitionNotAllowed, match="正文"):
        article_transition(article=article, to=Status.SUBMITTED, by=author)
    assert Article.objects.get(pk=article.pk).manuscript_number is None


def test_co_authors_may_act_on_the_piece():
    author, co_author = make_correspondent(), make_correspondent()
    article = make_article(status=Status.DRAFT, authors=[author.contributor, co_author.contributor])

    moved = article_transition(article=article, to=Status.SUBMITTED, by=co_author)

    assert moved.status == Status.SUBMITTED


def test_available_moves_follow_role_and_state():
    author = make_correspondent()
    article = piece_of(author, Status.IN_REVIEW)

    editor_moves = {to for to, _ in available_moves(make_editor(), article)}
    author_moves = {to for to, _ in available_moves(author, article)}
    stranger_moves = available_moves(make_correspondent(), article)

    assert editor_moves == {Status.REVISION, Status.ACCEPTED, Status.REJECTED}
    assert author_moves == {Status.WITHDRAWN}
    assert stranger_moves == []


def scheduled(issue, page, position):
    article = piece_of(make_correspondent(), Status.ACCEPTED)
    article = article_transition(
        article=article, to=Status.SCHEDULED, by=make_editor(), issue=issue
    )
    Article.objects.filter(pk=article.pk).update(page=page, position=position)
    return article


def test_publishing_an_issue_publishes_every_scheduled_piece_at_once():
    issue = make_issue()
    pieces = [scheduled(issue, 1, 1), scheduled(issue, 1, 2)]

    count = publish_issue(issue=issue, by=make_editor())

    assert count == 2
    assert set(Article.objects.filter(issue=issue).values_list("status", flat=True)) == {
        Status.PUBLISHED
    }
    assert all(p.transitions.filter(to_status=Status.PUBLISHED).exists() for p in pieces)
    issue.refresh_from_db()
    assert issue.published_at is not None
    with pytest.raises(IssueNotPublishable, match="已经发布"):
        publish_issue(issue=issue, by=make_editor())


def test_an_issue_with_an_unplaced_piece_is_not_published_and_nothing_changes():
    issue = make_issue()
    placed = scheduled(issue, 1, 1)
    unplaced = scheduled(issue, None, None)

    with pytest.raises(IssueNotPublishable, match=unplaced.title):
        publish_issue(issue=issue, by=make_editor())

    assert Article.objects.get(pk=placed.pk).status == Status.SCHEDULED
    issue.refresh_from_db()
    assert issue.published_at is None


def test_only_editors_publish_issues():
    issue = make_issue()
    scheduled(issue, 1, 1)

    with pytest.raises(IssueNotPublishable):
        publish_issue(issue=issue, by=make_correspondent())


def test_mail_goes_out_after_the_move_commits(django_capture_on_commit_callbacks):
    author = make_correspondent(email="author@example.cn")
    article = piece_of(author, Status.IN_REVIEW)

    with django_capture_on_commit_callbacks(execute=True):
        article_transition(
            article=article, to=Status.REVISION, by=make_editor(), note="请补充投资数据。"
        )

    assert len(sent_mail()) == 1
    assert sent_mail()[0].to == ["author@example.cn"]
    assert "请补充投资数据。" in sent_mail()[0].body
    assert "退修" in sent_mail()[0].subject
