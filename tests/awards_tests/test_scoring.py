"""The score as pure functions: every rubric term, every sharing rule, every step of the tie rule.

No database: an unsaved Rubric holds the defaults, and contributors are stand-ins with a pk.
"""

import datetime
import itertools
from fractions import Fraction
from types import SimpleNamespace

import pytest

from awards.models import Rubric, Sharing
from awards.scoring import TIE_RULE, Piece, format_points, rank

MAY, JULY = datetime.date(2023, 5, 23), datetime.date(2023, 7, 11)
_article_ids = itertools.count(1)


def person(pk):
    return SimpleNamespace(pk=pk, name=f"作者{pk}", zone=None)


def piece(*authors, genre="消息", position=2, photos=0, date=JULY, article_id=None):
    return Piece(
        article_id=article_id or next(_article_ids),
        title="稿件",
        genre=genre,
        issue_date=date,
        page=1,
        position=position,
        photos=photos,
        zone=None,
        authors=tuple(authors),
    )


def totals(ranking):
    return [(entry.contributor.pk, entry.total) for entry in ranking]


def test_defaults_are_the_stated_rubric():
    rubric = Rubric(year=2023)
    assert rubric.genre_points() == [
        ("消息", 3),
        ("通讯", 5),
        ("评论", 4),
        ("综述", 5),
        ("图片新闻", 2),
        ("其他", 2),
    ]
    assert (rubric.lead_bonus, rubric.photo_points, rubric.photo_limit) == (2, 1, 1)
    assert rubric.sharing == Sharing.EQUAL and rubric.is_default


def test_a_piece_earns_genre_points_lead_bonus_and_capped_photo_bonus():
    a = person(1)
    # 综述 5 + 头条 2 + 配图 min(17, 1) × 1 = 8
    [entry] = rank([piece(a, genre="综述", position=1, photos=17)], Rubric(year=2024))
    [line] = entry.lines
    assert (line.base, line.lead_bonus, line.photo_bonus, line.points) == (5, 2, 1, 8)
    assert line.share == 1 and entry.total == 8


def test_the_photo_limit_and_points_come_from_the_rubric():
    a = person(1)
    rubric = Rubric(year=2023, photo_points=2, photo_limit=3)
    # 消息 3, not the lead; 4 photos of which 3 count at 2 points: 3 + 6 = 9
    assert rank([piece(a, photos=4)], rubric)[0].total == 9


@pytest.mark.parametrize(
    ("sharing", "percent", "first", "second", "third"),
    [
        (Sharing.EQUAL, 60, Fraction(2), Fraction(2), Fraction(2)),  # 6 / 3 each
        (Sharing.FULL, 60, Fraction(6), Fraction(6), Fraction(6)),  # 6 each
        # first 60% of 6 = 3.6; the other two split 40%: 1.2 each
        (Sharing.FIRST_AUTHOR, 60, Fraction(18, 5), Fraction(6, 5), Fraction(6, 5)),
    ],
)
def test_co_authors_share_as_the_rubric_says(sharing, percent, first, second, third):
    a, b, c = person(1), person(2), person(3)
    rubric = Rubric(year=2023, sharing=sharing, first_author_percent=percent)
    # 评论 4 + 头条 2 = 6 points to share among three authors.
    ranking = rank([piece(a, b, c, genre="评论", position=1)], rubric)
    assert dict(totals(ranking)) == {1: first, 2: second, 3: third}


def test_a_three_way_split_is_exact_and_displayed_rounded():
    a, b, c = person(1), person(2), person(3)
    ranking = rank([piece(a, b, c)], Rubric(year=2023))  # 消息 3 / 3 = 1 each
    assert [entry.total for entry in ranking] == [1, 1, 1]
    ranking = rank([piece(a, b, c, genre="其他")], Rubric(year=2023))  # 2 / 3
    assert ranking[0].total == Fraction(2, 3)
    assert format_points(ranking[0].total) == "0.67"
    assert format_points(Fraction(3, 2)) == "1.5" and format_points(Fraction(8)) == "8"


def test_tie_rule_higher_score_first():
    low, high = person(1), person(2)
    ranking = rank([piece(low), piece(high, genre="通讯")], Rubric(year=2023))
    assert [e.contributor.pk for e in ranking] == [2, 1]


def test_tie_rule_same_score_more_pieces_first():
    one, two = person(1), person(2)
    # one: a 综述 alone (5 + 1 photo = 6); two: two 消息 (3 + 3 = 6)
    pieces = [piece(one, genre="综述", photos=1), piece(two), piece(two, position=3)]
    ranking = rank(pieces, Rubric(year=2023))
    assert [(e.contributor.pk, e.total, e.piece_count) for e in ranking] == [(2, 6, 2), (1, 6, 1)]


def test_tie_rule_same_score_and_pieces_earlier_first_piece_first():
    later, earlier = person(1), person(2)
    ranking = rank([piece(later, date=JULY), piece(earlier, date=MAY)], Rubric(year=2023))
    assert [e.contributor.pk for e in ranking] == [2, 1]


def test_tie_rule_all_else_equal_lower_contributor_id_first():
    ranking = rank([piece(person(9)), piece(person(4)), piece(person(7))], Rubric(year=2023))
    assert [e.contributor.pk for e in ranking] == [4, 7, 9]
    assert [e.rank for e in ranking] == [1, 2, 3]


def test_ranking_does_not_depend_on_input_order():
    people = [person(n) for n in range(1, 8)]
    pieces = [
        piece(people[n % 7], people[(n + 3) % 7], position=n % 4 + 1, photos=n % 2)
        for n in range(20)
    ]
    forwards = totals(rank(pieces, Rubric(year=2023)))
    backwards = totals(rank(list(reversed(pieces)), Rubric(year=2023)))
    assert forwards == backwards


def test_the_tie_rule_is_stated_in_words():
    for step in ("总分", "篇数", "刊发日期", "编号"):
        assert step in TIE_RULE
