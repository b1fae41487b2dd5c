"""A page that stops mid-sentence imports, with a note for an editor: report and admin list."""

import pytest
from django.urls import reverse

from articles.models import Article, ImportLeftover
from importer.layout import CUT_OFF
from tests.factories import make_editor

from .helpers import PAGE_000, copy_seed, load_zones, run_import

pytestmark = pytest.mark.django_db

COMPLETE_END = (
    "两家公司现已入选第一批重点企业落户奖励资金公示名单，预计可下达奖励资金50余万元。\n\n(李功)"
)
CUT_END = "两家公司现已入选第一批重点企业落户"


def cut_page(folder):
    page = copy_seed(PAGE_000, folder)
    text = page.read_text(encoding="utf-8")
    assert text.rstrip().endswith(COMPLETE_END)
    page.write_text(text[: text.rindex(COMPLETE_END)] + CUT_END + "\n", encoding="utf-8")
    return page


def test_page_cut_mid_sentence_is_flagged_in_the_report_and_the_leftovers(tmp_path):
    load_zones()
    page = cut_page(tmp_path)

    stdout, stderr = run_import(page)

    assert stderr == ""
    assert Article.objects.filter(source_file=PAGE_000).count() == 8
    expected = (
        "第8篇《全力打好争资金上项目主动战》结尾不是完整句子："
        "……资金和引荐企业的奖励资金，两家公司现已入选第一批重点企业落户"
    )
    assert f"  疑似版面不完整：{expected}" in stdout
    note = ImportLeftover.objects.get(source_file=PAGE_000, reason=CUT_OFF)
    assert note.text == expected
    assert note.line_number == 139
    assert not note.reviewed


def test_the_note_is_in_the_admins_leftover_list(tmp_path, client):
    load_zones()
    run_import(cut_page(tmp_path))
    client.force_login(make_editor())

    html = client.get(reverse("admin:articles_importleftover_changelist")).content.decode()

    assert "疑似版面不完整" in html
    assert "结尾不是完整句子" in html


def test_the_note_goes_when_the_whole_page_is_imported(tmp_path):
    load_zones()
    page = cut_page(tmp_path)
    run_import(page)
    copy_seed(PAGE_000, tmp_path)

    run_import(page)

    assert not ImportLeftover.objects.filter(reason=CUT_OFF).exists()
    assert Article.objects.get(source_file=PAGE_000, source_position=8).byline == "(李功)"


@pytest.mark.parametrize(
    "ending",
    ["50余万元", "具体如下：", "营造“四敢”", "，并表示"],
)
def test_endings_that_do_not_close_a_sentence_are_flagged(tmp_path, ending):
    load_zones()
    page = copy_seed(PAGE_000, tmp_path)
    text = page.read_text(encoding="utf-8")
    page.write_text(text[: text.rindex(COMPLETE_END)] + ending + "\n", encoding="utf-8")
    run_import(page)
    assert ImportLeftover.objects.filter(reason=CUT_OFF).exists()


@pytest.mark.parametrize("ending", ["50余万元。", "50余万元！”", "谁来承担？", "未完待续……"])
def test_endings_that_close_a_sentence_are_not_flagged(tmp_path, ending):
    load_zones()
    page = copy_seed(PAGE_000, tmp_path)
    text = page.read_text(encoding="utf-8")
    page.write_text(text[: text.rindex(COMPLETE_END)] + ending + "\n", encoding="utf-8")
    run_import(page)
    assert not ImportLeftover.objects.filter(reason=CUT_OFF).exists()


def test_no_seed_page_is_flagged():
    load_zones()
    stdout, _ = run_import()
    assert CUT_OFF not in stdout
    assert not ImportLeftover.objects.filter(reason=CUT_OFF).exists()
