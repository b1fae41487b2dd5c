"""Import pages of the printed weekly into the archive (default: the project's seeds/)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from articles.importer import import_pages


class Command(BaseCommand):
    help = (
        "导入《开发区建设》版面文本（默认导入项目 seeds/ 文件夹中的全部 .txt）。"
        "每个文件单独成事务：出错的文件不写入任何内容，其余文件照常导入。可重复运行。"
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", type=Path, help="版面文件或文件夹。")

    def handle(self, *args, paths, verbosity, **options):
        files = self._collect(paths or [settings.SEEDS_DIR])
        if not files:
            raise CommandError("没有找到要导入的版面文件（.txt）。")

        def progress(index, total, path):
            if verbosity >= 1 and total > 1:
                self.stdout.write(f"[{index}/{total}] {path.name}")

        outcome = import_pages(files, progress=progress)
        for report in outcome.reports:
            changed = f"新建 {report.articles_created} 篇，更新 {report.articles_updated} 篇"
            if report.articles_removed:
                changed += f"，删除版面上已不存在的 {report.articles_removed} 篇"
            line = (
                f"{report.file}：稿件 {report.articles_created + report.articles_updated} 篇"
                f"（{changed}），图片说明 {report.captions} 条，"
                f"待核对文字 {report.leftover_chars} 字"
            )
            if report.call:
                line += "，征稿启事 1 则"
            self.stdout.write(self.style.SUCCESS(line))
            if report.new_zones:
                self.stdout.write("  新发现、待核实的开发区：" + "、".join(report.new_zones))
            for leftover in outcome.leftovers[report.file]:
                self.stdout.write(
                    f"  待核对 第{leftover.line}行（{leftover.reason}）：{leftover.text}"
                )
        for _path, message in outcome.failures:
            self.stderr.write(self.style.ERROR(f"导入失败 {message}"))
        total = sum(r.articles_created + r.articles_updated for r in outcome.reports)
        self.stdout.write(f"共导入 {len(outcome.reports)} 个文件、{total} 篇稿件。")
        if outcome.failures:
            raise CommandError(f"{len(outcome.failures)} 个文件导入失败，未写入任何内容。")

    @staticmethod
    def _collect(paths):
        files = []
        for path in paths:
            if path.is_dir():
                files += sorted(p for p in path.iterdir() if p.suffix == ".txt")
            else:
                files.append(path)
        return files
