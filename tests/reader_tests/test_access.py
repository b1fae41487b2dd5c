"""The reader pages are public: anonymous readers and every login read them."""

import pytest

from tests.roles import ROLES

from .archive import PUBLIC_PAGES, SAYS, public_urls, small_archive

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_everyone_reads_the_public_pages(client, people, role, name):
    archive = small_archive()
    if people[role]:
        client.force_login(people[role])

    response = client.get(public_urls(archive)[name])

    assert response.status_code == 200
    assert SAYS[name] in response.content.decode()
