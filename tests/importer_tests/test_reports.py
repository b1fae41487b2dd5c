"""What the command reports per page: the quality report (importer/quality.py) and, for each
piece an editor changed, which field, the page's text and the editor's."""

import pytest

from articles.models import Article
from importer.pages import import_pages

from .helpers import (
    PAGE_000,
    PAGE_002,
    PAGE_003,
    SEED_FILES,
    SEEDS,
    copy_seed,
    load_zones,
    run_import,
)
from .seed_pages import ARTICLES
from .test_cut_page import cut_page
from .test_nothing_lost import EXPECTED_REPORT

pytestmark = pytest.mark.django_db

SURVEY = "华北水利水电大学在临汾经济开发区调研"
CORRECTED = "华北水利水电大学专家组赴临汾经济开发区调研"


@pytest.mark.parametrize("name", SEED_FILES)
def test_quality_of_each_seed_page_matches_the_hand_written_truth(name):
    load_zones()
    outcome = import_pages([SEEDS / name])
    quality = outcome.quality[name]

    articles, captions, chars, _call = EXPECTED_REPORT[name]
    assert (quality.articles, quality.captions, quality.leftover_chars) == (
        articles,
        captions,
        chars,
    )
    unsigned = tuple(row.title for row in ARTICLES if row.file == name and not row.authors)
    assert quality.without_byline == unsigned
    assert quality.new_zones == (("潇河新兴产业园区",) if name == PAGE_002 else ())
    assert quality.truncation == ()


def _quality_line(stdout: str, name: str) -> str:
    lines = stdout.splitlines()
    return lines[lines.index(next(line for line in lines if line.startswith(f"{name}："))) + 1]


def test_the_command_prints_the_quality_report_of_each_page():
    load_zones()
    stdout, _ = run_import()

    assert stdout.count("  质量报告：") == len(SEED_FILES)
    assert _quality_line(stdout, PAGE_002) == (
        "  质量报告：稿件 6 篇；图片说明 1 条；待核对文字 19 字；新开发区 潇河新兴产业园区；"
        "无署名稿件 无；疑似截断 无"
    )
    assert _quality_line(stdout, PAGE_003) == (
        "  质量报告：稿件 5 篇；图片说明 0 条；待核对文字 0 字；新开发区 无；"
        "无署名稿件 1 篇：《大兴调查研究之风 提升发展决策水平》；疑似截断 无"
    )


def test_a_cut_page_is_suspected_truncated_in_the_quality_report(tmp_path):
    load_zones()
    stdout, _ = run_import(cut_page(tmp_path))

    assert "疑似截断 第8篇《全力打好争资金上项目主动战》结尾不是完整句子" in stdout


def test_a_conflict_names_the_field_with_the_pages_and_the_editors_text():
    load_zones()
    run_import()
    survey = Article.objects.get(source_file=PAGE_000, title=SURVEY)
    survey.title = CORRECTED
    survey.save()

    stdout, _ = run_import("--force")

    assert f"    标题：版面为“{SURVEY}”，编辑改为“{CORRECTED}”" in stdout
    (conflict,) = import_pages([SEEDS / PAGE_000], force=True).reports[0].conflicts
    (change,) = conflict.changes
    assert (change.label, change.page_text, change.editor_text) == ("标题", SURVEY, CORRECTED)


def test_a_long_field_is_shown_where_the_two_texts_differ():
    load_zones()
    run_import()
    survey = Article.objects.get(source_file=PAGE_000, title=SURVEY)
    page_body = survey.body
    survey.body = page_body + "\n\n编辑补充的一段。"
    survey.save()

    stdout, _ = run_import("--force")

    line = next(line for line in stdout.splitlines() if line.startswith("    正文："))
    assert "编辑补充的一段。" in line
    assert len(line) < 200
    (conflict,) = import_pages([SEEDS / PAGE_000], force=True).reports[0].conflicts
    assert conflict.changes[0].page_text == page_body
    assert conflict.changes[0].editor_text == page_body + "\n\n编辑补充的一段。"


def test_an_edited_piece_gone_from_the_page_shows_the_editors_text(tmp_path):
    load_zones()
    page = copy_seed(PAGE_000, tmp_path)
    run_import(page)
    qixian = Article.objects.get(source_file=PAGE_000, source_position=8)
    qixian.title = "祁县经开区全力打好争资金上项目主动战"
    qixian.save()
    text = page.read_text(encoding="utf-8")
    page.write_text(
        text[: text.index("祁县经济开发区 全力打好争资金上项目主动战")], encoding="utf-8"
    )

    stdout, _ = run_import(page)

    assert "    标题：编辑的文字“祁县经开区全力打好争资金上项目主动战”" in stdout
