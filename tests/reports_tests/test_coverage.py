"""The coverage grid and the silent zones, on the archive of helpers.py (second quarter of 2025)."""

import datetime

import pytest
from django.urls import reverse

from reports import figures
from reports.coverage import coverage_of, heat
from reports.figures import DateBasis, ReportFilter
from tests.error_pages import FORBIDDEN_TEXT
from tests.factories import make_correspondent, make_editor, make_zone
from tests.roles import ROLES

from .helpers import QUARTER_END, QUARTER_START, local, second_quarter_archive, submitted_piece

pytestmark = pytest.mark.django_db

QUARTER = ReportFilter(QUARTER_START, QUARTER_END)
MID_JULY = datetime.date(2025, 7, 15)
URL_NAME = "admin:reports_editorialstatistics_coverage"
SECOND_QUARTER = {"period": "quarter", "year": "2025", "quarter": "2"}


@pytest.fixture
def archive():
    return second_quarter_archive()


def test_counts_per_zone_and_theme_by_either_date(archive):
    taiyuan, datong, theme = archive["taiyuan"].pk, archive["datong"].pk, archive["theme"].pk

    # Printed in the quarter: p1 (甲), p4 and p6 (乙, p6 on a theme).
    assert figures.coverage_counts(QUARTER, "theme", DateBasis.ISSUE) == {
        (taiyuan, None): 1,
        (datong, None): 1,
        (datong, theme): 1,
    }
    # Submitted in the quarter: p1, p2, p5 (甲), p3 (乙).
    assert figures.coverage_counts(QUARTER, "theme", DateBasis.SUBMITTED) == {
        (taiyuan, None): 3,
        (datong, None): 1,
    }


def test_counts_per_zone_and_month(archive):
    taiyuan, datong = archive["taiyuan"].pk, archive["datong"].pk

    assert figures.coverage_counts(QUARTER, "step", DateBasis.ISSUE) == {
        (datong, datetime.date(2025, 4, 1)): 1,
        (taiyuan, datetime.date(2025, 5, 1)): 1,
        (datong, datetime.date(2025, 6, 1)): 1,
    }
    assert figures.coverage_counts(QUARTER, "step", DateBasis.SUBMITTED) == {
        (taiyuan, datetime.date(2025, 4, 1)): 2,
        (datong, datetime.date(2025, 5, 1)): 1,
        (taiyuan, datetime.date(2025, 6, 1)): 1,
    }


def test_the_grid_has_every_zone_theme_and_month_and_shades_by_count(archive):
    coverage = coverage_of(QUARTER, basis=DateBasis.SUBMITTED, silent_months=1, today=MID_JULY)

    assert coverage.by_theme.columns == ["营商环境", "未选主题"]
    assert [(row.zone, [c.pieces for c in row.cells]) for row in coverage.by_theme.rows] == [
        ("甲经开区", [0, 3]),
        ("乙经开区", [0, 1]),
    ]
    assert coverage.by_month.columns == ["2025年4月", "2025年5月", "2025年6月"]
    taiyuan_row = coverage.by_month.rows[0]
    assert [(c.pieces, c.heat) for c in taiyuan_row.cells] == [(2, 5), (0, 0), (1, 2)]
    assert taiyuan_row.total == 3


def test_heat_shows_any_piece_and_darkest_for_the_busiest():
    assert [heat(n, 100) for n in (0, 1, 50, 100)] == [0, 1, 2, 5]


def test_silent_zones_with_their_correspondents(archive):
    never = make_zone(official_name="丙经济开发区", short_name="丙开发区")
    make_correspondent("datong_corr", zone=archive["datong"], name="乙区通讯员")

    year_so_far = ReportFilter(QUARTER_START, datetime.date(2025, 12, 31))
    silent = figures.silent_zones(year_so_far, months=1, today=MID_JULY)

    # The year runs on, so silence counts back from today, 15 July: 甲 sent p5 on 28 June;
    # 乙's last piece was printed on 5 June, before 15 June.
    assert [(s.zone, s.last_sent) for s in silent] == [
        (never, None),
        (archive["datong"], datetime.date(2025, 6, 5)),
    ]
    # 乙作者 has no login: only the correspondent is listed.
    assert [person.name for person in silent[1].correspondents] == ["乙区通讯员"]
    assert figures.silent_zones(year_so_far, months=6, today=MID_JULY) == [silent[0]]


