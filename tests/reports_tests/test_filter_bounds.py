"""A custom period stays within the years the year field allows: a date far outside them
(typed, or a hand-made URL) is explained on the page, not a server error, and never becomes a
bulletin on the public site."""

import pytest
from django.urls import reverse

from reports.models import Bulletin
from tests.factories import make_editor

pytestmark = pytest.mark.django_db

PAGES = [
    "admin:reports_editorialstatistics_changelist",
    "admin:reports_editorialstatistics_xlsx",
    "admin:reports_editorialstatistics_coverage",
    "admin:reports_editorialstatistics_bulletin",
    "admin:reports_editorialstatistics_bulletin_xlsx",
]
OUT_OF_RANGE = [
    ("0001-01-01", "0001-01-31"),
    ("9999-12-31", "9999-12-31"),
    ("0001-01-01", "9999-12-31"),
    ("1989-12-31", "2025-01-31"),
    ("2025-01-01", "2101-01-01"),
]
ERROR = "统计期须在1990年1月1日至2100年12月31日之间。"


@pytest.fixture
def editor_client(client):
    client.force_login(make_editor())
    return client


@pytest.mark.parametrize("url_name", PAGES)
@pytest.mark.parametrize(("start", "end"), OUT_OF_RANGE)
def test_a_period_outside_the_years_is_explained(editor_client, url_name, start, end):
    response = editor_client.get(
        reverse(url_name), {"period": "custom", "start": start, "end": end}
    )

    assert response.status_code == 200
    assert ERROR in response.content.decode()


@pytest.mark.parametrize(("start", "end"), OUT_OF_RANGE)
def test_such_a_period_is_not_published(editor_client, start, end):
    query = f"period=custom&start={start}&end={end}"
    url = reverse("admin:reports_editorialstatistics_bulletin_publish") + "?" + query

    editor_client.post(url, {"action": "publish"})

    assert not Bulletin.objects.exists()


def test_the_years_own_ends_are_allowed(editor_client):
    response = editor_client.get(
        reverse(PAGES[0]), {"period": "custom", "start": "1990-01-01", "end": "2100-12-31"}
    )

    assert response.status_code == 200
    assert ERROR not in response.content.decode()
    assert "各环节稿件数" in response.content.decode()
