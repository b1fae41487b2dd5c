"""The shapes of a line (importer/shapes.py): what one line of a page looks like it is."""

import pytest

from importer.records import Line, ParsedCaption
from importer.shapes import (
    BYLINE,
    COLUMN_NAME,
    DATELINE,
    SLOGAN,
    byline_names,
    caption_of,
    ends_page,
    glued_byline_split,
    is_credited_caption,
    is_gap_caption,
    is_headline_shaped,
    kicker_and_title,
    opens_heading_group,
    zone_line_name,
    zone_title_split,
)
from zones.directory import ZoneDirectory

from .helpers import load_zones

SENTENCE = "朔州经济开发区上半年财政总收入累计完成599900万元，同比增长10.42%。"


def lines(*texts: str, gap: int = 1) -> list[Line]:
    return [Line(number, text, gap) for number, text in enumerate(texts, start=1)]


@pytest.fixture
def zones(db):
    load_zones()
    return ZoneDirectory()


# --- zone lines ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("朔州经济开发区", "朔州经济开发区"),
        ("朔州经开区——", "朔州经开区"),
        ("某某新兴产业园区", "某某新兴产业园区"),  # not in the registry, but shaped like a zone
        ("上半年财政总收入同比增长10.42%", None),
        ("朔州经济开发区上半年财政总收入同比增长", None),
    ],
)
def test_zone_line_is_a_zone_name_alone(zones, text, name):
    assert zone_line_name(text, zones) == name


def test_zone_and_title_may_share_a_line(zones):
    assert zone_title_split("祁县经济开发区 全力打好争资金上项目主动战", zones) == (
        "祁县经济开发区",
        "全力打好争资金上项目主动战",
    )


@pytest.mark.parametrize(
    "text",
    [
        "祁县经济开发区 全力打好争资金上项目主动战。",  # a sentence, not a heading
        "全力打好 争资金上项目主动战",  # no zone first
        "祁县经济开发区 战",  # too little after the zone
    ],
)
def test_line_that_is_not_zone_and_title(zones, text):
    assert zone_title_split(text, zones) is None


# --- headings, captions, bylines -----------------------------------------------------------


def test_short_line_that_ends_no_sentence_is_headline_shaped():
    assert is_headline_shaped(Line(1, "借博士团之智 实现玉米增产", 1))


@pytest.mark.parametrize(
    "text",
    [
        SENTENCE,
        "本刊讯 武乡农业示范区抢抓全省博士团入区的机遇",
        "——朔州经济开发区经济社会发展综述",
        "一" * 46,
    ],
)
def test_sentence_dateline_subtitle_or_long_line_is_not_headline_shaped(text):
    assert not is_headline_shaped(Line(1, text, 1))


def test_short_line_after_a_photo_gap_is_a_caption():
    assert is_gap_caption(Line(9, "园区重点企业北大研发中心", 3))
    assert not is_gap_caption(Line(9, "园区重点企业北大研发中心", 1))
    assert not is_gap_caption(Line(9, SENTENCE, 3))


def test_credited_line_is_a_caption_with_its_credit_apart():
    line = Line(55, "代王路项目建设现场。山西转型综改区供图", 1)
    assert is_credited_caption(line.text)
    assert caption_of(line) == ParsedCaption(55, "代王路项目建设现场。", "山西转型综改区供图")


def test_uncredited_caption_keeps_its_whole_text():
    assert caption_of(Line(7, "神头二电厂", 3)) == ParsedCaption(7, "神头二电厂", "")
    assert not is_credited_caption("神头二电厂")


@pytest.mark.parametrize("text", ["麻洁琼", "(常珍珍 张帆)", "（王波）", "欧阳明日"])
def test_byline_is_a_line_of_names(text):
    assert BYLINE.match(text)


def test_sentence_is_not_a_byline():
    assert not BYLINE.match("财政总收入同比增长")


def test_byline_names():
    assert byline_names("(常珍珍 张帆)") == ["常珍珍", "张帆"]


def test_names_glued_to_the_last_paragraph_are_a_byline():
    assert glued_byline_split("为全面从严治党提供坚强纪律保障。刘三红") == (
        "为全面从严治党提供坚强纪律保障。",
        "刘三红",
    )
    assert glued_byline_split("为全面从严治党提供坚强纪律保障。") is None


def test_column_name_dateline_and_slogan():
    assert COLUMN_NAME.match("亮点新闻 liangdian xinwen")
    assert DATELINE.match("科学导报讯 近日").groups() == ("科学导报讯", "近日")
    assert SLOGAN.match("“解放思想 实事求是 真抓实干 久久为功”")
    assert not SLOGAN.match("“解放思想实事求是”")


# --- heading groups ------------------------------------------------------------------------


def test_kicker_and_title_when_a_heading_has_spaced_phrases():
    assert kicker_and_title(["抓招商 推项目 强企业", "祁县经开区全力冲刺"]) == (
        "抓招商 推项目 强企业",
        "祁县经开区全力冲刺",
    )


def test_heading_lines_without_spaced_phrases_are_one_title():
    assert kicker_and_title(["太原中北高新区两个专业镇产品", "亮相首届博览会"]) == (
        "",
        "太原中北高新区两个专业镇产品亮相首届博览会",
    )


def test_headline_followed_by_a_dateline_opens_a_heading_group(zones):
    page = lines("华北水利水电大学在临汾调研", "本刊讯 华北水利水电大学一行3人到临汾调研。")
    assert opens_heading_group(page, 0, zones)


def test_headline_followed_by_a_subtitle_past_a_caption_opens_a_heading_group(zones):
    page = lines("又踏层峰望眼开", "日新月异的园区 张三摄", "——朔州经济开发区经济社会发展综述")
    assert opens_heading_group(page, 0, zones)


def test_zone_line_opens_a_heading_group(zones):
    assert opens_heading_group(lines("朔州经济开发区", SENTENCE), 0, zones)


def test_short_line_in_a_body_does_not_open_a_heading_group(zones):
    assert not opens_heading_group(lines("完善机制，建强组织链", SENTENCE), 0, zones)
    assert not opens_heading_group(lines("麻洁琼", "本刊讯 近日。"), 0, zones)


# --- the end of a page ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["预计可下达奖励资金50余万元。", "谁来承担？", "好！”", "未完待续……"]
)
def test_page_that_ends_a_sentence(text):
    assert ends_page(text)


@pytest.mark.parametrize("text", ["50余万元", "具体如下：", "营造“四敢”", ""])
def test_page_that_stops_mid_sentence(text):
    assert not ends_page(text)
