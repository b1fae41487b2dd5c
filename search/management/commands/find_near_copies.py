"""python manage.py find_near_copies — fingerprint the whole archive and find its near copies.

Pieces saved or published from now on are fingerprinted as they go (search/indexing.py); this
fills in an archive from before, and starts over after the comparison's settings change.
"""

import time

from django.core.management.base import BaseCommand

from search import near_copies
from search.models import Fingerprint, NearCopy


class Command(BaseCommand):
    help = "为全部已投稿和已刊发的稿件重建指纹，找出相似稿件（同一篇稿件投了两次）。"

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="只报告要处理多少篇稿件，不改动任何数据。"
        )

    def handle(self, *args, dry_run=False, verbosity=1, **options):
        pieces = near_copies.checked_pieces().count()
        if dry_run:
            self.stdout.write(
                f"将为 {pieces} 篇稿件重建指纹（现有指纹 {Fingerprint.objects.count()} 个，"
                f"相似稿件 {NearCopy.objects.count() // 2} 对）。未改动任何数据。"
            )
            return
        started = time.monotonic()

        def progress(done, total):
            if verbosity >= 1:
                self.stdout.write(f"[{done}/{total}] 已比对")

        remembered = near_copies.rebuild(progress=progress)
        elapsed = time.monotonic() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"已为 {remembered} 篇稿件建立指纹（共 {pieces} 篇，其余没有文字），"
                f"发现相似稿件 {NearCopy.objects.count() // 2} 对，用时 {elapsed:.1f} 秒。"
            )
        )
