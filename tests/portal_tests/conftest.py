import pytest


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploads of the portal tests go to a folder of their own, removed afterwards."""
    settings.MEDIA_ROOT = tmp_path / "media"
