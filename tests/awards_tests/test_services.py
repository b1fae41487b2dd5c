"""Fixing and revoking a year's 优秀撰稿人: numbering, refusals that change nothing, locks."""

import datetime

import pytest

from awards import services
from awards.models import Award, Rubric
from awards.report import year_report
from tests.factories import make_article, make_editor, make_issue, make_user

from .helpers import YEAR, year_of_contributors

pytestmark = pytest.mark.django_db

ISSUED = datetime.date(2025, 1, 10)


def fix(editor, year=YEAR):
    return services.fix_awards(year=year, by=editor, issued_on=ISSUED)


def test_the_top_twenty_get_numbers_in_rank_order():
    people = year_of_contributors(23)
    awards = fix(make_editor())

    assert len(awards) == 20
    saved = list(Award.objects.for_year(YEAR).order_by("rank"))
    assert [a.contributor for a in saved] == people[:20]
    assert [a.rank for a in saved] == list(range(1, 21))
    assert [a.number for a in saved] == [f"KFQ-{YEAR}-YXZG-{n:02d}" for n in range(1, 21)]
    best = saved[0]
    assert (best.name, best.zone, best.score, best.pieces) == (
        people[0].name,
        people[0].zone,
        23 * 3,
        23,
    )
    assert best.zone_name == people[0].zone.official_name and best.issued_on == ISSUED
    # Fixing saved the rubric it used, with the defaults.
    assert Rubric.objects.get(year=YEAR).news_points == 3


def test_fixing_again_is_refused_and_changes_nothing():
    year_of_contributors(3)
    editor = make_editor()
    fix(editor)
    before = list(Award.objects.values_list("pk", "number", "contributor", "rank"))

    with pytest.raises(services.AwardsRefused, match="已经确定"):
        fix(editor)

    assert list(Award.objects.values_list("pk", "number", "contributor", "rank")) == before


def test_revoking_keeps_the_numbers_and_a_new_decision_continues_them():
    year_of_contributors(3)
    editor = make_editor()
    first = fix(editor)

    assert services.revoke_awards(year=YEAR, by=editor) == 3
    second = fix(editor)

    assert [a.number for a in first] == [f"KFQ-{YEAR}-YXZG-{n:02d}" for n in (1, 2, 3)]
    assert [a.number for a in second] == [f"KFQ-{YEAR}-YXZG-{n:02d}" for n in (4, 5, 6)]
    assert Award.objects.active().count() == 3
    assert Award.objects.filter(revoked_at__isnull=False).count() == 3
    assert Award.objects.get(number=f"KFQ-{YEAR}-YXZG-01").revoked_by == editor


def test_revoking_with_nothing_fixed_is_refused_and_creates_nothing():
    with pytest.raises(services.AwardsRefused, match="没有可撤销"):
        services.revoke_awards(year=YEAR, by=make_editor())
    assert not Rubric.objects.exists()


def test_a_year_without_pieces_is_refused():
    with pytest.raises(services.AwardsRefused, match="没有已刊发的署名稿件"):
        fix(make_editor(), year=2019)
    assert not Award.objects.exists() and not Rubric.objects.exists()


def test_contributors_who_scored_nothing_are_not_awarded():
    year_of_contributors(2)
    Rubric.objects.create(year=YEAR, news_points=0, lead_bonus=0)
    lone = make_article(
        issue=make_issue(date=datetime.date(YEAR, 6, 4)), page=1, position=1, genre="通讯"
    )
    author = lone.zone.contributors.create(name="通讯作者")
    lone.authorships.create(contributor=author, order=1)

    awards = fix(make_editor())

    assert [a.name for a in awards] == ["通讯作者"]


@pytest.mark.parametrize("who", ["staff", "correspondent_like", "nobody"])
def test_only_editors_may_fix_or_revoke(who):
    year_of_contributors(2)
    user = {"staff": make_user(staff=True), "correspondent_like": make_user(), "nobody": None}[who]
    with pytest.raises(services.AwardsRefused, match="只有编辑部"):
        services.fix_awards(year=YEAR, by=user, issued_on=ISSUED)
    with pytest.raises(services.AwardsRefused, match="只有编辑部"):
        services.revoke_awards(year=YEAR, by=user)
    assert not Award.objects.exists()


def test_a_superuser_counts_as_an_editor():
    year_of_contributors(2)
    assert len(fix(make_user(superuser=True))) == 2


def test_an_awardee_without_a_zone_on_record_belongs_to_the_zone_of_their_first_piece():
    issue = make_issue(date=datetime.date(YEAR, 3, 5))
    piece = make_article(issue=issue, page=1, position=1, genre="通讯")
    unplaced = piece.zone.contributors.create(name="无区作者")
    unplaced.zone = None
    unplaced.save()
    piece.authorships.create(contributor=unplaced, order=1)

    [award] = fix(make_editor())

    assert (award.zone, award.zone_name) == (piece.zone, piece.zone.official_name)
    [group] = year_report(YEAR).groups
    assert group.zone == piece.zone and group.contributors[0].entries[0].by_article_zone
