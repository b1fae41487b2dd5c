"""The awards pages before anything is published: no seed archive in this module (the seeded
fixture lasts for its whole module)."""

import pytest
from django.urls import reverse

from tests.factories import make_editor

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = make_editor()
    client.force_login(user)
    return user


def test_an_empty_archive_says_there_is_nothing_to_list(client, editor):
    response = client.get(reverse("admin:awards_credit_changelist"))

    assert response.status_code == 200
    assert "还没有已刊发的署名稿件" in response.content.decode()


def test_the_app_index_lists_the_three_entries(client, editor):
    html = client.get(reverse("admin:app_list", args=["awards"])).content.decode()

    assert reverse("admin:awards_credit_changelist") in html
    assert reverse("admin:awards_rubric_changelist") in html
    assert reverse("admin:awards_award_changelist") in html