def test_silence_counts_back_from_the_end_of_a_past_period(archive):
    # A month back from 30 June: 乙's piece printed on 5 June counts, whatever today is.
    silent = figures.silent_zones(QUARTER, months=1, today=datetime.date(2026, 11, 29))

    assert silent == []
    assert figures.silent_as_of(QUARTER, datetime.date(2026, 11, 29)) == QUARTER_END
    assert figures.silent_as_of(QUARTER, MID_JULY.replace(month=5)) == MID_JULY.replace(month=5)


def test_a_zone_not_yet_confirmed_shows_in_the_grid_when_it_sent_pieces(archive):
    found = make_zone(official_name="导入时发现的开发区", short_name="新发现区", confirmed=False)
    make_zone(official_name="另一个未核实的开发区", confirmed=False)
    submitted_piece(submitted_at=local(2025, 5, 20), zone=found)

    coverage = coverage_of(QUARTER, basis=DateBasis.SUBMITTED, silent_months=1, today=MID_JULY)

    shown = [row.zone for row in coverage.by_theme.rows]
    assert "新发现区" in shown and "另一个未核实的开发区" not in shown


def test_months_before_keeps_the_day_within_the_month():
    assert figures.months_before(datetime.date(2025, 5, 31), 3) == datetime.date(2025, 2, 28)
    assert figures.months_before(datetime.date(2025, 1, 15), 1) == datetime.date(2024, 12, 15)


@pytest.mark.parametrize("role", ROLES)
def test_editors_only(client, people, role):
    if people[role]:
        client.force_login(people[role])

    response = client.get(reverse(URL_NAME), SECOND_QUARTER)

    if role in ("anonymous", "correspondent"):
        assert response.status_code == 302 and response.url.startswith(reverse("admin:login"))
    elif role == "staff":
        assert response.status_code == 403 and FORBIDDEN_TEXT in response.content.decode()
    else:
        assert response.status_code == 200 and "开发区 × 征稿主题" in response.content.decode()


def test_the_page_shows_grids_and_whom_to_ask(client, archive, django_assert_num_queries):
    client.force_login(make_editor())
    make_correspondent("datong_corr", zone=archive["datong"], name="乙区通讯员", email="yi@kfq.cn")
    query = {**SECOND_QUARTER, "silent_months": "36"}

    # session, user, 编辑 group (3); zones, themes, two grids (4); silent zones (1; their
    # correspondents are one more when any is silent); the app list's permissions (2); the
    # form's zone and theme choices (2)
    with django_assert_num_queries(12):
        html = client.get(reverse(URL_NAME), query).content.decode()

    assert '<td class="num heat-5">1</td>' in html
    assert html.count("按出版日期（刊期日期）统计；颜色越深，稿件越多。") == 2
    assert "36个月以上没有来稿的开发区（0个）" in html

    # A month back from 31 July: 甲 has sent nothing since 28 June, 乙 since 5 June.
    april_to_july = {"period": "custom", "start": "2025-04-01", "end": "2025-07-31"}
    with django_assert_num_queries(13):
        html = client.get(reverse(URL_NAME), {**april_to_july, "silent_months": "1"})
    html = html.content.decode()
    assert "截至2025年7月31日，1个月以上没有来稿的开发区（2个）" in html
    assert '乙区通讯员，邮箱 <a href="mailto:yi@kfq.cn">yi@kfq.cn</a>' in html
    assert "<td>2025年6月28日</td>" in html and "尚无通讯员账号" in html  # 甲's last piece
