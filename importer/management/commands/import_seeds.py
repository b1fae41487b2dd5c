"""Import pages of the printed weekly into the archive (default: the project's seeds/).

Cheap to run at every start: a page imported before and unchanged since is skipped, and a
piece an editor changed is never overwritten (it is reported as a conflict instead).
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from importer.pages import Conflict, import_pages

EXCERPT_CHARS = 60


def excerpts(page_text: str, editor_text: str) -> tuple[str, str]:
    """The two texts where they differ: a long field (the body) from a little before its first
    difference, at most EXCERPT_CHARS characters of each."""
    start = 0
    while start < min(len(page_text), len(editor_text)) and (
        page_text[start] == editor_text[start]
    ):
        start += 1
    start = max(0, start - 10)
    return tuple(_cut(text, start) for text in (page_text, editor_text))


def _cut(text: str, start: int) -> str:
    text = text.replace("\n", "↵")
    head = "……" if start else ""
    tail = "……" if len(text) > start + EXCERPT_CHARS else ""
    return head + text[start : start + EXCERPT_CHARS] + tail


class Command(BaseCommand):
    help = (
        "导入《开发区建设》版面文本（默认导入项目 seeds/ 文件夹中的全部 .txt）。"
        "每个文件单独成事务：出错的文件不写入任何内容，其余文件照常导入。可重复运行："
        "已导入且未变化的版面跳过；编辑改过的稿件不会被覆盖，只报告冲突。"
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", type=Path, help="版面文件或文件夹。")
        parser.add_argument(
            "--force",
            action="store_true",
            help="未变化的版面也重新导入（编辑改过的稿件仍然保留）。",
        )

    def handle(self, *args, paths, verbosity, force, **options):
        files = self._collect(paths or [settings.SEEDS_DIR])
        if not files:
            raise CommandError("没有找到要导入的版面文件（.txt）。")

        def progress(index, total, path):
            if verbosity >= 1 and total > 1:
                self.stdout.write(f"[{index}/{total}] {path.name}")

        outcome = import_pages(files, force=force, progress=progress)
        for path in outcome.skipped:
            self.stdout.write(f"{path.name}：已导入，未变化，跳过。")
        for report in outcome.reports:
            self._report(report, outcome.leftovers[report.file], outcome.quality[report.file])
        for manifest, problem in outcome.manifest_problems:
            self.stderr.write(self.style.WARNING(f"清单条目有误 {manifest}：{problem}"))
        for _path, message in outcome.failures:
            self.stderr.write(self.style.ERROR(f"导入失败 {message}"))
        total = sum(
            r.articles_created + r.articles_updated + r.articles_unchanged for r in outcome.reports
        )
        summary = f"共导入 {len(outcome.reports)} 个文件、{total} 篇稿件。"
        if outcome.skipped:
            summary += f"{len(outcome.skipped)} 个文件未变化，跳过。"
        conflicts = sum(len(r.conflicts) for r in outcome.reports)
        if conflicts:
            summary += f"{conflicts} 篇稿件编辑改过，保留编辑的版本。"
        self.stdout.write(summary)
        if outcome.failures:
            raise CommandError(f"{len(outcome.failures)} 个文件导入失败，未写入任何内容。")

    def _report(self, report, leftovers, quality):
        changed = f"新建 {report.articles_created} 篇，更新 {report.articles_updated} 篇"
        if report.articles_unchanged:
            changed += f"，未变 {report.articles_unchanged} 篇"
        if report.conflicts:
            changed += f"，编辑改过未覆盖 {len(report.conflicts)} 篇"
        if report.articles_removed:
            changed += f"，删除版面上已不存在的 {report.articles_removed} 篇"
        on_page = (
            report.articles_created
            + report.articles_updated
            + report.articles_unchanged
            + sum(not c.removed_from_page for c in report.conflicts)
        )
        line = (
            f"{report.file}：稿件 {on_page} 篇（{changed}），图片说明 {quality.captions} 条，"
            f"待核对文字 {quality.leftover_chars} 字"
        )
        if report.call:
            line += "，征稿启事 1 则"
        self.stdout.write(self.style.SUCCESS(line))
        rows = "；".join(f"{what} {finding}" for what, finding in quality.rows())
        style = self.style.WARNING if quality.needs_attention else self.style.SUCCESS
        self.stdout.write(style(f"  质量报告：{rows}"))
        if report.new_zones:
            self.stdout.write("  新发现、待核实的开发区：" + "、".join(report.new_zones))
        for leftover in leftovers:
            self.stdout.write(f"  待核对 第{leftover.line}行（{leftover.reason}）：{leftover.text}")
        for note in report.notes:
            self.stdout.write(self.style.WARNING(f"  {note.reason}：{note.text}"))
        for conflict in report.conflicts:
            self.stdout.write(self.style.WARNING("  " + self._conflict_line(conflict)))
            for change in conflict.changes:
                self.stdout.write("    " + self._change_line(change, conflict.removed_from_page))

    @staticmethod
    def _conflict_line(conflict: Conflict) -> str:
        place = f"冲突 {conflict.file} 第{conflict.position}篇《{conflict.title}》"
        if conflict.fields:
            edited = f"编辑改过 {'、'.join(conflict.fields)}"
        else:
            edited = "与版面不同，且没有上次导入的记录，无法确认是否编辑所改"
        if conflict.removed_from_page:
            return f"{place}：版面上已没有这一篇，但{edited}，未删除。"
        return f"{place}：{edited}，保留编辑的版本，本篇未按版面更新。"

    @staticmethod
    def _change_line(change, removed_from_page: bool) -> str:
        page_text, editor_text = excerpts(change.page_text, change.editor_text)
        if removed_from_page:
            return f"{change.label}：编辑的文字“{editor_text}”"
        return f"{change.label}：版面为“{page_text}”，编辑改为“{editor_text}”"

    @staticmethod
    def _collect(paths):
        files = []
        for path in paths:
            if path.is_dir():
                files += sorted(p for p in path.iterdir() if p.suffix == ".txt")
            else:
                files.append(path)
        return files
