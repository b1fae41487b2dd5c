"""The figures of reports.figures, worked out by hand on the archive of helpers.py for the second
quarter of 2025 (1 April – 30 June)."""

import datetime
from collections import Counter

import pytest

from articles.models import Genre, Status
from reports import figures
from reports.figures import DateBasis, ReportFilter, Row
from tests.factories import make_article, make_issue

from .helpers import QUARTER_END, QUARTER_START, local, second_quarter_archive, submitted_piece

pytestmark = pytest.mark.django_db

QUARTER = ReportFilter(QUARTER_START, QUARTER_END)


@pytest.fixture
def archive():
    return second_quarter_archive()


def test_each_stage_counts_by_its_own_date(archive):
    counts = figures.stage_counts(QUARTER)

    assert counts.submitted == 4  # p1, p2, p3, p5 (p4 came in March)
    assert counts.in_review == 1  # p3 (p5, withdrawn since, no longer waits)
    assert counts.sent_back == 1  # p1
    assert counts.accepted == 2  # p1, and p4 accepted in April though submitted in March
    assert counts.rejected == 1  # p2
    assert counts.withdrawn == 0  # p5 was withdrawn in July
    assert counts.published == 3  # p1 (May), p4 (June), p6 (April, imported)
    assert counts.acceptance_rate == pytest.approx(2 / 3)
    assert [(figure.label, figure.basis) for figure in counts.figures()] == [
        ("投稿", DateBasis.SUBMITTED),
        ("待审", DateBasis.SUBMITTED),
        ("退修", DateBasis.DECIDED),
        ("录用", DateBasis.DECIDED),
        ("不予采用", DateBasis.DECIDED),
        ("撤回", DateBasis.DECIDED),
        ("刊发", DateBasis.ISSUE),
    ]


def test_a_city_counts_only_its_zones_pieces(archive):
    counts = figures.stage_counts(ReportFilter(QUARTER_START, QUARTER_END, city="太原"))

    assert (counts.submitted, counts.sent_back, counts.accepted, counts.rejected) == (3, 1, 1, 1)
    assert counts.published == 1  # p1
    assert counts.acceptance_rate == pytest.approx(1 / 2)


def test_zone_genre_and_theme_filters(archive):
    datong = ReportFilter(QUARTER_START, QUARTER_END, zone_id=archive["datong"].pk)
    features = ReportFilter(QUARTER_START, QUARTER_END, genre=Genre.FEATURE)
    themed = ReportFilter(QUARTER_START, QUARTER_END, theme_id=archive["theme"].pk)

    assert (figures.stage_counts(datong).submitted, figures.stage_counts(datong).published) == (
        1,
        2,
    )
    assert figures.stage_counts(features).rejected == 1
    assert figures.stage_counts(themed).published == 1


def test_a_period_without_decisions_has_no_acceptance_rate():
    assert figures.stage_counts(QUARTER).acceptance_rate is None


def test_days_are_counted_in_the_sites_time_zone():
    # 23:30 on 31 March in Shanghai is still March there, though April began in UTC earlier.
    submitted_piece(submitted_at=local(2025, 3, 31, 23, 30), status=Status.SUBMITTED)
    submitted_piece(submitted_at=local(2025, 4, 1, 0, 30), status=Status.SUBMITTED)

    assert figures.stage_counts(QUARTER).submitted == 1


def test_breakdowns_by_zone_city_author_genre_and_theme(archive):
    assert figures.by_zone(QUARTER).rows == [Row("乙经开区", 1, 2), Row("甲经开区", 3, 1)]
    assert figures.by_city(QUARTER).rows == [Row("大同市", 1, 2), Row("太原市", 3, 1)]
    # p2 is co-written: both its authors count it.
    assert figures.by_author(QUARTER).rows == [
        Row("甲作者", 2, 1, note="甲经开区"),
        Row("乙作者", 2, 0, note="乙经开区"),
    ]
    assert figures.by_genre(QUARTER).rows == [Row("消息", 3, 3), Row("通讯", 1, 0)]
    assert figures.by_theme(QUARTER).rows == [Row("未选主题", 4, 2), Row("营商环境", 0, 1)]


def test_the_months_of_the_period_in_order_each_by_its_own_date(archive):
    assert figures.by_month(QUARTER).rows == [
        Row("2025年4月", 2, 1),  # p1, p2 submitted; p6 printed
        Row("2025年5月", 1, 1),  # p3 submitted; p1 printed
        Row("2025年6月", 1, 1),  # p5 submitted; p4 printed
    ]


def test_turnaround_median_and_90th_percentile(archive):
    to_decision, to_print = figures.turnaround(QUARTER)

    # First decisions in the quarter: p2 after 2 days, p1 after 3 (sent back), p4 after 9.
    assert (to_decision.pieces, to_decision.median, to_decision.percentile_90) == (3, 3, 9)
    assert to_decision.basis == DateBasis.DECIDED
    # Printed in the quarter, having been submitted: p1 after 36 days, p4 after 72 (p6 was
    # never submitted online).
    assert (to_print.pieces, to_print.median, to_print.percentile_90) == (2, 54, 72)
    assert to_print.basis == DateBasis.ISSUE


