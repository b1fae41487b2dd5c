"""Load the sourced registry of Shanxi's development zones (zones/data/shanxi_zones.tsv)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from zones.loading import REGISTRY_TSV, load_registry, read_registry


class Command(BaseCommand):
    help = "载入山西省开发区名录（zones/data/shanxi_zones.tsv）；已有的开发区不覆盖，可重复运行。"

    def add_arguments(self, parser):
        parser.add_argument(
            "--path", type=Path, default=REGISTRY_TSV, help="名录文件（TSV，UTF-8）。"
        )

    def handle(self, *args, path, **options):
        try:
            rows = read_registry(path)
        except (OSError, UnicodeDecodeError, KeyError) as error:
            raise CommandError(f"无法读取开发区名录 {path}：{error}") from error
        report = load_registry(rows)
        self.stdout.write(
            self.style.SUCCESS(
                f"开发区名录：新建 {report.created} 个，已有 {report.existing} 个，"
                f"新增别名 {report.aliases_created} 个。"
            )
        )
        if report.ambiguous_aliases and options["verbosity"] >= 2:
            self.stdout.write(
                "因指向多个开发区而未采用的简称：" + "、".join(report.ambiguous_aliases)
            )
