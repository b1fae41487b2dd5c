"""Where photos are kept, read from the settings of a fresh process as production starts: a
folder by default (KFQ_MEDIA_ROOT, shared over NFS by several servers), or a private bucket of
an S3-compatible object store with KFQ_S3_BUCKET."""

import json

from .test_settings import PRODUCTION_KEY, run_manage

PRINT_STORAGE = (
    "import json; from django.conf import settings; from django.core.files.storage import "
    "default_storage as s; print(json.dumps({"
    "'backend': settings.STORAGES['default']['BACKEND'],"
    "'options': settings.STORAGES['default'].get('OPTIONS', {}),"
    "'url': s.url('photos/现场.jpg')}))"
)


def storage_settings(**env):
    return run_manage("shell", "-v", "0", "-c", PRINT_STORAGE, KFQ_SECRET_KEY=PRODUCTION_KEY, **env)


def printed(result) -> dict:
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_photos_are_kept_in_a_folder_by_default(tmp_path):
    found = printed(storage_settings(KFQ_MEDIA_ROOT=str(tmp_path / "media")))

    assert found["backend"] == "django.core.files.storage.FileSystemStorage"
    assert found["url"] == "/media/photos/%E7%8E%B0%E5%9C%BA.jpg"


def test_several_servers_may_keep_photos_in_a_private_bucket():
    found = printed(
        storage_settings(
            KFQ_S3_BUCKET="kfq-media",
            KFQ_S3_ENDPOINT_URL="https://oss-cn-beijing.aliyuncs.com",
            KFQ_S3_REGION="cn-beijing",
            KFQ_S3_ACCESS_KEY="key-id",
            KFQ_S3_SECRET_KEY="key-secret",
            KFQ_S3_PREFIX="kfq",
        )
    )

    assert found["backend"] == "articles.storage.PrivateBucketStorage"
    assert found["options"]["bucket_name"] == "kfq-media"
    assert found["options"]["endpoint_url"] == "https://oss-cn-beijing.aliyuncs.com"
    assert found["options"]["location"] == "kfq"
    assert found["options"]["default_acl"] == "private"
    assert found["options"]["file_overwrite"] is False
    # Pages link every photo through the site's access check, never straight to the bucket.
    assert found["url"] == "/media/photos/%E7%8E%B0%E5%9C%BA.jpg"


def test_nginx_sending_files_and_a_bucket_do_not_go_together():
    result = storage_settings(
        KFQ_S3_BUCKET="kfq-media", KFQ_MEDIA_ACCEL_REDIRECT="/protected-media/"
    )

    assert result.returncode != 0
    assert "KFQ_MEDIA_ACCEL_REDIRECT 只能用于本机或共享文件夹中的照片" in result.stderr
