"""Every landmark of a kind has its own name, so a screen reader's landmark list is usable."""

import pytest
from django.urls import reverse

from .archive import HTML_PAGES, public_urls, small_archive
from .landmarks import ambiguous_landmarks, landmarks

pytestmark = pytest.mark.django_db


def test_the_search_page_names_its_two_search_landmarks_apart(client):
    small_archive()

    for query in ({}, {"q": "财政"}):
        html = client.get(reverse("reader:search"), query).content.decode()
        searches = [name for role, name in landmarks(html) if role == "search"]
        assert len(searches) == 2, query
        assert all(searches) and len(set(searches)) == 2, searches
        assert ambiguous_landmarks(html) == {}, query


@pytest.mark.parametrize("name", HTML_PAGES)
def test_no_public_page_has_two_landmarks_of_a_kind_with_the_same_name(client, name):
    html = client.get(public_urls(small_archive())[name]).content.decode()
    assert ambiguous_landmarks(html) == {}


def test_the_checker_catches_unnamed_twins():
    html = (
        '<form role="search"></form><search></search>'
        '<nav aria-label="网站导航"></nav><nav aria-labelledby="h"><h2 id="h">网站导航</h2></nav>'
    )
    assert ambiguous_landmarks(html) == {
        "search": ["", ""],
        "navigation": ["网站导航", "网站导航"],
    }
