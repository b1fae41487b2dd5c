"""The public pages of figures: a zone's section, the comparison of zones, the downloads.
Only confirmed (or corrected) figures of published pieces are shown."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.core.cache import cache
from django.urls import reverse

from articles.models import Status
from indicators import services
from indicators.models import ExtractedFigure
from indicators.periods import Period
from tests.factories import make_article, make_editor, make_figure, make_issue, make_zone
from tests.roles import ROLES

pytestmark = pytest.mark.django_db


def zone_page(client, zone) -> str:
    response = client.get(reverse("reader:zone_detail", args=[zone.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_a_zone_page_shows_only_confirmed_figures_linked_to_their_sentence(client):
    zone = make_zone(official_name="朔州经济开发区")
    piece = make_article(zone=zone, title="财政开门红", issue=make_issue())
    make_figure(article=piece, value=599_900 * 10_000, review="已确认")
    make_figure(article=piece, indicator="税收收入", value=123_000_000, review="待核")
    make_figure(article=piece, indicator="工业投资", value=456_000_000, review="不采用")
    html = zone_page(client, zone)
    assert "经济指标" in html and "财政总收入" in html and "59.99亿元" in html
    assert "税收收入" not in html and "工业投资" not in html
    assert f"/articles/{piece.pk}/#:~:text=" in html  # each point and row: piece and sentence


def test_a_zone_page_without_confirmed_figures_has_no_section(client):
    zone = make_zone()
    make_figure(article=make_article(zone=zone, issue=make_issue()), review="待核")
    assert "经济指标" not in zone_page(client, zone)


def test_figures_of_a_withdrawn_piece_are_not_shown(client):
    zone = make_zone()
    make_figure(article=make_article(zone=zone, status=Status.WITHDRAWN))
    assert "经济指标" not in zone_page(client, zone)


def test_a_zone_page_draws_a_time_series_joining_like_periods_only(client):
    zone = make_zone()
    for start, end, value in [
        (datetime.date(2024, 1, 1), datetime.date(2024, 3, 31), 300_000_000),
        (datetime.date(2023, 1, 1), datetime.date(2023, 12, 31), 900_000_000),
        (datetime.date(2023, 1, 1), datetime.date(2023, 3, 31), 200_000_000),
    ]:
        make_figure(
            article=make_article(zone=zone, issue=make_issue()),
            period_label=Period(start, end).label,
            period_start=start,
            period_end=end,
            value=value,
        )
    html = zone_page(client, zone)
    assert html.count("<circle") == 3
    assert html.count("<polyline") == 1  # 2023年一季度 to 2024年一季度, not to 2023年
    assert html.index(">2023年一季度</text>") < html.index(">2023年</text>")
    assert html.index(">2023年</text>") < html.index(">2024年一季度</text>")


def test_the_zone_page_query_count_does_not_grow_with_figures(client, django_assert_num_queries):
    zone = make_zone()
    url = reverse("reader:zone_detail", args=[zone.pk])
    make_figure(article=make_article(zone=zone, issue=make_issue()))
    with django_assert_num_queries(6):
        client.get(url)
    for indicator in ["税收收入", "工业投资", "营业收入"]:
        make_figure(article=make_article(zone=zone, issue=make_issue()), indicator=indicator)
    with django_assert_num_queries(6):
        client.get(url)


def test_the_comparison_page_compares_zones_on_one_indicator_and_period(client):
    for name, value in [("甲经济开发区", 200_000_000), ("乙经济开发区", 800_000_000)]:
        make_figure(
            article=make_article(zone=make_zone(official_name=name), issue=make_issue()),
            value=value,
        )
    make_figure(
        article=make_article(zone=make_zone(official_name="丙经济开发区"), issue=make_issue()),
        period_label="2023年",
        period_start=datetime.date(2023, 1, 1),
        period_end=datetime.date(2023, 12, 31),
    )
    response = client.get(reverse("indicators:comparison"))  # the latest period first
    html = response.content.decode()
    assert "2024年一季度" in html and "甲经济开发区" in html and "乙经济开发区" in html
    assert html.index("乙经济开发区") < html.index("甲经济开发区")  # the largest first
    assert "丙经济开发区" not in html  # another period
    html = client.get(reverse("indicators:comparison"), {"period": "2023年"}).content.decode()
    assert "丙经济开发区" in html and "甲经济开发区" not in html


def test_the_comparison_page_gives_every_zone_in_one_unit(client):
    # 8.15亿元 beside 46,431万元 read as the smaller of the two (seen on a screenshot).
    for name, value in [("甲经济开发区", 815_000_000), ("乙经济开发区", 464_310_000)]:
        make_figure(
            article=make_article(zone=make_zone(official_name=name), issue=make_issue()),
            value=value,
        )
    html = client.get(reverse("indicators:comparison")).content.decode()
    assert "8.15亿元" in html and "4.64亿元" in html
    assert "万元" not in html


def test_the_comparison_page_with_nothing_confirmed_says_so(client):
    make_figure(review="待核")
    response = client.get(reverse("indicators:comparison"), {"indicator": "x", "period": "?"})
    assert response.status_code == 200 and "还没有核对公开任何数据" in response.content.decode()


def test_the_comparison_page_query_count(client, django_assert_num_queries):
    make_figure()
    with django_assert_num_queries(3):  # indicators, periods, figures
        client.get(reverse("indicators:comparison"))
    for _ in range(4):
        make_figure(article=make_article(zone=make_zone(), issue=make_issue()))
    with django_assert_num_queries(3):
        client.get(reverse("indicators:comparison"))


def test_the_csv_holds_confirmed_figures_with_their_source_and_no_formula(client):
    piece = make_article(
        title='=HYPERLINK("http://evil.example")', issue=make_issue(date=datetime.date(2024, 4, 16))
    )
    make_figure(article=piece)
    make_figure(article=piece, indicator="税收收入", review="待核")
    response = client.get(reverse("indicators:download_csv"))
    assert response["Content-Disposition"] == 'attachment; filename="figures.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:8] == [
        "开发区",
        "指标",
        "时期",
        "起始日期",
        "截止日期",
        "数值",
        "单位",
        "同比增减（%）",
    ]
    assert len(rows) == 2
    [row] = rows[1:]
    assert row[1:3] == ["财政总收入", "2024年一季度"] and row[5] == "500000000.00"
    assert row[8].startswith("'=HYPERLINK")


def test_the_xlsx_keeps_numbers_numbers_and_text_text(client):
    make_figure(article=make_article(title="=1+1", issue=make_issue()), change=-3.5)
    response = client.get(reverse("indicators:download_xlsx"))
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    row = [cell for cell in sheet[2]]
    assert row[5].value == 500_000_000 and row[7].value == -3.5
    assert row[8].value == "=1+1" and row[8].data_type == "s"


def test_the_xlsx_takes_a_zone_name_with_a_control_character(client):
    zone = make_zone(official_name="朔州\x0b经济开发区")  # pasted from a word processor
    make_figure(article=make_article(zone=zone, issue=make_issue()))
    response = client.get(reverse("indicators:download_xlsx"))
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert sheet["A2"].value == "朔州经济开发区"


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    "name", ["indicators:comparison", "indicators:download_csv", "indicators:download_xlsx"]
)
def test_the_public_pages_are_open_to_everybody(client, people, role, name):
    make_figure()
    if people[role]:
        client.force_login(people[role])
    assert client.get(reverse(name)).status_code == 200


@pytest.fixture
def page_cache(settings):
    settings.KFQ_PAGE_CACHE_SECONDS = 86400
    cache.clear()
    yield
    cache.clear()


def test_a_confirmation_reaches_the_cached_zone_page(
    client, page_cache, django_capture_on_commit_callbacks
):
    zone = make_zone()
    figure = make_figure(article=make_article(zone=zone, issue=make_issue()), review="待核")
    assert "经济指标" not in zone_page(client, zone)  # now cached without the section
    with django_capture_on_commit_callbacks(execute=True):
        services.confirm(figures=ExtractedFigure.objects.filter(pk=figure.pk), by=make_editor())
    assert "经济指标" in zone_page(client, zone)
