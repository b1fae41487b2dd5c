import pytest


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Kept mail and photos of these tests go to a folder of their own, removed afterwards."""
    settings.MEDIA_ROOT = tmp_path / "media"