def test_turnaround_of_an_empty_period():
    to_decision, to_print = figures.turnaround(QUARTER)

    assert (to_decision.pieces, to_decision.median, to_decision.percentile_90) == (0, None, None)
    assert to_print.pieces == 0


def test_percentile_by_nearest_rank():
    ten_pieces = figures.Turnaround.of("t", DateBasis.ISSUE, Counter(range(1, 11)))
    eleven = figures.Turnaround.of("t", DateBasis.ISSUE, Counter(range(1, 12)))

    assert (ten_pieces.median, ten_pieces.percentile_90) == (5.5, 9)
    assert (eleven.median, eleven.percentile_90) == (6, 10)


def test_median_and_percentile_from_counts_of_equal_waits():
    # Seven pieces: 2, 2, 2, 2, 3, 9, 9 days.
    waits = figures.Turnaround.of("t", DateBasis.ISSUE, {9: 2, 2: 4, 3: 1})

    assert (waits.pieces, waits.median, waits.percentile_90) == (7, 2, 9)
    even = figures.Turnaround.of("t", DateBasis.ISSUE, {1: 2, 4: 2})
    assert even.median == 2.5


def test_months_between_covers_partial_months():
    assert figures.months_between(datetime.date(2024, 11, 15), datetime.date(2025, 1, 3)) == [
        datetime.date(2024, 11, 1),
        datetime.date(2024, 12, 1),
        datetime.date(2025, 1, 1),
    ]


def test_a_piece_without_a_zone_is_counted_under_its_own_label():
    make_article(zone=None, status=Status.SUBMITTED)
    submitted_piece(submitted_at=local(2025, 4, 3), zone=None, status=Status.SUBMITTED)

    assert figures.by_zone(QUARTER).rows == [Row("未标开发区", 1, 0)]
    assert figures.by_city(QUARTER).rows == [Row("未标市", 1, 0)]


def test_a_long_period_is_a_series_of_years_from_the_first_with_pieces(archive):
    since_1900 = ReportFilter(datetime.date(1900, 1, 1), datetime.date(2026, 6, 30))

    series = figures.by_month(since_1900)

    assert (series.title, series.column) == ("按年", "年份")
    # All six pieces submitted online came in 2025, and p1, p4, p6, p7 were printed then;
    # 2026 has nothing.
    assert series.rows == [Row("2025年", 6, 4), Row("2026年", 0, 0)]


def test_periods_count_by_the_moment_in_the_sites_time_zone():
    first, after = QUARTER.moments()

    assert (first.isoformat(), after.isoformat()) == (
        "2025-04-01T00:00:00+08:00",
        "2025-07-01T00:00:00+08:00",
    )


def test_turnaround_counts_calendar_days_in_beijing_time():
    # 23:50 and 00:10 the next morning in Beijing are the same day in UTC (15:50 and 16:10).
    issue = make_issue(date=datetime.date(2025, 4, 3))
    submitted_piece(
        submitted_at=local(2025, 4, 1, 23, 50),
        moves=[(Status.ACCEPTED, local(2025, 4, 2, 0, 10))],
        issue=issue,
        status=Status.PUBLISHED,
    )

    to_decision, to_print = figures.turnaround(QUARTER)

    assert (to_decision.pieces, to_decision.median) == (1, 1)
    assert (to_print.pieces, to_print.median) == (1, 2)


def test_taking_a_piece_out_of_an_issue_is_not_another_acceptance():
    # Accepted in March, scheduled into an issue, then taken out of it (撤出该期) in April: the
    # move back to 已录用 is the desk's, not a decision on the piece.
    submitted_piece(
        submitted_at=local(2025, 3, 1),
        moves=[
            (Status.ACCEPTED, local(2025, 3, 10)),
            (Status.SCHEDULED, local(2025, 3, 20)),
            (Status.ACCEPTED, local(2025, 4, 8)),
        ],
        status=Status.ACCEPTED,
    )
    submitted_piece(
        submitted_at=local(2025, 4, 1),
        moves=[(Status.REJECTED, local(2025, 4, 9))],
        status=Status.REJECTED,
    )

    counts = figures.stage_counts(QUARTER)

    assert (counts.accepted, counts.rejected) == (0, 1)
    assert counts.acceptance_rate == 0


def test_a_piece_not_yet_opened_waits_for_an_editor_too():
    submitted_piece(submitted_at=local(2025, 5, 3), status=Status.SUBMITTED)
    submitted_piece(submitted_at=local(2025, 5, 4), status=Status.FIRST_PASSED)

    assert figures.stage_counts(QUARTER).in_review == 2


def test_taking_a_piece_out_of_an_issue_does_not_end_its_wait_for_a_decision():
    # A piece scheduled with no acceptance on record (as pieces moved by hand once were), then
    # taken out of the issue: no editor decided anything.
    submitted_piece(
        submitted_at=local(2025, 4, 1),
        moves=[(Status.SCHEDULED, local(2025, 4, 5)), (Status.ACCEPTED, local(2025, 4, 8))],
        status=Status.ACCEPTED,
    )

    to_decision, _ = figures.turnaround(QUARTER)

    assert to_decision.pieces == 0
