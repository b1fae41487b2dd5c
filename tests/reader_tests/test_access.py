"""The reader pages are public: anonymous readers, correspondents and editors all read them."""

import pytest

from tests.factories import make_correspondent, make_editor

from .archive import PUBLIC_PAGES, public_urls, small_archive

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ["anonymous", "correspondent", "editor"])
@pytest.mark.parametrize(
    "name",
    PUBLIC_PAGES,
)
def test_everyone_reads_the_public_pages(client, role, name):
    archive = small_archive()
    if role == "correspondent":
        client.force_login(make_correspondent())
    elif role == "editor":
        client.force_login(make_editor())

    assert client.get(public_urls(archive)[name]).status_code == 200
