"""A bad manifest entry fails only its own file, with a Chinese message; a bad manifest fails its
folder's files with one message. Never a traceback."""

import copy
import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from articles.models import Article, ImportedPage, Issue
from importer.manifest import MAX_ISSUE_NUMBER, MAX_PAGE

from .helpers import CJK, PAGE_000, PAGE_001, PAGE_002, copy_seed, load_zones, manifest_entry

pytestmark = pytest.mark.django_db


def run(*paths) -> tuple[str, str, CommandError | None]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_seeds", *[str(p) for p in paths], stdout=out, stderr=err)
    except CommandError as error:
        return out.getvalue(), err.getvalue(), error
    return out.getvalue(), err.getvalue(), None


def two_pages(folder, manifest) -> None:
    copy_seed(PAGE_000, folder, with_manifest=False)
    copy_seed(PAGE_002, folder, with_manifest=False)
    text = manifest if isinstance(manifest, str) else json.dumps(manifest, ensure_ascii=False)
    (folder / "manifest.json").write_text(text, encoding="utf-8")


def with_entry(change) -> dict:
    """A manifest whose PAGE_000 entry is changed by change(entry); PAGE_002's is good."""
    entry = copy.deepcopy(manifest_entry(PAGE_000))
    change(entry)
    return {"pages": [entry, manifest_entry(PAGE_002)]}


def _set(path: str, value):
    def change(entry):
        *parents, last = path.split(".")
        target = entry
        for parent in parents:
            target = target[parent]
        target[last] = value

    return change


BAD_ENTRIES = {
    "number-not-a-number": (_set("issue.number", "abc"), "期号（issue.number）应为 1–9999 的整数"),
    "number-too-large": (_set("issue.number", MAX_ISSUE_NUMBER + 1), "期号"),
    "number-zero": (_set("issue.number", 0), "期号"),
    "number-true": (_set("issue.number", True), "期号"),
    "page-zero": (_set("page", 0), "版次（page）应为 1–64 的整数，现为 0"),
    "page-100000": (_set("page", 100000), "版次（page）应为 1–64 的整数，现为 100000"),
    "page-text": (_set("page", "1"), "版次"),
    "title-too-long": (
        _set("issue.title", "特" * 61),
        "特刊名称（issue.title）过长（61 字，最多 60 字）",
    ),
    "title-not-text": (_set("issue.title", ["两会"]), "特刊名称"),
    "basis-too-long": (_set("issue.date_basis", "据" * 301), "推断依据"),
    "date-not-iso": (_set("issue.date", "2023/07/11"), "出版日期（issue.date）应为“YYYY-MM-DD”"),
    "date-not-a-date": (_set("issue.date", "2023-02-30"), "出版日期"),
    "date-a-number": (_set("issue.date", 20230711), "出版日期"),
    "date-missing": (lambda entry: entry["issue"].pop("date"), "出版日期"),
    "issue-missing": (lambda entry: entry.pop("issue"), "期次信息（issue）应为对象"),
    "issue-a-list": (_set("issue", []), "期次信息（issue）应为对象"),
    "special-text": (_set("issue.is_special", "false"), "是否特刊（issue.is_special）"),
}


@pytest.mark.parametrize("kind", BAD_ENTRIES)
def test_bad_entry_fails_only_its_file(tmp_path, kind):
    load_zones()
    change, expected = BAD_ENTRIES[kind]
    two_pages(tmp_path, with_entry(change))

    stdout, stderr, error = run(tmp_path)

    assert error is not None and "1 个文件导入失败" in str(error)
    (line,) = [line for line in stderr.splitlines() if PAGE_000 in line]
    assert line.startswith(f"导入失败 {PAGE_000}：manifest.json 第 1 条（{PAGE_000}）有误：")
    assert expected in line
    assert "Traceback" not in stderr
    assert not Article.objects.filter(source_file=PAGE_000).exists()
    assert not ImportedPage.objects.filter(source_file=PAGE_000).exists()
    assert Article.objects.filter(source_file=PAGE_002).count() == 6
    assert "共导入 1 个文件、6 篇稿件。" in stdout


