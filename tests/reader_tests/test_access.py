"""The reader pages are public: anonymous readers and every login read them."""

import pytest

from tests.roles import ROLES

from .archive import PUBLIC_PAGES, public_urls, small_archive

pytestmark = pytest.mark.django_db

PUBLISHED_TITLE = "朔州经开区实现一季度财政开门红"
# What each page shows of small_archive(): the published piece where the page lists pieces.
SAYS = {
    "home": PUBLISHED_TITLE,
    "issue_list": "2025年4月29日",
    "issue_year": "<h1>2025年各期</h1>",
    "issue_detail": PUBLISHED_TITLE,
    "article_list": PUBLISHED_TITLE,
    "article_detail": PUBLISHED_TITLE,
    "zone_list": "朔州经济开发区",
    "zone_detail": PUBLISHED_TITLE,
    "contributor_detail": PUBLISHED_TITLE,
    "browse": "<h1>分类浏览</h1>",
    "feed": PUBLISHED_TITLE,
    "zone_feed": PUBLISHED_TITLE,
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_everyone_reads_the_public_pages(client, people, role, name):
    archive = small_archive()
    if people[role]:
        client.force_login(people[role])

    response = client.get(public_urls(archive)[name])

    assert response.status_code == 200
    assert SAYS[name] in response.content.decode()
