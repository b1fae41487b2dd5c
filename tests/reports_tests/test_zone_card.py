"""A zone's report card, on the archive of pieces used in helpers.py (2025) and one piece the
year before."""

import datetime
import re

import pytest
from django.urls import reverse

from reports.report_card import report_card_of
from tests.error_pages import FORBIDDEN_TEXT
from tests.factories import make_article, make_correspondent, make_editor, make_issue
from tests.roles import ROLES

from .helpers import used_archive

pytestmark = pytest.mark.django_db

URL_NAME = "admin:reports_editorialstatistics_zone_card"


@pytest.fixture
def zones():
    zones = used_archive()
    make_article(zone=zones["b"], issue=make_issue(date=datetime.date(2024, 9, 5)), position=1)
    make_correspondent("b_corr", zone=zones["b"], name="乙区通讯员")
    return zones


def test_this_year_and_last_with_the_provinces_rank(zones):
    card = report_card_of(zones["b"], 2025)

    # 2025: b1, b2 used (one lead, one photo); ranked among three zones.
    assert (card.this_year.pieces, card.this_year.leads, card.this_year.photos) == (2, 1, 1)
    assert card.this_year.rank == 3  # 丙 used three (one in July), 甲 two with two leads
    # 2024: one lead piece, the only zone that year.
    assert (card.last_year.pieces, card.last_year.leads, card.last_year.rank) == (1, 1, 1)
    assert [(row.label, row.published) for row in card.trend.breakdown.rows][3:6] == [
        ("2025年4月", 0),
        ("2025年5月", 2),
        ("2025年6月", 0),
    ]
    assert [(u.name, u.pieces) for u in card.authors] == [("丙", 1), ("乙", 1)]
    assert [person.name for person in card.correspondents] == ["乙区通讯员"]


def test_a_year_without_pieces(zones):
    card = report_card_of(zones["b"], 2023)

    assert card.this_year is None and card.last_year is None and card.authors == []


@pytest.mark.parametrize("role", ROLES)
def test_editors_only(client, people, zones, role):
    if people[role]:
        client.force_login(people[role])

    response = client.get(reverse(URL_NAME), {"zone": zones["b"].pk, "year": 2025})

    if role in ("anonymous", "correspondent"):
        assert response.status_code == 302 and response.url.startswith(reverse("admin:login"))
    elif role == "staff":
        assert response.status_code == 403 and FORBIDDEN_TEXT in response.content.decode()
    else:
        assert "乙经济技术开发区2025年《开发区建设》周刊用稿情况" in response.content.decode()


def test_the_page(client, zones, django_assert_num_queries):
    client.force_login(make_editor())

    # session, user, 编辑 group (3); the zone (1); the province's ranking for two years (4);
    # the months (2); the authors (1); correspondents (1); app list permissions (2); the
    # form's zone choices (1)
    with django_assert_num_queries(15):
        html = client.get(reverse(URL_NAME), {"zone": zones["b"].pk, "year": 2025}).content.decode()

    tags = re.sub(r">\s+<", "><", html)
    # used, the six genres, leads, photos, the province's rank
    assert '<th scope="row">2025年</th><td class="num">2</td><td class="num">2</td>' in tags
    assert '<td class="num">1</td><td class="num">1</td><td class="num">3</td></tr>' in tags
    assert ">2025年5月</text>" in html and "乙区通讯员" in html


def test_without_a_zone_the_picker_alone(client):
    client.force_login(make_editor())

    html = client.get(reverse(URL_NAME)).content.decode()

    assert 'name="zone"' in html and "用稿情况" not in html and "errorlist" not in html
