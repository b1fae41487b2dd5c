"""The 用稿通报: the zones' and authors' ranking worked out by hand, its page, and its XLSX
opened with openpyxl."""

import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from reports import figures
from reports.bulletin import bulletin_of
from reports.figures import ReportFilter, Usage, ranked
from tests.error_pages import FORBIDDEN_TEXT
from tests.factories import make_article, make_contributor, make_editor, make_issue, make_zone
from tests.roles import ROLES

from .helpers import QUARTER_END, QUARTER_START, used_archive

pytestmark = pytest.mark.django_db

QUARTER = ReportFilter(QUARTER_START, QUARTER_END)
SECOND_QUARTER = {"period": "quarter", "year": "2025", "quarter": "2"}
PAGE, XLSX = (
    "admin:reports_editorialstatistics_bulletin",
    "admin:reports_editorialstatistics_bulletin_xlsx",
)


def test_zones_ranked_by_pieces_then_leads_then_photos():
    used_archive()

    assert figures.zone_usage(QUARTER) == [
        Usage("甲经开区", "太原市", 2, 2, photos=2, by_genre=(1, 1, 0, 0, 0, 0), rank=1),
        Usage("乙经开区", "大同市", 2, 1, photos=1, by_genre=(2, 0, 0, 0, 0, 0), rank=2),
        Usage("丙经开区", "大同市", 2, 0, photos=3, by_genre=(1, 0, 0, 0, 1, 0), rank=3),
    ]


def test_authors_with_the_most_pieces_used_and_everyone_tied_with_the_last():
    used_archive()

    everyone = figures.author_usage(QUARTER)
    assert [(u.rank, u.name, u.pieces, u.leads) for u in everyone] == [
        (1, "甲", 2, 2),
        (2, "乙", 2, 1),  # a2 with 甲, b1 alone
        (3, "丙", 1, 1),
        (4, "丁", 1, 0),
        (4, "戊", 1, 0),
    ]
    assert [u.name for u in figures.author_usage(QUARTER, most=4)] == ["甲", "乙", "丙", "丁", "戊"]
    assert [u.name for u in figures.author_usage(QUARTER, most=3)] == ["甲", "乙", "丙"]


def test_equal_figures_share_a_rank():
    usages = [Usage(name, "", pieces, 0) for name, pieces in [("丙", 1), ("甲", 3), ("乙", 3)]]

    assert [(u.name, u.rank) for u in ranked(usages)] == [("乙", 1), ("甲", 1), ("丙", 3)]


def test_the_total_and_the_title():
    used_archive()

    bulletin = bulletin_of(QUARTER)

    total = bulletin.total
    assert (total.pieces, total.leads, total.photos) == (6, 3, 6)
    assert total.by_genre == (4, 1, 0, 0, 1, 0)
    assert bulletin.title == "《开发区建设》周刊用稿通报（2025年第二季度）"


@pytest.mark.parametrize(
    ("start", "end", "label"),
    [
        ((2025, 4, 1), (2025, 4, 30), "2025年4月"),
        ((2025, 10, 1), (2025, 12, 31), "2025年第四季度"),
        ((2025, 1, 1), (2025, 12, 31), "2025年"),
        ((2025, 4, 2), (2025, 4, 30), "2025年4月2日至2025年4月30日"),
        ((2025, 2, 1), (2025, 3, 31), "2025年2月1日至2025年3月31日"),
    ],
)
def test_period_labels(start, end, label):
    assert ReportFilter(datetime.date(*start), datetime.date(*end)).period_label == label


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("url_name", [PAGE, XLSX])
def test_editors_only(client, people, role, url_name):
    if people[role]:
        client.force_login(people[role])

    response = client.get(reverse(url_name), SECOND_QUARTER)

    if role in ("anonymous", "correspondent"):
        assert response.status_code == 302 and response.url.startswith(reverse("admin:login"))
    elif role == "staff":
        assert response.status_code == 403 and FORBIDDEN_TEXT in response.content.decode()
    else:
        assert response.status_code == 200


@pytest.fixture
def editor_client(client):
    client.force_login(make_editor())
    return client


def test_the_printable_page(editor_client, django_assert_num_queries):
    used_archive()

    # session, user, 编辑 group (3); zones, their photos, authors (3); whether it is on the
    # public site (1); the app list's permissions (2); the form's zone and theme choices (2)
    with django_assert_num_queries(11):
        html = editor_client.get(reverse(PAGE), SECOND_QUARTER).content.decode()

    assert "《开发区建设》周刊用稿通报（2025年第二季度）" in html
    assert (
        '<td class="num">1</td><th scope="row">甲经开区</th><td>太原市</td><td class="num">2</td>'
        in html
    )
    assert "统计范围：出版日期在2025年第二季度内的已刊发稿件" in html
    assert "bulletin.xlsx?period=quarter&amp;year=2025&amp;quarter=2" in html


def test_the_xlsx_holds_values_and_no_formula(editor_client):
    used_archive()
    make_article(
        zone=make_zone(short_name='=HYPERLINK("http://x")'),
        issue=make_issue(date=datetime.date(2025, 6, 12)),
        authors=[make_contributor(name="+1")],
    )

    response = editor_client.get(reverse(XLSX), SECOND_QUARTER)

    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in response["Content-Disposition"]
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["开发区用稿排名", "用稿较多的作者"]
    zones = [row for row in workbook["开发区用稿排名"].iter_rows(values_only=True)]
    assert zones[0] == ("《开发区建设》周刊用稿通报（2025年第二季度）",) + (None,) * 11
    assert zones[2] == (
        "名次",
        "开发区",
        "所在市",
        "用稿篇数",
        "消息",
        "通讯",
        "评论",
        "综述",
        "图片新闻",
        "其他",
        "头条",
        "图片",
    )
    assert zones[3] == (1, "甲经开区", "太原市", 2, 1, 1, 0, 0, 0, 0, 2, 2)
    assert zones[-1] == (None, "合计", None, 7, 5, 1, 0, 0, 1, 0, 3, 6)
    assert '=HYPERLINK("http://x")' in [row[1] for row in zones]
    authors = list(workbook["用稿较多的作者"].iter_rows(min_row=4, values_only=True))
    assert authors[0] == (1, "甲", None, 2, 2)
    for sheet in workbook:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", cell.coordinate


def test_a_wrong_period_downloads_nothing(editor_client):
    response = editor_client.get(reverse(XLSX), {"period": "quarter", "year": "2025"})

    assert response.status_code == 200 and "请选择季度。" in response.content.decode()


def test_a_control_character_in_a_name_does_not_break_the_downloads(editor_client):
    # Zone and theme names have no check against control characters (a name pasted from a
    # word processor may carry one), and openpyxl refuses to write them.
    zone = make_zone(official_name="控制\x01字符经济技术开发区", short_name="控制\x0b区")
    make_article(
        zone=zone,
        issue=make_issue(date=datetime.date(2025, 5, 8)),
        authors=[make_contributor(name="作者\x03", zone=zone)],
    )

    for url_name in (XLSX, "admin:reports_editorialstatistics_xlsx"):
        response = editor_client.get(reverse(url_name), SECOND_QUARTER)

        assert response.status_code == 200
        workbook = load_workbook(io.BytesIO(response.content))
        texts = {cell for sheet in workbook for row in sheet.values for cell in row}
        assert "控制区" in texts and "作者" in texts
