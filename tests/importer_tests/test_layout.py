"""Reading a whole page (importer/layout.py): lines, the call for papers, refusals, notes."""

import pytest

from importer.errors import PageRejected
from importer.layout import CUT_OFF, read_page, split_lines
from zones.directory import ZoneDirectory

from .helpers import PAGE_003, load_zones, seed_text

pytestmark = pytest.mark.django_db

ARTICLE = "上半年财政总收入同比增长\n\n本刊讯 财政总收入累计完成599900万元。\n\n麻洁琼\n"


def read(text: str):
    load_zones()
    return read_page(text, ZoneDirectory())


def test_lines_know_their_number_and_the_blank_lines_before_them():
    lines = split_lines("\n\n两会\n\n特刊·开发区篇\n\n\n\n神头二电厂\n")
    assert [(line.number, line.text, line.gap, line.at_page_start) for line in lines] == [
        (3, "两会", 0, True),
        (5, "特刊·开发区篇", 1, False),
        (9, "神头二电厂", 3, False),
    ]


def test_call_for_papers_is_taken_out_before_the_articles_are_read():
    page = read(seed_text(PAGE_003))
    assert page.call.source_text.startswith("征稿启事")
    assert page.call.source_text.endswith("《开发区建设》周刊编辑部 2023年3月28日")
    assert all("征稿" not in article.title for article in page.articles)


def test_page_without_an_article_is_refused():
    with pytest.raises(PageRejected, match="没有找到任何稿件"):
        read("两会\n\n特刊·开发区篇\n")


def test_whole_page_has_no_note():
    assert read(ARTICLE).notes == []


def test_page_that_stops_mid_sentence_has_a_note():
    [note] = read(ARTICLE.replace("599900万元。", "599900万元")).notes
    assert note.reason == CUT_OFF
    assert (
        note.text
        == "第1篇《上半年财政总收入同比增长》结尾不是完整句子：……财政总收入累计完成599900万元"
    )
