"""The statistics page in the admin: who may open it, what it shows for a filter, and its
fixed number of queries."""

import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from articles.models import Status
from tests.error_pages import FORBIDDEN_TEXT
from tests.factories import make_article, make_contributor, make_editor, make_issue
from tests.roles import ROLES

from .helpers import local, second_quarter_archive, submitted_piece

pytestmark = pytest.mark.django_db

URL_NAME = "admin:reports_editorialstatistics_changelist"
SECOND_QUARTER = {"period": "quarter", "year": "2025", "quarter": "2"}
ADMIN_LOGIN, FORBIDDEN, OK = "admin_login", 403, 200
EXPECTED = dict(zip(ROLES, [ADMIN_LOGIN, ADMIN_LOGIN, FORBIDDEN, OK, OK], strict=True))


XLSX_URL_NAME = "admin:reports_editorialstatistics_xlsx"


@pytest.mark.parametrize("url_name", [URL_NAME, XLSX_URL_NAME])
@pytest.mark.parametrize("role", ROLES)
def test_editors_only(client, people, role, url_name):
    if people[role]:
        client.force_login(people[role])

    response = client.get(reverse(url_name), SECOND_QUARTER)

    want = EXPECTED[role]
    if want == ADMIN_LOGIN:
        assert response.status_code == 302 and response.url.startswith(reverse("admin:login"))
    else:
        assert response.status_code == want
    if want == FORBIDDEN:
        assert FORBIDDEN_TEXT in response.content.decode()
    if want == OK and url_name == URL_NAME:
        assert "各环节稿件数" in response.content.decode()
    if want == OK and url_name == XLSX_URL_NAME:
        assert response["Content-Type"].startswith("application/vnd.openxmlformats")


def test_the_admin_index_lists_the_page_for_editors_only(client, people):
    client.force_login(people["staff"])
    assert "采编统计" not in client.get(reverse("admin:index")).content.decode()
    client.force_login(people["editor"])
    assert "采编统计" in client.get(reverse("admin:index")).content.decode()


@pytest.fixture
def editor_client(client):
    client.force_login(make_editor())
    return client


def test_a_quarter_of_one_city(editor_client):
    second_quarter_archive()

    html = editor_client.get(reverse(URL_NAME), {**SECOND_QUARTER, "city": "太原"}).content.decode()

    assert "统计期：2025年4月1日至2025年6月30日" in html
    # The tables next to the charts: 投稿 3 (p1, p2, p5), 录用率 1 of 2 decided.
    assert '<th scope="row">投稿</th><td class="num">3</td><td>按投稿日期统计</td>' in html
    assert "50.0%" in html
    assert '<th scope="row">甲经开区</th><td class="num">3</td><td class="num">1</td>' in html
    assert '<th scope="row">乙经开区</th>' not in html  # another city's zone
    # 乙作者 of 大同 co-wrote p2, a piece of 甲经开区: counted, with their own zone named.
    assert '乙作者<span class="row-note">（乙经开区）</span></th><td class="num">1</td>' in html
    # Each chart says which date it counts by, and its labels are the Chinese ones.
    assert html.count("投稿数按投稿日期统计；刊发数按出版日期（刊期日期）统计。") == 6
    assert "<svg" in html and ">甲经开区</text>" in html and ">2025年4月</text>" in html


def test_without_a_query_the_current_year(editor_client):
    year = datetime.date.today().year

    html = editor_client.get(reverse(URL_NAME)).content.decode()

    assert f"统计期：{year}年1月1日至{year}年12月31日" in html


@pytest.mark.parametrize(
    ("query", "error"),
    [
        ({"period": "custom", "start": "2025-04-01"}, "自定义统计期须填写起始日期和截止日期。"),
        (
            {"period": "custom", "start": "2025-05-01", "end": "2025-04-01"},
            "起始日期不能晚于截止日期。",
        ),
        ({"period": "quarter", "year": "2025"}, "请选择季度。"),
        ({"period": "month", "year": ""}, "请填写年份。"),
    ],
)
def test_a_wrong_filter_is_explained_and_counts_nothing(editor_client, query, error):
    html = editor_client.get(reverse(URL_NAME), query).content.decode()

    assert error in html and "各环节稿件数" not in html


