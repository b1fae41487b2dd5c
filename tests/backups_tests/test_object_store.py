"""With photos in an object store (KFQ_S3_BUCKET) a backup holds the database only, and says
so: an operator must not believe the photos are in it."""

from tests.backups_tests.sites import Site
from tests.backups_tests.test_round_trip import manifest_of


def test_a_backup_says_the_photos_are_in_the_bucket_not_in_the_archive(make_site, tmp_path):
    empty = make_site()
    site = Site(
        database_url=empty.database_url,
        media_root=empty.media_root,
        settings={"KFQ_S3_BUCKET": "kfq-media", "KFQ_S3_ENDPOINT_URL": "http://127.0.0.1:9"},
    )
    site.manage("migrate", "--verbosity=0")
    path = tmp_path / "kfq.tar"

    result = site.manage("backup", str(path))

    assert "照片存放在对象存储桶 kfq-media 中，本备份只含数据库，不含照片" in result.stderr
    media = manifest_of(path)["media"]
    assert media["object_store_bucket"] == "kfq-media" and media["count"] == 0


def test_a_backup_of_photos_on_disk_names_no_bucket(backup_file):
    assert manifest_of(backup_file)["media"]["object_store_bucket"] is None
