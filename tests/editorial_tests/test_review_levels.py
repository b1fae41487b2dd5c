"""三审制: the moves table at two and three review levels, who may make each move, and the rule
that nobody passes two levels of one piece. The one-level table is test_transitions.py's."""

import itertools

import pytest
from django.test import override_settings

from articles.models import Article, ArticleTransition, Status
from editorial.roles import Role, is_editor, review_roles_of
from editorial.workflow import (
    TransitionNotAllowed,
    article_transition,
    available_moves,
    move_label,
    moves_table,
    waiting_for,
)
from tests.factories import make_article, make_correspondent, make_editor, make_issue, make_user

pytestmark = pytest.mark.django_db

FIRST, SECOND, CHIEF = Role.FIRST_REVIEWER, Role.SECOND_REVIEWER, Role.CHIEF_EDITOR
ALL_PAIRS = [(a, b) for a, b in itertools.product(Status, Status) if a != b]


def piece_of(author, status):
    return make_article(status=status, authors=[author.contributor], zone=author.contributor.zone)


def actor(role, author):
    if role == Role.AUTHOR:
        return author
    if role == Role.EDITOR:
        return make_editor()
    return make_editor(levels=[role])


def test_one_level_is_the_desk_as_it_was():
    # The table editors worked with before review levels existed, written out by hand.
    E, A = Role.EDITOR, Role.AUTHOR
    expected = {
        (Status.DRAFT, Status.SUBMITTED): ("投稿", {A}),
        (Status.SUBMITTED, Status.IN_REVIEW): ("开始审阅", {E}),
        (Status.SUBMITTED, Status.REVISION): ("退修", {E}),
        (Status.SUBMITTED, Status.REJECTED): ("不予采用", {E}),
        (Status.SUBMITTED, Status.WITHDRAWN): ("撤回", {A}),
        (Status.IN_REVIEW, Status.REVISION): ("退修", {E}),
        (Status.IN_REVIEW, Status.ACCEPTED): ("录用", {E}),
        (Status.IN_REVIEW, Status.REJECTED): ("不予采用", {E}),
        (Status.IN_REVIEW, Status.WITHDRAWN): ("撤回", {A}),
        (Status.REVISION, Status.SUBMITTED): ("修改后重新投稿", {A}),
        (Status.REVISION, Status.REJECTED): ("不予采用", {E}),
        (Status.REVISION, Status.WITHDRAWN): ("撤回", {A}),
        (Status.WITHDRAWN, Status.DRAFT): ("重新打开为草稿", {A}),
        (Status.ACCEPTED, Status.SCHEDULED): ("排入一期", {E}),
        (Status.SCHEDULED, Status.ACCEPTED): ("撤出该期", {E}),
    }
    table = moves_table(1)
    assert {pair: (move.label, set(move.roles)) for pair, move in table.items()} == expected


def test_three_levels_pass_in_order_each_by_its_own_role():
    table = moves_table(3)
    assert table[(Status.IN_REVIEW, Status.FIRST_PASSED)].roles == {FIRST}
    assert table[(Status.FIRST_PASSED, Status.SECOND_PASSED)].roles == {SECOND}
    assert table[(Status.SECOND_PASSED, Status.ACCEPTED)].roles == {CHIEF}
    assert table[(Status.SECOND_PASSED, Status.ACCEPTED)].label == "终审通过"
    # Out of order: no level can be skipped.
    for skipped in [
        (Status.IN_REVIEW, Status.ACCEPTED),
        (Status.IN_REVIEW, Status.SECOND_PASSED),
        (Status.FIRST_PASSED, Status.ACCEPTED),
        (Status.SUBMITTED, Status.FIRST_PASSED),
    ]:
        assert skipped not in table
    # Each level sends back and rejects at its own stage, with a note.
    for stage, level in [
        (Status.IN_REVIEW, FIRST),
        (Status.FIRST_PASSED, SECOND),
        (Status.SECOND_PASSED, CHIEF),
    ]:
        for to in (Status.REVISION, Status.REJECTED):
            assert table[(stage, to)].roles == {level}
            assert table[(stage, to)].needs_note


