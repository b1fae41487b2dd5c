"""The running score: a correspondent sees their own score and rank on /my/ only when the
editors switch it on; only editors may switch it."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from awards.live_points import standing_of
from awards.models import LivePoints
from tests.error_pages import FORBIDDEN_TEXT
from tests.factories import make_article, make_correspondent, make_editor, make_issue
from tests.roles import ROLES

pytestmark = pytest.mark.django_db

MY = "portal:my_submissions"


@pytest.fixture
def two_correspondents():
    """甲 with two pieces used this year, 乙 with one."""
    year = timezone.localdate().year
    jia, yi = make_correspondent("jia", name="甲通讯员"), make_correspondent("yi", name="乙通讯员")
    for day, person in ((5, jia), (12, jia), (19, yi)):
        issue = make_issue(date=datetime.date(year, 1, day))
        make_article(issue=issue, page=2, position=2, authors=[person.contributor])
    return jia, yi


def switch(on: bool):
    LivePoints.objects.update_or_create(pk=1, defaults={"shown_to_correspondents": on})


def test_hidden_until_the_editors_switch_it_on(client, two_correspondents):
    jia, _ = two_correspondents
    client.force_login(jia)

    assert "实时积分" not in client.get(reverse(MY)).content.decode()
    switch(False)
    assert "实时积分" not in client.get(reverse(MY)).content.decode()


def test_each_correspondent_sees_their_own_score_and_rank(client, two_correspondents):
    jia, yi = two_correspondents
    switch(True)
    year = timezone.localdate().year

    client.force_login(jia)
    jia_html = client.get(reverse(MY)).content.decode()
    client.force_login(yi)
    yi_html = client.get(reverse(MY)).content.decode()

    jia_standing = standing_of(jia.contributor, year)
    yi_standing = standing_of(yi.contributor, year)
    assert (jia_standing.rank, jia_standing.of, jia_standing.pieces) == (1, 2, 2)
    assert (yi_standing.rank, yi_standing.pieces) == (2, 1)
    assert jia_standing.total == 2 * yi_standing.total
    assert (
        f"{year}年实时积分 <strong>{jia_standing.points}</strong> 分，在 2 位作者中排第 "
        "<strong>1</strong> 名" in jia_html
    )
    assert "排第 <strong>2</strong> 名" in yi_html and "排第 <strong>1</strong> 名" not in yi_html


def test_a_correspondent_without_pieces_this_year(client):
    switch(True)
    client.force_login(make_correspondent("new"))

    html = client.get(reverse(MY)).content.decode()

    assert f"{timezone.localdate().year}年还没有刊用的署名稿件，暂无积分。" in html


def test_my_page_adds_one_query_while_the_score_is_hidden(
    client, two_correspondents, django_assert_num_queries
):
    client.force_login(two_correspondents[0])
    # The portal's six (tests/portal_tests/test_progress.py) and the switch.
    with django_assert_num_queries(7):
        client.get(reverse(MY))


@pytest.mark.parametrize("role", ROLES)
def test_only_editors_switch_it(client, people, role):
    switch(False)
    if people[role]:
        client.force_login(people[role])

    url = reverse("admin:awards_livepoints_change", args=[1])
    response = client.post(url, {"shown_to_correspondents": "on"})

    shown = LivePoints.shown()
    if role in ("anonymous", "correspondent"):
        assert response.status_code == 302 and response.url.startswith(reverse("admin:login"))
        assert not shown
    elif role == "staff":
        assert response.status_code == 403 and FORBIDDEN_TEXT in response.content.decode()
        assert not shown
    else:
        assert response.status_code == 302 and shown


@pytest.fixture
def without_the_row():
    """As after a flush (TransactionTestCase, serialized rollback): the migration's row is gone."""
    LivePoints.objects.all().delete()


def test_the_list_opens_the_one_rows_form(client, without_the_row):
    client.force_login(make_editor())

    response = client.get(reverse("admin:awards_livepoints_changelist"), follow=True)

    change_url = reverse("admin:awards_livepoints_change", args=[1])
    assert response.redirect_chain == [(change_url, 302)]
    assert "通讯员可见" in response.content.decode()


def test_editors_switch_it_on_after_a_flush(client, without_the_row):
    client.force_login(make_editor())

    url = reverse("admin:awards_livepoints_change", args=[1])
    assert client.get(url).status_code == 200
    response = client.post(url, {"shown_to_correspondents": "on"})

    assert response.status_code == 302 and LivePoints.shown()
    assert LivePoints.objects.count() == 1


@pytest.mark.parametrize("role", ["anonymous", "correspondent", "staff"])
def test_the_list_is_closed_to_others_and_leaves_the_database_alone(
    client, people, role, without_the_row
):
    if people[role]:
        client.force_login(people[role])

    response = client.get(reverse("admin:awards_livepoints_changelist"))

    assert response.status_code == (403 if role == "staff" else 302)
    assert not LivePoints.objects.exists()
