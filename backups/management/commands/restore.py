"""python manage.py restore PATH [--force] — put a backup back into the configured database
and MEDIA_ROOT."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from backups.archive import BackupError
from backups.service import KEY_MODELS, restore_backup


class Command(BaseCommand):
    help = (
        "从 backup 生成的备份文件恢复数据库和媒体文件。先核对全部校验值；目标数据库或媒体目录"
        "不是空的时拒绝恢复，除非加 --force。恢复前请先停止网站和邮件发送进程。"
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="备份文件的路径")
        parser.add_argument(
            "--force",
            action="store_true",
            help="目标数据库或媒体目录已有内容时也恢复：数据库被整个替换，同名媒体文件被覆盖。",
        )

    def handle(self, *args, path, force, verbosity, **options):
        try:
            result = restore_backup(path=path, force=force)
        except BackupError as error:
            raise CommandError(str(error)) from error
        manifest = result.manifest
        if verbosity >= 1:
            self.stdout.write(
                f"已恢复 {manifest['created_at']} 的备份：数据库，以及媒体文件 "
                f"{manifest['media']['count']} 个。"
            )
            if result.kept_files:
                self.stdout.write(
                    f"媒体目录中另有 {result.kept_files} 个备份里没有的文件，已保留。"
                )
        for row in result.rows:
            shown = verbosity >= 2 or (verbosity == 1 and row.model in KEY_MODELS)
            if shown or not row.matches:
                found = "缺少此表" if row.found is None else f"{row.found} 行"
                mark = "" if row.matches else "  ← 与备份不符"
                self.stdout.write(f"  {row.label}：{found}（备份时 {row.expected} 行）{mark}")
        if result.mismatched:
            raise CommandError(
                f"恢复后有 {len(result.mismatched)} 张表的行数与备份清单不符，请检查上面的列表。"
            )
        if verbosity >= 1:
            self.stdout.write(self.style.SUCCESS("行数与备份清单一致，恢复完成。"))
            self.stdout.write(
                "接着请运行 python manage.py migrate（程序比备份新时，补上新的数据库结构），"
                "再启动网站。"
            )