def test_two_levels_are_first_review_then_the_chief_editor():
    table = moves_table(2)
    assert table[(Status.IN_REVIEW, Status.FIRST_PASSED)].roles == {FIRST}
    assert table[(Status.FIRST_PASSED, Status.ACCEPTED)].roles == {CHIEF}
    assert not any(Status.SECOND_PASSED in pair for pair in table)


@pytest.mark.parametrize("levels", [2, 3])
@pytest.mark.parametrize(("source", "to"), ALL_PAIRS, ids=lambda s: s.value)
def test_every_pair_of_states_is_allowed_only_as_the_levels_table_says(levels, source, to):
    move = moves_table(levels).get((source, to))
    author = make_correspondent()
    article = piece_of(author, source)
    with override_settings(KFQ_REVIEW_LEVELS=levels):
        if move is None:
            with pytest.raises(TransitionNotAllowed):
                article_transition(
                    article=article,
                    to=to,
                    by=make_user(superuser=True),
                    note="意见",
                    issue=make_issue(),
                )
            assert Article.objects.get(pk=article.pk).status == source
            return
        for role in sorted(move.roles):
            moved = article_transition(
                article=article, to=to, by=actor(role, author), note="意见", issue=make_issue()
            )
            assert moved.status == to
            Article.objects.filter(pk=article.pk).update(status=source)
            ArticleTransition.objects.filter(article=article).delete()


@pytest.mark.parametrize("levels", [2, 3])
def test_roles_outside_the_levels_table_are_refused_and_nothing_changes(levels):
    table = moves_table(levels)
    author = make_correspondent()
    # Each login with the roles it holds: a reviewer of any level is also an editor.
    people = [
        ({Role.AUTHOR}, author),
        ({Role.EDITOR}, make_editor()),
        ({Role.EDITOR, FIRST}, make_editor(levels=[FIRST])),
        ({Role.EDITOR, SECOND}, make_editor(levels=[SECOND])),
        ({Role.EDITOR, CHIEF}, make_editor(levels=[CHIEF])),
        (set(), make_correspondent()),  # another zone's correspondent
    ]
    with override_settings(KFQ_REVIEW_LEVELS=levels):
        for (source, to), move in table.items():
            article = piece_of(author, source)
            for held, user in people:
                if held & move.roles:
                    continue
                with pytest.raises(TransitionNotAllowed, match="无权"):
                    article_transition(
                        article=article, to=to, by=user, note="意见", issue=make_issue()
                    )
            assert Article.objects.get(pk=article.pk).status == source
            assert not ArticleTransition.objects.filter(article=article).exists()


@override_settings(KFQ_REVIEW_LEVELS=3)
def test_a_piece_goes_through_three_people_with_a_revision_between():
    author = make_correspondent()
    first = make_editor(levels=[FIRST])
    second = make_editor(levels=[SECOND])
    chief = make_editor(levels=[CHIEF])
    article = piece_of(author, Status.DRAFT)

    for to, by, note in [
        (Status.SUBMITTED, author, ""),
        (Status.IN_REVIEW, first, ""),
        (Status.FIRST_PASSED, first, ""),
        (Status.REVISION, second, "第二段数据请核实。"),
        (Status.SUBMITTED, author, ""),
        (Status.IN_REVIEW, first, ""),
        (Status.FIRST_PASSED, first, ""),  # the same level again, in the new round
        (Status.SECOND_PASSED, second, ""),
        (Status.ACCEPTED, chief, ""),
    ]:
        article = article_transition(article=article, to=to, by=by, note=note)

    assert article.status == Status.ACCEPTED
    passes = ArticleTransition.objects.filter(
        article=article, to_status__in=[Status.SECOND_PASSED, Status.ACCEPTED]
    ).values_list("to_status", "by")
    assert list(passes) == [(Status.SECOND_PASSED, second.pk), (Status.ACCEPTED, chief.pk)]


