"""restore changes nothing unless the whole archive checks out, and replaces a site that
already holds data only when told to with --force."""

import shutil
import tarfile

import pytest

# A plain UPDATE: the site's own edits would also queue mail and reindex, which is beside the
# point here.
CHANGE_EVERY_TITLE = (
    "from articles.models import Article; Article.objects.update(title='改过的标题')"
)


@pytest.fixture
def restored(backup_file, make_site):
    """A site that already holds the backup's data (restored once)."""
    site = make_site()
    site.manage("restore", str(backup_file))
    return site


def flip_a_byte(archive, *, member_prefix, into):
    """Copy the archive with one byte changed inside the first member whose name starts so."""
    shutil.copy(archive, into)
    with tarfile.open(into) as tar:
        member = next(m for m in tar if m.name.startswith(member_prefix))
    with open(into, "r+b") as file:
        file.seek(member.offset_data + member.size // 2)
        byte = file.read(1)
        file.seek(-1, 1)
        file.write(bytes([byte[0] ^ 0xFF]))
    return member.name


@pytest.mark.parametrize("part", ["database/", "media/"])
def test_a_damaged_archive_is_refused_even_with_force_and_the_site_is_untouched(
    backup_file, restored, tmp_path, part
):
    damaged = tmp_path / "damaged.tar"
    name = flip_a_byte(backup_file, member_prefix=part, into=damaged)
    restored.manage("shell", "-c", CHANGE_EVERY_TITLE)
    (restored.media_root / "new.jpg").write_bytes(b"a photo added since")
    export_before, media_before = restored.export(), restored.media()

    result = restored.manage("restore", "--force", str(damaged), check=False)

    assert result.returncode != 0
    assert f"备份文件已损坏：{name} 的 SHA-256 校验值与清单不符。没有做任何改动。" in result.stderr
    assert restored.export() == export_before
    assert restored.media() == media_before


def test_a_damaged_archive_leaves_an_empty_site_empty(backup_file, make_site, tmp_path):
    damaged = tmp_path / "damaged.tar"
    flip_a_byte(backup_file, member_prefix="media/", into=damaged)
    target = make_site()

    result = target.manage("restore", str(damaged), check=False)

    assert result.returncode != 0
    assert not target.media_root.exists()
    assert "no tables" in target.manage("shell", "-c", NO_TABLES).stdout


NO_TABLES = """
from django.db import connection
print("no tables" if not connection.introspection.table_names() else "tables")
"""


def test_a_site_with_data_is_not_replaced_without_force(backup_file, restored):
    restored.manage("shell", "-c", CHANGE_EVERY_TITLE)
    export_before, media_before = restored.export(), restored.media()

    result = restored.manage("restore", str(backup_file), check=False)

    assert result.returncode != 0
    assert "数据库不是空的" in result.stderr and "媒体目录" in result.stderr
    assert "请加 --force 重新运行" in result.stderr
    assert restored.export() == export_before
    assert restored.media() == media_before


def test_force_replaces_the_database_and_restores_the_photos(source, backup_file, restored):
    restored.manage("shell", "-c", CHANGE_EVERY_TITLE)
    photo = restored.media_root / restored.photo_files()[0]
    photo.write_bytes(b"a damaged photo")
    (restored.media_root / "extra.jpg").write_bytes(b"not in the backup")

    result = restored.manage("restore", "--force", str(backup_file))

    assert "另有 1 个备份里没有的文件，已保留" in result.stdout
    assert restored.export() == source.export()
    assert restored.media() == {**source.media(), "extra.jpg": b"not in the backup"}
