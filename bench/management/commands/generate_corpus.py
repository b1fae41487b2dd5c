"""python manage.py generate_corpus --articles N — a synthetic published archive for benchmarks."""

import time

from django.core.management.base import BaseCommand, CommandError

from bench.corpus import DEFAULT_SEED, CorpusRefused, clear_corpus, generate_corpus


class Command(BaseCommand):
    help = (
        "用种子版面的段落生成合成的已刊发稿件（供性能测试），并建立检索索引。"
        "需先运行 load_zones 和 import_seeds。同一 --seed 生成的内容相同；"
        "--clear 删除此前生成的合成稿件及其专用的期和作者。"
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, help="生成的稿件篇数，如 100000。")
        parser.add_argument(
            "--seed", type=int, default=DEFAULT_SEED, help=f"随机种子（默认 {DEFAULT_SEED}）。"
        )
        parser.add_argument("--clear", action="store_true", help="先删除已有的合成稿件。")

    def handle(self, *args, articles, seed, clear, verbosity, **options):
        if articles is None and not clear:
            raise CommandError("请用 --articles N 指定篇数，或用 --clear 删除已有的合成稿件。")
        started = time.monotonic()
        if clear:
            deleted, issues, contributors = clear_corpus()
            self.stdout.write(
                f"已删除合成稿件 {deleted} 篇、期 {issues} 个、作者 {contributors} 位。"
            )
        if articles is None:
            return

        def progress(done, total):
            if verbosity >= 1:
                self.stdout.write(f"[{done}/{total}] 已生成、发布并索引")

        try:
            report = generate_corpus(articles=articles, seed=seed, progress=progress)
        except CorpusRefused as refusal:
            raise CommandError(str(refusal)) from refusal
        elapsed = time.monotonic() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"合成语料：稿件 {report.articles} 篇、期 {report.issues} 个、"
                f"作者 {report.contributors} 位（随机种子 {seed}）。"
                f"写入 {report.generating_seconds:.1f} 秒，"
                f"发布并建检索索引 {report.publishing_seconds:.1f} 秒，共用时 {elapsed:.1f} 秒。"
            )
        )