@override_settings(KFQ_REVIEW_LEVELS=3)
def test_one_person_cannot_pass_two_levels_of_one_piece_even_holding_both_roles():
    author = make_correspondent()
    both = make_editor(levels=[FIRST, SECOND])
    article = piece_of(author, Status.IN_REVIEW)
    article_transition(article=article, to=Status.FIRST_PASSED, by=both)

    with pytest.raises(TransitionNotAllowed, match="你已对这篇稿件做过“初审通过”"):
        article_transition(article=article, to=Status.SECOND_PASSED, by=both)

    assert Article.objects.get(pk=article.pk).status == Status.FIRST_PASSED
    assert ArticleTransition.objects.filter(article=article).count() == 1


@override_settings(KFQ_REVIEW_LEVELS=3)
def test_a_superuser_holds_every_level_but_still_passes_only_one_per_piece():
    root = make_user(superuser=True)
    article = piece_of(make_correspondent(), Status.SECOND_PASSED)
    ArticleTransition.objects.create(
        article=article, from_status=Status.IN_REVIEW, to_status=Status.FIRST_PASSED, by=root
    )

    with pytest.raises(TransitionNotAllowed, match="不同的人"):
        article_transition(article=article, to=Status.ACCEPTED, by=root)
    assert review_roles_of(root) == {FIRST, SECOND, CHIEF}


@override_settings(KFQ_REVIEW_LEVELS=3)
def test_the_earlier_round_counts_too():
    # 初审 in the first round, then 终审 in the second by the same person: still two levels.
    author = make_correspondent()
    both = make_editor(levels=[FIRST, CHIEF])
    article = piece_of(author, Status.SECOND_PASSED)
    ArticleTransition.objects.create(
        article=article, from_status=Status.IN_REVIEW, to_status=Status.FIRST_PASSED, by=both
    )
    with pytest.raises(TransitionNotAllowed):
        article_transition(article=article, to=Status.ACCEPTED, by=both)


@override_settings(KFQ_REVIEW_LEVELS=3)
def test_each_level_sees_the_buttons_of_its_own_stage_only():
    author = make_correspondent()
    first = make_editor(levels=[FIRST])
    chief = make_editor(levels=[CHIEF])
    article = piece_of(author, Status.FIRST_PASSED)

    assert available_moves(first, article) == []
    assert available_moves(chief, article) == []
    second = make_editor(levels=[SECOND])
    assert sorted(label for _, label in _labels(available_moves(second, article))) == sorted(
        ["复审通过", "退修", "不予采用"]
    )


def _labels(moves):
    return [(to, move.label) for to, move in moves]


def test_what_waits_for_whom():
    first = make_editor(levels=[FIRST])
    second = make_editor(levels=[SECOND])
    chief = make_editor(levels=[CHIEF])
    plain = make_editor()
    with override_settings(KFQ_REVIEW_LEVELS=3):
        assert waiting_for(first) == {Status.SUBMITTED, Status.IN_REVIEW}
        assert waiting_for(second) == {Status.FIRST_PASSED}
        assert waiting_for(chief) == {Status.SECOND_PASSED}
        assert waiting_for(plain) == set()
        assert waiting_for(make_correspondent()) == set()
    with override_settings(KFQ_REVIEW_LEVELS=2):
        assert waiting_for(chief) == {Status.FIRST_PASSED}
    with override_settings(KFQ_REVIEW_LEVELS=1):
        assert waiting_for(plain) == {Status.SUBMITTED, Status.IN_REVIEW}


def test_a_review_level_alone_makes_an_editor():
    from django.contrib.auth.models import Group

    chief = make_user(staff=True)
    chief.groups.add(Group.objects.get(name="总编辑"))  # created by the migration
    assert is_editor(chief)
    assert review_roles_of(chief) == {CHIEF}
    assert review_roles_of(make_correspondent()) == set()


def test_moves_logged_under_another_level_count_keep_their_names():
    # The office went from three levels back to one: the history still says 复审通过.
    with override_settings(KFQ_REVIEW_LEVELS=1):
        assert move_label(Status.FIRST_PASSED, Status.SECOND_PASSED) == "复审通过"
        assert move_label(Status.IN_REVIEW, Status.ACCEPTED) == "录用"
    with override_settings(KFQ_REVIEW_LEVELS=3):
        assert move_label(Status.SECOND_PASSED, Status.ACCEPTED) == "终审通过"
