"""Small archives, built by hand, whose figures for the second quarter of 2025 are worked out
in the tests' comments: one of submissions and decisions, one of pieces used."""

import datetime
from zoneinfo import ZoneInfo

from articles.models import ArticleTransition, Genre, Status
from tests.factories import make_article, make_contributor, make_issue, make_theme, make_zone
from zones.models import City

SHANGHAI = ZoneInfo("Asia/Shanghai")
QUARTER_START, QUARTER_END = datetime.date(2025, 4, 1), datetime.date(2025, 6, 30)


def local(year, month, day, hour=10, minute=0) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, minute, tzinfo=SHANGHAI)


def submitted_piece(*, submitted_at, moves=(), **fields):
    """A piece first submitted at `submitted_at` that then made `moves`: (status, moment)."""
    article = make_article(**fields)
    type(article).objects.filter(pk=article.pk).update(submitted_at=submitted_at)
    previous = Status.SUBMITTED
    for to, at in moves:
        move = ArticleTransition.objects.create(article=article, from_status=previous, to_status=to)
        # `at` is written by auto_now_add; the archive needs it in the past.
        ArticleTransition.objects.filter(pk=move.pk).update(at=at)
        previous = to
    return article


def second_quarter_archive() -> dict:
    """Two zones in two cities, two authors, seven pieces around the second quarter of 2025."""
    taiyuan = make_zone(
        official_name="太原甲经济技术开发区", short_name="甲经开区", city=City.TAIYUAN
    )
    datong = make_zone(
        official_name="大同乙经济技术开发区", short_name="乙经开区", city=City.DATONG
    )
    jia = make_contributor(name="甲作者", zone=taiyuan)
    yi = make_contributor(name="乙作者", zone=datong)
    theme = make_theme(name="营商环境")
    may, june, april = (
        make_issue(date=datetime.date(2025, 5, 8)),
        make_issue(date=datetime.date(2025, 6, 5)),
        make_issue(date=datetime.date(2025, 4, 17)),
    )
    pieces = {
        # Sent back, accepted, printed in May.
        "p1": submitted_piece(
            submitted_at=local(2025, 4, 2),
            moves=[(Status.REVISION, local(2025, 4, 5)), (Status.ACCEPTED, local(2025, 4, 20))],
            zone=taiyuan,
            authors=[jia],
            issue=may,
            status=Status.PUBLISHED,
        ),
        # Co-written, rejected.
        "p2": submitted_piece(
            submitted_at=local(2025, 4, 10),
            moves=[(Status.REJECTED, local(2025, 4, 12))],
            zone=taiyuan,
            authors=[jia, yi],
            genre=Genre.FEATURE,
            status=Status.REJECTED,
        ),
        # Still in review.
        "p3": submitted_piece(
            submitted_at=local(2025, 5, 1),
            moves=[(Status.IN_REVIEW, local(2025, 5, 2))],
            zone=datong,
            authors=[yi],
            status=Status.IN_REVIEW,
        ),
        # Submitted in March, accepted in April, printed in June.
        "p4": submitted_piece(
            submitted_at=local(2025, 3, 25),
            moves=[(Status.ACCEPTED, local(2025, 4, 3))],
            zone=datong,
            issue=june,
            status=Status.PUBLISHED,
        ),
        # Submitted in June, withdrawn in July: after the quarter.
        "p5": submitted_piece(
            submitted_at=local(2025, 6, 28),
            moves=[(Status.WITHDRAWN, local(2025, 7, 2))],
            zone=taiyuan,
            status=Status.WITHDRAWN,
        ),
        # Imported from the printed archive: never submitted online.
        "p6": make_article(zone=datong, issue=april, theme=theme, status=Status.PUBLISHED),
        # Wholly before the quarter.
        "p7": submitted_piece(
            submitted_at=local(2025, 1, 10),
            moves=[(Status.ACCEPTED, local(2025, 1, 20))],
            zone=taiyuan,
            issue=make_issue(date=datetime.date(2025, 2, 6)),
            status=Status.PUBLISHED,
        ),
    }
    return {"taiyuan": taiyuan, "datong": datong, "jia": jia, "yi": yi, "theme": theme, **pieces}


def used_archive():
    """Three zones with two pieces each used in the quarter; one piece after it, one accepted
    but not yet printed."""
    a = make_zone(official_name="甲经济技术开发区", short_name="甲经开区", city=City.TAIYUAN)
    b = make_zone(official_name="乙经济技术开发区", short_name="乙经开区", city=City.DATONG)
    c = make_zone(official_name="丙经济技术开发区", short_name="丙经开区", city=City.DATONG)
    jia, yi, bing, ding, wu = (make_contributor(name=name) for name in "甲乙丙丁戊")
    april = make_issue(date=datetime.date(2025, 4, 10))
    may = make_issue(date=datetime.date(2025, 5, 15))
    july = make_issue(date=datetime.date(2025, 7, 3))

    def used(zone, issue, page, position, genre=Genre.NEWS, photos=0, authors=()):
        make_article(
            zone=zone,
            issue=issue,
            page=page,
            position=position,
            genre=genre,
            photos=photos,
            authors=authors,
        )

    used(a, april, 1, 1, photos=2, authors=[jia])  # lead
    used(a, april, 2, 1, genre=Genre.FEATURE, authors=[jia, yi])  # lead, co-written
    used(b, may, 1, 2, photos=1, authors=[yi])
    used(b, may, 3, 1, authors=[bing])  # lead
    used(c, may, 2, 2, authors=[ding])
    used(c, may, 4, 3, genre=Genre.PHOTO_NEWS, photos=3, authors=[wu])
    used(c, july, 1, 1, authors=[ding])  # after the quarter
    make_article(zone=c, issue=may, page=5, position=1, status=Status.ACCEPTED, authors=[ding])
    return {"a": a, "b": b, "c": c}
