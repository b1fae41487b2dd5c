"""Reading a page line by line into drafts (importer/page_reader.py)."""

import pytest

from importer.layout import split_lines
from importer.page_reader import PageReader
from zones.directory import ZoneDirectory

from .helpers import load_zones

pytestmark = pytest.mark.django_db


def read(text: str):
    load_zones()
    return PageReader(split_lines(text), ZoneDirectory()).read()


def texts(lines) -> list[str]:
    return [line.text for line in lines]


def test_heading_group_body_and_byline():
    reading = read(
        "武乡现代农业产业示范区\n\n借博士团之智 实现玉米增产\n\n"
        "本刊讯 武乡农业示范区抢抓机遇。\n\n更好发挥示范带动作用。\n\n(姚雨欣)\n"
    )
    [draft] = reading.drafts
    assert draft.zone_from_line == "武乡现代农业产业示范区"
    assert texts(draft.headings) == ["借博士团之智 实现玉米增产"]
    assert texts(draft.body) == ["本刊讯 武乡农业示范区抢抓机遇。", "更好发挥示范带动作用。"]
    assert draft.byline == "(姚雨欣)"


def test_zone_and_title_on_one_line():
    [draft] = read("祁县经济开发区 全力打好争资金上项目主动战\n\n今年以来成效明显。\n").drafts
    assert draft.zone_line.text == "祁县经济开发区"
    assert texts(draft.headings) == ["全力打好争资金上项目主动战"]


def test_a_byline_closes_the_article_and_the_next_heading_opens_one():
    reading = read(
        "上半年财政总收入同比增长\n\n财政总收入累计完成599900万元。\n\n麻洁琼\n\n"
        "借博士团之智 实现玉米增产\n\n武乡农业示范区抢抓机遇。\n"
    )
    assert [texts(d.headings) for d in reading.drafts] == [
        ["上半年财政总收入同比增长"],
        ["借博士团之智 实现玉米增产"],
    ]
    assert [d.byline for d in reading.drafts] == ["麻洁琼", ""]


def test_subtitle_and_the_captions_under_it():
    [draft] = read(
        "又踏层峰望眼开 风起经开立潮头\n\n——朔州经济开发区经济社会发展综述\n\n"
        "日新月异的朔州经济开发区\n\n园区经济社会发展取得新成效。\n"
    ).drafts
    assert draft.subtitle.text == "——朔州经济开发区经济社会发展综述"
    assert [c.caption for c in draft.captions] == ["日新月异的朔州经济开发区"]
    assert draft.head_captioned
    assert texts(draft.body) == ["园区经济社会发展取得新成效。"]


def test_short_line_after_a_photo_gap_is_a_caption_of_the_open_article():
    [draft] = read(
        "项目建设跑出加速度\n\n今年以来，园区新开工项目12个。\n\n\n\n神头二电厂\n\n"
        "园区将继续加大招商力度。\n"
    ).drafts
    assert [c.caption for c in draft.captions] == ["神头二电厂"]
    assert texts(draft.body) == ["今年以来，园区新开工项目12个。", "园区将继续加大招商力度。"]


def test_caption_after_a_closed_article_is_loose():
    reading = read("项目建设跑出加速度\n\n今年以来成效明显。\n\n麻洁琼\n\n\n\n神头二电厂 张三摄\n")
    [loose] = reading.loose_captions
    assert loose.drafts_before == 1
    assert (loose.caption.caption, loose.caption.credit) == ("神头二电厂", "张三摄")
    assert reading.drafts[0].captions == []


def test_column_name_and_slogan_are_left_over_and_a_slogan_ends_the_article():
    reading = read(
        "亮点新闻 liangdian xinwen\n\n项目建设跑出加速度\n\n今年以来成效明显。\n\n"
        "“解放思想 实事求是 真抓实干 久久为功”\n\n朔州经济开发区\n"
    )
    assert [(left.text, left.reason) for left in reading.leftovers] == [
        ("亮点新闻 liangdian xinwen", "栏目名"),
        ("“解放思想 实事求是 真抓实干 久久为功”", "标语"),
    ]
    signature = reading.drafts[-1]
    assert signature.zone_line.text == "朔州经济开发区"
    assert signature.after_slogan
    assert not signature.body


def test_body_before_any_heading_is_a_draft_without_heading():
    [orphan, _article] = read(
        "园区聚焦项目建设，持续优化营商环境，全力推动园区各项工作取得新成效，确保全年目标顺利完成。\n\n"
        "朔州经济开发区\n\n项目建设跑出加速度\n\n今年以来成效明显。\n"
    ).drafts
    assert not orphan.has_heading
    assert len(orphan.body) == 1
