"""Scratch sites for the backup tests: each a database of its own and a media folder, driven
through manage.py in a child process, as an operator runs backup and restore.

On SQLite a site's database is a file under tmp_path; on PostgreSQL (the suite's DATABASE_URL
points at a throwaway cluster) each site gets a database of its own on that cluster, dropped
afterwards.
"""

import json
import os
import secrets
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import dj_database_url

PROJECT = Path(__file__).resolve().parents[2]
ON_POSTGRESQL = os.environ.get("DATABASE_URL", "").startswith("postgres")

# Seeds the source site with real photos (image and thumbnail files) on three pieces, one of
# them with a Chinese file name, and a few logins.
SEED_PHOTOS = """
from django.core.files.base import ContentFile
from articles.models import Article, Photo
from tests.factories import make_correspondent, make_editor
from tests.articles_tests.photo_files import jpeg_bytes

for n, article in enumerate(Article.objects.order_by("pk")[:3], start=1):
    photo = Photo(article=article, caption=f"现场照片{n}", position=99)
    photo.image.save(f"现场{n}.jpg", ContentFile(jpeg_bytes((400 + n, 300))), save=False)
    photo.thumbnail.save(f"现场{n}_thumb.jpg", ContentFile(jpeg_bytes((40, 30))), save=False)
    photo.save()
make_editor("backup-editor")
make_correspondent("backup-correspondent")
"""

PHOTO_FILES = """
import json
from articles.models import Photo
print(json.dumps(sorted(name for names in Photo.objects.values_list("image", "thumbnail")
                        for name in names if name)))
"""


@dataclass
class Site:
    """One database and one media folder, as the settings see them through the environment."""

    database_url: str
    media_root: Path
    # More settings, as KFQ_* variables.
    settings: dict = field(default_factory=dict)

    def command(self, *args: str) -> dict:
        """subprocess arguments for `manage.py ARGS` with this site's settings."""
        dropped = ("KFQ_", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE", "DJANGO_SETTINGS_MODULE")
        clean = {k: v for k, v in os.environ.items() if not k.startswith(dropped)}
        return {
            "args": [sys.executable, "manage.py", *args],
            "cwd": PROJECT,
            "env": {
                **clean,
                "DJANGO_SETTINGS_MODULE": "kfq_site.settings",
                "KFQ_SECRET_KEY": "test-only-key-for-the-backup-tests-0123456789",
                "DATABASE_URL": self.database_url,
                "KFQ_MEDIA_ROOT": str(self.media_root),
                # Not the developer's var/cache: restores and imports bump the archive version.
                "KFQ_CACHE_DIR": str(self.media_root.parent / "cache"),
                **self.settings,
            },
            "text": True,
        }

    def manage(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        result = subprocess.run(**self.command(*args), capture_output=True, timeout=300)
        if check:
            assert result.returncode == 0, result.stdout + result.stderr
        return result

    def export(self) -> str:
        return self.manage("export_articles").stdout

    def photo_files(self) -> list[str]:
        return json.loads(self.manage("shell", "--no-imports", "-c", PHOTO_FILES).stdout)

    def media(self) -> dict[str, bytes]:
        """Every media file's bytes by its path under the media folder."""
        return {
            path.relative_to(self.media_root).as_posix(): path.read_bytes()
            for path in sorted(self.media_root.rglob("*"))
            if path.is_file()
        }


class PostgresDatabases:
    """Creates databases on the suite's cluster and drops them all afterwards."""

    def __init__(self):
        self.base = dj_database_url.parse(os.environ["DATABASE_URL"])
        self.names = []

    def _connect(self):
        import psycopg

        return psycopg.connect(
            host=self.base["HOST"],
            port=self.base["PORT"],
            user=self.base["USER"],
            password=self.base["PASSWORD"],
            dbname=self.base["NAME"],
            autocommit=True,
        )

    def create(self) -> str:
        name = f"kfq_backup_{secrets.token_hex(4)}"
        with self._connect() as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        self.names.append(name)
        base = self.base
        return f"postgres://{base['USER']}:{base['PASSWORD']}@{base['HOST']}:{base['PORT']}/{name}"

    def drop_all(self):
        with self._connect() as connection:
            for name in self.names:
                connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
