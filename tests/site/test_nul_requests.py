"""A NUL character (%00) in a path or query string is a 400 with a Chinese page, never a 500.

PostgreSQL refuses NUL in any string, so without kfq_site/middleware.py these requests end in
a 500 there; the test runs on both databases.
"""

import pytest
from django.urls import reverse

from tests.factories import make_editor, make_zone

pytestmark = pytest.mark.django_db

MESSAGE = "这个网址里有无法识别的字符"


def assert_refused(response):
    assert response.status_code == 400
    assert MESSAGE in response.content.decode()


def test_a_certificate_number_with_nul_is_refused(client):
    assert_refused(client.get("/certificates/%00/"))
    assert_refused(client.get("/certificates/A%0012/"))


@pytest.mark.parametrize(
    "url",
    [
        "/search/?q=%00",
        "/articles/?zone=%00",
        "/certificates/?number=%00",
        "/search/?q=%E5%BC%80%00",
        "/search/?%00=1",
    ],
)
def test_public_query_strings_with_nul_are_refused(client, url):
    assert_refused(client.get(url))


def test_admin_autocomplete_and_search_with_nul_are_refused(client):
    client.force_login(make_editor())
    autocomplete = reverse("admin:autocomplete")

    assert_refused(
        client.get(
            autocomplete,
            {
                "app_label": "articles",
                "model_name": "contributor",
                "field_name": "zone",
                "term": "\x00",
            },
        )
    )
    assert_refused(client.get(reverse("admin:articles_article_changelist"), {"q": "\x00"}))


def test_ordinary_requests_pass(client):
    make_zone(official_name="朔州经济开发区")
    client.force_login(make_editor())
    response = client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "articles",
            "model_name": "contributor",
            "field_name": "zone",
            "term": "朔州",
        },
    )
    assert response.status_code == 200
    assert [zone["text"] for zone in response.json()["results"]] == ["朔州经济开发区"]
    certificate = client.get("/certificates/A0012/")
    assert certificate.status_code == 404 and "未找到证书" in certificate.content.decode()