def test_every_problem_of_an_entry_is_named_at_once(tmp_path):
    load_zones()

    def change(entry):
        entry["page"] = 0
        entry["issue"]["number"] = "abc"

    two_pages(tmp_path, with_entry(change))
    _, stderr, _ = run(tmp_path)
    assert "版次（page）" in stderr and "期号（issue.number）" in stderr


def test_largest_page_and_issue_number_are_accepted(tmp_path):
    load_zones()

    def change(entry):
        entry["page"] = MAX_PAGE
        entry["issue"]["number"] = MAX_ISSUE_NUMBER

    two_pages(tmp_path, with_entry(change))
    _, stderr, error = run(tmp_path)
    assert error is None, stderr
    assert set(Article.objects.filter(source_file=PAGE_000).values_list("page", flat=True)) == {
        MAX_PAGE
    }
    assert Issue.objects.filter(number=MAX_ISSUE_NUMBER, pages=MAX_PAGE).exists()


@pytest.mark.parametrize("name", [5, None, "", ["000.txt"], "子目录/000.txt"])
def test_entry_with_no_usable_file_name_is_reported_and_the_rest_imports(tmp_path, name):
    load_zones()
    two_pages(tmp_path, with_entry(_set("file", name)))

    _, stderr, error = run(tmp_path)

    assert "1 个文件导入失败" in str(error)
    warning = next(line for line in stderr.splitlines() if line.startswith("清单条目有误"))
    assert "第 1 条：文件名（file）应为" in warning and CJK.search(warning)
    assert f"导入失败 {PAGE_000}：同一文件夹的 manifest.json 中没有这个文件的期次信息" in stderr
    assert Article.objects.filter(source_file=PAGE_002).count() == 6


def test_entry_that_is_not_an_object_is_reported(tmp_path):
    load_zones()
    two_pages(tmp_path, {"pages": ["000.txt", manifest_entry(PAGE_002)]})
    _, stderr, _ = run(tmp_path)
    assert "第 1 条：应为对象" in stderr
    assert Article.objects.filter(source_file=PAGE_002).count() == 6


def test_two_entries_for_one_file_fail_that_file(tmp_path):
    load_zones()
    other = copy.deepcopy(manifest_entry(PAGE_000))
    other["issue"]["date"] = "2023-07-18"
    two_pages(tmp_path, {"pages": [manifest_entry(PAGE_000), other, manifest_entry(PAGE_002)]})

    _, stderr, error = run(tmp_path)

    assert "1 个文件导入失败" in str(error)
    assert "有两条这个文件的记录（第 1 条和第 2 条）" in stderr
    assert not Article.objects.filter(source_file=PAGE_000).exists()
    assert Article.objects.filter(source_file=PAGE_002).count() == 6


BAD_MANIFESTS = {
    "a-list": ([], "格式不对"),
    "pages-a-number": ({"pages": 5}, "格式不对"),
    "pages-an-object": ({"pages": {"file": PAGE_000}}, "格式不对"),
    "no-pages": ({"publication": "《开发区建设》"}, "格式不对"),
    "a-string": ("pages", "格式不对"),
    "not-json": ('{"pages": [', "无法读取"),
}


@pytest.mark.parametrize("kind", BAD_MANIFESTS)
def test_unusable_manifest_fails_every_file_of_its_folder_with_one_message(tmp_path, kind):
    load_zones()
    manifest, expected = BAD_MANIFESTS[kind]
    if kind == "a-string":
        manifest = json.dumps(manifest)
    two_pages(tmp_path, manifest)
    good = tmp_path / "good"
    copy_seed(PAGE_001, good)

    _, stderr, error = run(tmp_path, good / PAGE_001)

    assert "2 个文件导入失败" in str(error)
    failures = [line for line in stderr.splitlines() if line.startswith("导入失败")]
    assert len(failures) == 2
    messages = {line.split("：", 1)[1] for line in failures}
    assert len(messages) == 1
    (message,) = messages
    assert message.startswith("manifest.json ") and expected in message
    assert "Traceback" not in stderr
    assert Article.objects.count() == 8  # the other folder's page
    assert list(ImportedPage.objects.values_list("source_file", flat=True)) == [PAGE_001]
