"""Fixtures of the backup tests: a seeded source site, its backup, and empty targets."""

from pathlib import Path

import pytest

from tests.backups_tests.sites import ON_POSTGRESQL, SEED_PHOTOS, PostgresDatabases, Site


@pytest.fixture(scope="session")
def make_site(tmp_path_factory):
    """make_site() -> a Site with an empty database (no tables) and no media folder yet."""
    databases = PostgresDatabases() if ON_POSTGRESQL else None

    def make() -> Site:
        folder = tmp_path_factory.mktemp("site")
        url = databases.create() if databases else f"sqlite:///{folder / 'db.sqlite3'}"
        return Site(database_url=url, media_root=folder / "media")

    try:
        yield make
    finally:
        if databases:
            databases.drop_all()


@pytest.fixture(scope="session")
def source(make_site):
    """A site with zones, the seeds, real photos and logins."""
    site = make_site()
    site.manage("migrate", "--verbosity=0")
    site.manage("load_zones")
    site.manage("import_seeds")
    site.manage("shell", "-c", SEED_PHOTOS)
    return site


@pytest.fixture(scope="session")
def backup_file(source, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("backups") / "kfq.tar"
    source.manage("backup", str(path))
    return path
