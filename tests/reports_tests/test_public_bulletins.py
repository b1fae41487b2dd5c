"""Editors choose which 用稿通报 the public site shows at /bulletins/."""

import pytest
from django.test import Client
from django.urls import reverse

from reports.models import Bulletin
from tests.error_pages import FORBIDDEN_TEXT, is_not_found_page
from tests.factories import make_editor
from tests.roles import ROLES

from .helpers import used_archive

pytestmark = pytest.mark.django_db

SECOND_QUARTER = "period=quarter&year=2025&quarter=2"
TITLE = "《开发区建设》周刊用稿通报（2025年第二季度）"


def publish_url(query=SECOND_QUARTER):
    return reverse("admin:reports_editorialstatistics_bulletin_publish") + "?" + query


@pytest.fixture
def editor_client(client):
    client.force_login(make_editor())
    return client


def test_nothing_is_public_until_an_editor_publishes_it(editor_client):
    used_archive()
    client = Client()
    assert (
        "编辑部还没有公布用稿通报。"
        in client.get(reverse("reports:bulletin_list")).content.decode()
    )
    page = editor_client.get(
        reverse("admin:reports_editorialstatistics_bulletin") + "?" + SECOND_QUARTER
    )
    assert "在网站上公布" in page.content.decode()

    response = editor_client.post(publish_url(), {"action": "publish"})

    assert response.status_code == 302
    bulletin = Bulletin.objects.public().get()
    listing = client.get(reverse("reports:bulletin_list")).content.decode()
    assert f'<a href="{bulletin.get_absolute_url()}">{TITLE}</a>' in listing
    detail = client.get(bulletin.get_absolute_url()).content.decode()
    assert TITLE in detail and "甲经开区" in detail and "各开发区用稿排名" in detail


def test_withdrawn_it_is_gone_from_the_site(editor_client):
    used_archive()
    client = Client()
    editor_client.post(publish_url(), {"action": "publish"})
    bulletin = Bulletin.objects.get()

    editor_client.post(publish_url(), {"action": "withdraw"})

    assert is_not_found_page(client.get(bulletin.get_absolute_url()))
    assert TITLE not in client.get(reverse("reports:bulletin_list")).content.decode()


def test_a_bulletin_narrowed_to_a_city_is_not_published(editor_client):
    response = editor_client.post(publish_url(SECOND_QUARTER + "&city=太原"), {"action": "publish"})

    assert response.status_code == 302 and not Bulletin.objects.exists()
    page = editor_client.get(response.url).content.decode()
    assert "只有全省的用稿通报可以在网站上公布。" in page and "在网站上公布</button>" not in page


@pytest.mark.parametrize("role", ROLES)
def test_only_editors_publish(client, people, role):
    if people[role]:
        client.force_login(people[role])

    response = client.post(publish_url(), {"action": "publish"})

    published = Bulletin.objects.public().exists()
    if role in ("anonymous", "correspondent"):
        assert response.status_code == 302 and response.url.startswith(reverse("admin:login"))
        assert not published
    elif role == "staff":
        assert response.status_code == 403 and FORBIDDEN_TEXT in response.content.decode()
        assert not published
    else:
        assert response.status_code == 302 and published


def test_publishing_takes_a_post(editor_client):
    assert editor_client.get(publish_url()).status_code == 405


def test_public_pages_query_counts(editor_client, django_assert_num_queries):
    used_archive()
    editor_client.post(publish_url(), {"action": "publish"})
    bulletin = Bulletin.objects.get()
    client = Client()  # a reader, logged in as nobody

    with django_assert_num_queries(1):
        client.get(reverse("reports:bulletin_list"))
    # the bulletin, the zones and their photos, the authors
    with django_assert_num_queries(4):
        client.get(bulletin.get_absolute_url())


def messages_after(response, client) -> list[str]:
    return [str(message) for message in client.get(response.url).context["messages"]]


def test_taking_down_a_bulletin_that_is_not_on_the_site_says_so(editor_client):
    response = editor_client.post(publish_url("period=year&year=2020"), {"action": "withdraw"})

    assert messages_after(response, editor_client) == ["2020年用稿通报不在网站上，无需撤下。"]
    assert not Bulletin.objects.exists()


def test_a_wrong_period_is_not_blamed_on_the_city(editor_client):
    response = editor_client.post(publish_url("period=quarter&year=2025"), {"action": "publish"})

    assert messages_after(response, editor_client) == ["统计期填写有误，用稿通报未公布。"]
    assert not Bulletin.objects.exists()
