import pytest

from tests.factories import make_correspondent


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploads of the portal tests go to a folder of their own, removed afterwards."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def author(client):
    """A correspondent, logged in."""
    user = make_correspondent(name="麻洁琼")
    client.force_login(user)
    return user
