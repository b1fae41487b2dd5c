"""Extract the figures of every published piece of the archive, e.g. after editors extended the
catalogue of indicators. Reviewed figures are kept as the editors left them."""

from django.core.management.base import BaseCommand
from django.db import transaction

from articles.models import Article
from indicators.models import ExtractedFigure
from indicators.services import extract_pieces, extractor

BATCH = 500


class Command(BaseCommand):
    help = "从全部已刊发稿件中识别经济指标数据（已核对的数据保持不变）。"

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="只统计会识别出多少条数据，不写入。"
        )

    def handle(self, *args, dry_run=False, verbosity=1, **options):
        pieces = Article.objects.published().select_related("issue", "zone").order_by("pk")
        total = pieces.count()
        reader = extractor()
        written = done = 0
        with transaction.atomic():
            last = 0
            while batch := list(pieces.filter(pk__gt=last)[:BATCH]):  # by key: no OFFSET scans
                last = batch[-1].pk
                written += extract_pieces(batch, reader=reader).figures
                done += len(batch)
                if verbosity:
                    self.stdout.write(f"已处理 {done}/{total} 篇稿件，识别出 {written} 条数据")
            pending = ExtractedFigure.objects.pending().count()
            if dry_run:
                transaction.set_rollback(True)
        message = f"共 {total} 篇稿件，识别出 {written} 条数据，待核 {pending} 条。"
        if dry_run:
            message = "（试运行，未写入）" + message
        self.stdout.write(self.style.SUCCESS(message))
