"""Nothing on a page is lost: every non-blank character lands in exactly one place."""

import re

import pytest

from importer.decoding import read_page_text
from importer.layout import read_page
from zones.directory import ZoneDirectory

from .helpers import (
    PAGE_000,
    PAGE_001,
    PAGE_002,
    PAGE_003,
    PAGE_004,
    SEED_FILES,
    load_zones,
    non_space,
    non_space_count,
    run_import,
    seed_path,
    seed_text,
)

pytestmark = pytest.mark.django_db

# Read off the pages: articles, picture captions, and what is left over for an editor
# (002: the column name; 004: the masthead's two lines, the slogan and its signature).
LEFTOVER_TEXTS = {
    PAGE_000: [],
    PAGE_001: [],
    PAGE_002: ["亮点新闻 liangdian xinwen"],
    PAGE_003: [],
    PAGE_004: ["两会", "特刊·开发区篇", "“解放思想 实事求是 真抓实干 久久为功”", "朔州经济开发区"],
}
EXPECTED_REPORT = {
    # file: (articles, captions, left-over characters, call for papers)
    PAGE_000: (8, 0, 0, False),
    PAGE_001: (8, 0, 0, False),
    PAGE_002: (6, 1, 19, False),
    PAGE_003: (5, 0, 0, True),
    PAGE_004: (1, 17, 34, False),
}


@pytest.mark.parametrize("name", SEED_FILES)
def test_every_character_placed_exactly_once(name):
    load_zones()
    text = read_page_text(seed_path(name))
    assert text == seed_text(name)
    page = read_page(text, ZoneDirectory())
    placed = "".join(page.placed_texts())
    expected, got = non_space(text), non_space(placed)
    missing, extra = expected - got, got - expected
    assert not missing, f"lost: {''.join(missing.elements())[:80]!r}"
    assert not extra, f"doubled or invented: {''.join(extra.elements())[:80]!r}"
    assert expected == got
    assert sum(got.values()) == non_space_count(text)


@pytest.mark.parametrize("name", SEED_FILES)
def test_parsed_page_shape(name):
    load_zones()
    page = read_page(seed_text(name), ZoneDirectory())
    articles, captions, _chars, has_call = EXPECTED_REPORT[name]
    assert len(page.articles) == articles
    assert sum(len(a.captions) for a in page.articles) == captions
    assert (page.call is not None) is has_call
    assert [leftover.text for leftover in page.leftovers] == LEFTOVER_TEXTS[name]


def test_leftover_character_counts_match_the_page():
    for name, texts in LEFTOVER_TEXTS.items():
        assert sum(non_space_count(t) for t in texts) == EXPECTED_REPORT[name][2]


def _report_line(stdout: str, name: str) -> str:
    lines = [line for line in stdout.splitlines() if line.startswith(f"{name}：")]
    assert len(lines) == 1, stdout
    return lines[0]


@pytest.mark.parametrize("name", SEED_FILES)
def test_command_reports_each_file(name):
    load_zones()
    stdout, stderr = run_import()
    assert stderr == ""
    articles, captions, chars, has_call = EXPECTED_REPORT[name]
    line = _report_line(stdout, name)
    assert f"稿件 {articles} 篇" in line
    assert f"新建 {articles} 篇，更新 0 篇" in line
    assert f"图片说明 {captions} 条" in line
    assert f"待核对文字 {chars} 字" in line
    assert ("征稿启事 1 则" in line) is has_call


def test_command_lists_each_leftover():
    load_zones()
    stdout, _ = run_import()
    listed = re.findall(r"^  待核对 第(\d+)行（(.+?)）：(.*)$", stdout, flags=re.MULTILINE)
    assert listed == [
        ("47", "栏目名", "亮点新闻 liangdian xinwen"),
        ("5", "版头", "两会"),
        ("7", "版头", "特刊·开发区篇"),
        ("152", "标语", "“解放思想 实事求是 真抓实干 久久为功”"),
        ("154", "标语落款", "朔州经济开发区"),
    ]
    assert "共导入 5 个文件、28 篇稿件。" in stdout
