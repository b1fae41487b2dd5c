"""python manage.py backup PATH — the database and every media file in one archive."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from backups.archive import BackupError
from backups.database import ENGINE_NAMES
from backups.service import create_backup, human_size


class Command(BaseCommand):
    help = (
        "把数据库和全部媒体文件（图片）备份成一个文件 PATH（tar 格式，内含清单和校验值）。"
        "网站运行时也可以备份。不会覆盖已有的文件。"
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="备份文件的路径，例如 /var/backups/kfq/kfq.tar")

    def handle(self, *args, path, verbosity, **options):
        try:
            result = create_backup(path=path)
        except BackupError as error:
            raise CommandError(str(error)) from error
        bucket = result.manifest["media"]["object_store_bucket"]
        if bucket:
            self.stderr.write(
                f"注意：照片存放在对象存储桶 {bucket} 中，本备份只含数据库，不含照片。"
                "请开启存储桶的版本控制或跨区域复制来保护照片（见 README 多台服务器）。"
            )
        for name in result.vanished:
            self.stderr.write(f"注意：{name} 在备份过程中被删除，未包含在备份中。")
        if verbosity >= 1:
            manifest = result.manifest
            media = manifest["media"]
            rows = {entry["model"]: entry["rows"] for entry in manifest["rows"]}
            engine = ENGINE_NAMES[manifest["database"]["engine"]]
            self.stdout.write(
                self.style.SUCCESS(
                    f"已写入备份 {path.absolute()}（{human_size(path.stat().st_size)}）"
                )
            )
            self.stdout.write(
                f"数据库：{engine}，稿件 {rows.get('articles.Article', 0)} 篇，"
                f"图片 {rows.get('articles.Photo', 0)} 张；"
                f"媒体文件 {media['count']} 个（{human_size(media['bytes'])}）。"
            )