def test_a_custom_period(editor_client):
    second_quarter_archive()

    html = editor_client.get(
        reverse(URL_NAME), {"period": "custom", "start": "2025-04-01", "end": "2025-04-30"}
    ).content.decode()

    assert '<th scope="row">投稿</th><td class="num">2</td>' in html  # p1, p2


def grow(times: int):
    """More pieces, authors, zones, issues and decisions in the second quarter of 2025."""
    for n in range(times):
        submitted_piece(
            submitted_at=local(2025, 4, 2 + n),
            moves=[(Status.ACCEPTED, local(2025, 5, 2 + n))],
            authors=[make_contributor(), make_contributor()],
            issue=make_issue(date=datetime.date(2025, 6, 10) + datetime.timedelta(days=n)),
            status=Status.PUBLISHED,
        )
        make_article(status=Status.SUBMITTED)


def test_query_count_is_pinned_and_does_not_grow(editor_client, django_assert_num_queries):
    second_quarter_archive()
    url = reverse(URL_NAME)
    # session, user, the 编辑 group check (3), the app list's permissions (2), the filter's
    # zone and theme choices (2), the stages (2), the six breakdowns (7: months take two)
    # and the turnaround (2).
    with django_assert_num_queries(18):
        small = editor_client.get(url, SECOND_QUARTER)
    grow(12)
    with django_assert_num_queries(18):
        large = editor_client.get(url, SECOND_QUARTER)
    assert small.status_code == large.status_code == 200
    assert '<th scope="row">刊发</th><td class="num">15</td>' in large.content.decode()


def test_the_years_running_scores_are_one_click_away(editor_client):
    year = datetime.date.today().year

    html = editor_client.get(reverse(URL_NAME)).content.decode()

    assert (
        f'href="{reverse("admin:awards_credit_changelist")}?year={year}">年度积分排名（实时）'
        in html
    )


def test_the_xlsx_has_every_table_with_every_row_and_no_formula(editor_client):
    second_quarter_archive()
    issue = make_issue(date=datetime.date(2025, 6, 19))
    for number in range(55):
        make_article(issue=issue, authors=[make_contributor(name=f"作者{number:02}")])
    make_article(issue=issue, authors=[make_contributor(name='=HYPERLINK("http://x")')])

    response = editor_client.get(reverse(XLSX_URL_NAME), SECOND_QUARTER)

    assert "attachment" in response["Content-Disposition"]
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == [
        "各环节稿件数",
        "处理周期",
        "按月",
        "按市",
        "按开发区",
        "按作者（通讯员）",
        "按体裁",
        "按征稿主题",
    ]
    stages = list(workbook["各环节稿件数"].iter_rows(min_row=4, values_only=True))
    assert stages[0] == ("投稿", 4, "按投稿日期统计")
    assert stages[-1][:2] == ("录用率（%）", 66.7)
    authors = list(workbook["按作者（通讯员）"].iter_rows(min_row=5, values_only=True))
    assert len(authors) == 2 + 56  # the archive's two authors, and the 56 above
    assert ('=HYPERLINK("http://x")', None, 0, 1) in authors
    for sheet in workbook:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{sheet.title}!{cell.coordinate}"


def test_a_long_table_shows_its_first_rows_and_says_where_the_rest_are(editor_client):
    issue = make_issue(date=datetime.date(2025, 6, 19))
    for number in range(53):
        make_article(issue=issue, authors=[make_contributor(name=f"作者{number:02}")])

    html = editor_client.get(reverse(URL_NAME), SECOND_QUARTER).content.decode()

    assert "表中列出前 50 行，另有 3 行见导出的表格（XLSX）。" in html
    assert "作者49" in html and "作者50" not in html
