"""How a year's score is made: pure functions over plain data, no database.

A piece earns its genre's points, plus the lead bonus when it opens its page (position 1),
plus the photo bonus for each photo used (up to the rubric's limit per piece). Each author
gets the piece's points times their share under the rubric's sharing rule. A contributor's
score is the sum of those subtotals. Arithmetic is exact (fractions), so a three-way split
never makes two equal scores differ by a rounding error; rounding happens only for display.

`rubric` is anything with points_for(genre), lead_bonus, photo_points, photo_limit and
share(order=, authors=): an awards.models.Rubric, saved or holding the defaults.
"""

import datetime
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

TIE_RULE = (
    "总分高者在前；总分相同时，本年度署名稿件篇数多者在前；"
    "再相同时，本年度第一篇稿件刊发日期早者在前；仍相同时，按作者登记编号从小到大。"
)


@dataclass(frozen=True)
class Piece:
    """A published piece as the score sees it; `authors` are contributors in byline order."""

    article_id: int
    title: str
    genre: str
    issue_date: datetime.date
    page: int | None
    position: int | None
    photos: int
    zone: Any
    authors: tuple

    @property
    def is_lead(self) -> bool:
        return self.position == 1

    def co_authors_of(self, order: int) -> list:
        """The other authors, in byline order, of the author at byline position `order`."""
        return [author for n, author in enumerate(self.authors, start=1) if n != order]


@dataclass(frozen=True)
class ScoreLine:
    """One piece's contribution to one author's score, with every term kept for display."""

    piece: Piece
    order: int
    base: int
    lead_bonus: int
    photo_bonus: int
    share: Fraction

    @property
    def points(self) -> int:
        return self.base + self.lead_bonus + self.photo_bonus

    @property
    def subtotal(self) -> Fraction:
        return self.points * self.share

    @property
    def co_authors(self) -> list:
        return self.piece.co_authors_of(self.order)


@dataclass
class ContributorScore:
    contributor: Any
    lines: list[ScoreLine] = field(default_factory=list)
    rank: int = 0

    @property
    def total(self) -> Fraction:
        return sum((line.subtotal for line in self.lines), Fraction(0))

    @property
    def piece_count(self) -> int:
        return len(self.lines)

    @property
    def first_date(self) -> datetime.date:
        return min(line.piece.issue_date for line in self.lines)

    def sort_key(self):
        """TIE_RULE, as a key: the order is total, pieces, first date, contributor id."""
        return (-self.total, -self.piece_count, self.first_date, self.contributor.pk)


def score_line(piece: Piece, order: int, rubric) -> ScoreLine:
    return ScoreLine(
        piece=piece,
        order=order,
        base=rubric.points_for(piece.genre),
        lead_bonus=rubric.lead_bonus if piece.is_lead else 0,
        photo_bonus=rubric.photo_points * min(piece.photos, rubric.photo_limit),
        share=rubric.share(order=order, authors=len(piece.authors)),
    )


def rank(pieces, rubric) -> list[ContributorScore]:
    """Every credited contributor's score, best first under TIE_RULE, ranks numbered from 1."""
    scores: dict[int, ContributorScore] = {}
    for piece in pieces:
        for order, author in enumerate(piece.authors, start=1):
            entry = scores.setdefault(author.pk, ContributorScore(contributor=author))
            entry.lines.append(score_line(piece, order, rubric))
    ranked = sorted(scores.values(), key=ContributorScore.sort_key)
    for position, entry in enumerate(ranked, start=1):
        entry.rank = position
    return ranked


def as_decimal(value: Fraction) -> Decimal:
    """Two decimal places, half up: how a score is stored on an Award and shown."""
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def format_points(value) -> str:
    """8 → "8", 3/2 → "1.5", 1/3 → "0.33"."""
    if not isinstance(value, Decimal):
        value = as_decimal(Fraction(value))
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text
