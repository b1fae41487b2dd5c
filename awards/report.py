"""A year's published pieces and who wrote them: the data behind the year-end list, the
ranking, the exports and the letters of praise.

Three queries whatever the size of the year: the credits (with contributor, zone, piece, issue
and photo count), the count of unsigned pieces, and the year's rubric.

A piece is listed under its author's zone (Contributor.zone); an author with no zone on record
is listed under the piece's own zone, and the entry says so.
"""

from collections import Counter
from dataclasses import dataclass, field

from articles.models import Article, Genre
from zones.models import City, Zone

from . import scoring
from .models import Credit, Rubric

AWARD_LIMIT = 20
ZONE_RULE = "按作者登记的所在开发区归类；作者未登记开发区的，按稿件所属开发区归类（表中注明）。"
NO_ZONE = "未注明开发区"


@dataclass(frozen=True)
class Entry:
    """One line of the list: one contributor's piece."""

    piece: scoring.Piece
    order: int
    by_article_zone: bool

    @property
    def co_authors(self) -> list:
        return self.piece.co_authors_of(self.order)


@dataclass
class ContributorPieces:
    contributor: object
    entries: list[Entry] = field(default_factory=list)


def genre_counts(pieces) -> list[tuple[str, int]]:
    """[("消息", 9), ("通讯", 1), ...]: every genre, in the order of Genre."""
    counts = Counter(piece.genre for piece in pieces)
    return [(genre.label, counts[genre.value]) for genre in Genre]


@dataclass
class ZoneGroup:
    zone: Zone | None
    contributors: list[ContributorPieces] = field(default_factory=list)

    @property
    def label(self) -> str:
        return self.zone.official_name if self.zone else NO_ZONE

    @property
    def city(self) -> str:
        return self.zone.get_city_display() if self.zone and self.zone.city else ""

    @property
    def pieces(self) -> list[scoring.Piece]:
        """Distinct pieces: two co-authors from one zone make one piece of that zone."""
        unique = {
            entry.piece.article_id: entry.piece for c in self.contributors for entry in c.entries
        }
        return list(unique.values())

    def genre_counts(self):
        return genre_counts(self.pieces)


@dataclass
class YearReport:
    year: int
    rubric: Rubric
    pieces: list[scoring.Piece]
    groups: list[ZoneGroup]
    ranking: list[scoring.ContributorScore]
    unsigned_count: int

    @property
    def contributor_count(self) -> int:
        return len(self.ranking)

    def genre_counts(self):
        return genre_counts(self.pieces)

    def awardees(self, limit: int = AWARD_LIMIT) -> list[scoring.ContributorScore]:
        """The top of the ranking: at most `limit`, and only those who scored."""
        return [entry for entry in self.ranking if entry.total > 0][:limit]


def zone_of(score: scoring.ContributorScore) -> Zone | None:
    """Where an awardee belongs: their zone on record, else the zone of their first piece."""
    return score.contributor.zone or score.lines[0].piece.zone


def year_report(year: int, *, rubric: Rubric | None = None) -> YearReport:
    credits = list(Credit.objects.published_in(year).with_scoring_facts())
    unsigned = (
        Article.objects.published().filter(issue__date__year=year, authorships__isnull=True).count()
    )
    rubric = rubric or Rubric.objects.for_year(year)
    pieces = _pieces(credits)
    return YearReport(
        year=year,
        rubric=rubric,
        pieces=pieces,
        groups=_groups(pieces),
        ranking=scoring.rank(pieces, rubric),
        unsigned_count=unsigned,
    )


def _pieces(credits) -> list[scoring.Piece]:
    """One Piece per article, its byline rebuilt from the credits (in print, then byline order)."""
    bylines: dict[int, list] = {}
    for credit in credits:
        bylines.setdefault(credit.article_id, []).append(credit)
    pieces = []
    for rows in bylines.values():
        article = rows[0].article
        pieces.append(
            scoring.Piece(
                article_id=article.pk,
                title=article.title,
                genre=article.genre,
                issue_date=article.issue.date,
                page=article.page,
                position=article.position,
                photos=rows[0].photo_count,
                zone=article.zone,
                authors=tuple(row.contributor for row in rows),
            )
        )
    return pieces


def _zone_order(zone: Zone | None):
    if zone is None:
        return (1, 0, "")
    city = City.values.index(zone.city) if zone.city in City.values else len(City.values)
    return (0, city, zone.official_name)


def _groups(pieces) -> list[ZoneGroup]:
    groups: dict[int | None, ZoneGroup] = {}
    people: dict[tuple, ContributorPieces] = {}
    for piece in pieces:
        for order, author in enumerate(piece.authors, start=1):
            zone = author.zone or piece.zone
            key = zone.pk if zone else None
            group = groups.setdefault(key, ZoneGroup(zone=zone))
            person = people.get((key, author.pk))
            if person is None:
                person = people[(key, author.pk)] = ContributorPieces(contributor=author)
                group.contributors.append(person)
            person.entries.append(
                Entry(piece=piece, order=order, by_article_zone=author.zone is None)
            )
    for group in groups.values():
        group.contributors.sort(
            key=lambda p: (-len(p.entries), p.contributor.name, p.contributor.pk)
        )
    return sorted(groups.values(), key=lambda group: _zone_order(group.zone))
