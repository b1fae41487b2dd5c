"""manage.py backup and restore, run as an operator runs them: a backup restored into an empty
database and media folder gives back the same archive and the same photo bytes, on whichever
database the suite runs."""

import io
import json
import tarfile

from tests.backups_tests.sites import ON_POSTGRESQL


def manifest_of(path) -> dict:
    with tarfile.open(path) as tar:
        return json.load(tar.extractfile("manifest.json"))


def test_restore_into_an_empty_site_gives_back_every_article_and_photo(
    source, backup_file, make_site
):
    target = make_site()

    result = target.manage("restore", str(backup_file))

    assert "行数与备份清单一致，恢复完成。" in result.stdout
    exported = source.export()
    assert len(exported.splitlines()) >= 28
    assert target.export() == exported
    photo_files = target.photo_files()
    assert len(photo_files) == 6
    source_media, target_media = source.media(), target.media()
    for name in photo_files:
        assert target_media[name] == source_media[name]
    assert target_media == source_media


def test_the_manifest_records_versions_counts_and_a_checksum_per_part(source, backup_file):
    manifest = manifest_of(backup_file)

    assert manifest["database"]["engine"] == ("postgresql" if ON_POSTGRESQL else "sqlite")
    assert set(manifest["versions"]) == {"python", "django", "project_commit", "database_server"}
    rows = {entry["model"]: entry["rows"] for entry in manifest["rows"]}
    assert rows["articles.Article"] == len(source.export().splitlines())
    assert rows["articles.Photo"] >= 3 and rows["articles.Issue"] >= 1
    assert rows["articles.Contributor"] >= 1 and rows["auth.User"] == 2
    files = {entry["name"]: entry for entry in manifest["media"]["files"]}
    assert set(files) == {f"media/{name}" for name in source.media()}
    assert manifest["media"]["count"] == 6
    assert manifest["media"]["bytes"] == sum(len(data) for data in source.media().values())
    assert all(len(entry["sha256"]) == 64 for entry in files.values())


def test_the_backup_file_is_readable_by_its_owner_only(backup_file):
    assert backup_file.stat().st_mode & 0o777 == 0o600


def test_a_backup_into_a_missing_folder_is_refused_in_chinese(source, tmp_path):
    path = tmp_path / "missing" / "kfq.tar"

    result = source.manage("backup", str(path), check=False)

    assert result.returncode != 0
    assert f"备份目录 {path.parent} 不存在" in result.stderr
    assert not path.parent.exists()


def test_an_existing_file_is_never_overwritten(source, tmp_path):
    path = tmp_path / "kfq.tar"
    path.write_bytes(b"yesterday's backup")

    result = source.manage("backup", str(path), check=False)

    assert result.returncode != 0
    assert "已经存在" in result.stderr
    assert path.read_bytes() == b"yesterday's backup"
    assert list(tmp_path.iterdir()) == [path]


def test_a_file_that_is_no_backup_is_refused(make_site, tmp_path):
    path = tmp_path / "notes.tar"
    path.write_text("不是备份")
    target = make_site()

    result = target.manage("restore", str(path), check=False)

    assert result.returncode != 0
    assert "不是本系统的备份文件" in result.stderr
    assert not target.media_root.exists()


def test_a_backup_from_the_other_database_engine_is_refused(backup_file, make_site, tmp_path):
    other = "sqlite" if ON_POSTGRESQL else "postgresql"
    doctored = tmp_path / "other-engine.tar"
    with tarfile.open(backup_file) as original, tarfile.open(doctored, "w") as copy:
        for member in original:
            data = original.extractfile(member).read()
            if member.name == "manifest.json":
                manifest = json.loads(data)
                manifest["database"]["engine"] = other
                data = json.dumps(manifest).encode()
                member.size = len(data)
            copy.addfile(member, io.BytesIO(data))
    target = make_site()

    result = target.manage("restore", str(doctored), check=False)

    assert result.returncode != 0
    assert "不支持跨数据库恢复" in result.stderr
    assert not target.media_root.exists()


def test_restore_is_refused_while_only_the_media_folder_has_files(backup_file, make_site):
    target = make_site()
    target.media_root.mkdir()
    (target.media_root / "leftover.jpg").write_bytes(b"old photo")

    result = target.manage("restore", str(backup_file), check=False)

    assert result.returncode != 0
    assert "媒体目录" in result.stderr and "--force" in result.stderr
    assert target.media() == {"leftover.jpg": b"old photo"}
