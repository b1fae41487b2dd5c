"""The issues: years of the archive, one year's issues, one issue's table of contents."""

import datetime

import pytest
from django.urls import reverse

from tests.error_pages import is_not_found_page
from tests.factories import make_article, make_contributor, make_issue, make_zone

pytestmark = pytest.mark.django_db


def test_issue_list_shows_every_year_newest_first_and_the_latest_years_issues(client):
    for day in (datetime.date(2023, 5, 23), datetime.date(2024, 3, 5), datetime.date(2024, 4, 16)):
        make_article(issue=make_issue(date=day), page=1, position=1)

    response = client.get(reverse("reader:issue_list"))

    assert response.status_code == 200
    assert [row["year"] for row in response.context["years"]] == [2024, 2023]
    assert [row["issues"] for row in response.context["years"]] == [2, 1]
    html = response.content.decode()
    assert "<h1>往期</h1>" in html
    assert "2024年4月16日" in html and "2024年3月5日" in html
    assert reverse("reader:issue_year", args=[2023]) in html


def test_issue_year_lists_that_years_issues_with_their_piece_counts(client):
    issue = make_issue(date=datetime.date(2023, 7, 11), number=7)
    make_article(issue=issue, page=1, position=1)
    make_article(issue=issue, page=1, position=2)
    make_article(issue=make_issue(date=datetime.date(2024, 1, 2)), page=1, position=1)

    response = client.get(reverse("reader:issue_year", args=[2023]))

    html = response.content.decode()
    assert "2023年各期" in html
    assert "2023年7月11日 第7期" in html and "2篇" in html
    assert "2024年1月2日" not in html
    assert reverse("reader:issue_detail", args=[issue.date]) in html


def test_issue_page_is_a_table_of_contents_by_page_and_position(client):
    issue = make_issue(date=datetime.date(2024, 3, 5), title="两会特刊·开发区篇", is_special=True)
    zone = make_zone(official_name="朔州经济开发区", short_name="朔州经开区")
    author = make_contributor(name="麻洁琼")
    make_article(title="第二版头条", issue=issue, page=2, position=1)
    make_article(title="第一版次条", issue=issue, page=1, position=2)
    make_article(title="第一版头条", issue=issue, page=1, position=1, zone=zone, authors=[author])

    response = client.get(f"/issues/{issue.date:%Y-%m-%d}/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "两会特刊·开发区篇" in html and 'class="special"' in html
    assert html.index("第1版") < html.index("第一版头条") < html.index("第一版次条")
    assert html.index("第一版次条") < html.index("第2版") < html.index("第二版头条")
    assert "朔州经开区" in html and "麻洁琼" in html
    # The heading names the issue; its pieces do not repeat the date.
    assert html.count('<time datetime="2024-03-05">') == 1


def test_issue_page_links_the_issues_before_and_after(client):
    dates = [datetime.date(2024, 1, d) for d in (2, 9, 16)]
    issues = [make_issue(date=day) for day in dates]
    for issue in issues:
        make_article(issue=issue, page=1, position=1)

    html = client.get(reverse("reader:issue_detail", args=[dates[1]])).content.decode()

    assert reverse("reader:issue_detail", args=[dates[0]]) in html
    assert reverse("reader:issue_detail", args=[dates[2]]) in html


@pytest.mark.parametrize(
    "path", ["/issues/2024-02-30/", "/issues/2024-13-01/", "/issues/1999-01-05/"]
)
def test_an_impossible_or_unknown_date_is_404(client, path):
    make_article(issue=make_issue(date=datetime.date(2024, 2, 27)), page=1, position=1)

    assert is_not_found_page(client.get(path))


def test_a_year_without_issues_is_404(client):
    assert is_not_found_page(client.get(reverse("reader:issue_year", args=[1999])))


def test_issue_urls_are_iso_dates():
    issue = make_issue(date=datetime.date(2024, 3, 5))

    assert issue.get_absolute_url() == "/issues/2024-03-05/"
