"""Making articles of the drafts (importer/assembly.py): joins, leftovers, captions, zones."""

import pytest

from articles.models import Genre
from importer.assembly import assemble
from importer.layout import split_lines
from importer.page_reader import PageReader
from zones.directory import ZoneDirectory

from .helpers import load_zones

pytestmark = pytest.mark.django_db

# Longer than a headline and ending no sentence: the first half of an article split by the layout.
FIRST_HALF = (
    "朔州经济开发区聚焦项目建设，持续优化营商环境，全力推动园区各项工作取得新成效，"
    "确保全年目标任务顺利完成，并且"
)
SECOND_ARTICLE = "朔州经济开发区\n\n项目建设跑出加速度\n\n园区高质量发展。\n\n(麻洁琼)\n"


def assembled(text: str):
    load_zones()
    zones = ZoneDirectory()
    return assemble(PageReader(split_lines(text), zones).read(), zones)


def reasons(leftovers) -> list[tuple[str, str]]:
    return [(leftover.text, leftover.reason) for leftover in leftovers]


def test_article_from_a_heading_group_and_a_body():
    [article], leftovers = assembled(
        "抓招商 推项目 强企业\n\n祁县经开区全力冲刺\n\n本刊讯 今年以来，祁县经开区成效明显。\n\n"
        "(常珍珍 张帆)\n"
    )
    assert (article.kicker, article.title) == ("抓招商 推项目 强企业", "祁县经开区全力冲刺")
    assert article.dateline == "本刊讯"
    assert article.paragraphs == ["今年以来，祁县经开区成效明显。"]
    assert article.authors == ["常珍珍", "张帆"]
    assert article.zone_name == "祁县经济开发区"
    assert article.zone_is_known
    assert article.genre == Genre.NEWS
    assert leftovers == []


def test_byline_glued_to_the_last_paragraph():
    last = (
        "园区纪工委持续加强纪律建设，严明纪律规矩，"
        "为全面从严治党、推动园区高质量发展提供坚强纪律保障。"
    )
    [article], _ = assembled(f"纪律建设持续加强\n\n{last}刘三红\n")
    assert article.paragraphs == [last]
    assert article.byline == "刘三红"
    assert article.authors == ["刘三红"]


def test_first_half_joins_the_later_article_of_its_zone():
    [article], leftovers = assembled(f"{FIRST_HALF}\n\n{SECOND_ARTICLE}")
    assert article.title == "项目建设跑出加速度"
    assert article.paragraphs == [FIRST_HALF + "园区高质量发展。"]
    assert article.first_line == 1
    assert leftovers == []


def test_body_with_no_heading_to_join_is_left_over():
    whole = FIRST_HALF.removesuffix("，并且") + "。"
    [article], leftovers = assembled(
        f"{whole}\n\n上半年财政总收入同比增长\n\n本刊讯 财政总收入累计完成599900万元。\n"
    )
    assert article.title == "上半年财政总收入同比增长"
    assert reasons(leftovers) == [(whole, "无标题的正文")]


def test_headings_without_body_are_left_over_with_the_reason():
    _, leftovers = assembled(
        "两会\n\n特刊·开发区篇\n\n\n\n位于临港物流园的朔州机场\n\n又踏层峰望眼开\n\n"
        "——朔州经济开发区经济社会发展综述\n\n财政总收入累计完成599900万元。\n\n麻洁琼\n\n"
        "“解放思想 实事求是 真抓实干 久久为功”\n\n朔州经济开发区\n"
    )
    assert reasons(leftovers) == [
        ("两会", "版头"),
        ("特刊·开发区篇", "版头"),
        ("“解放思想 实事求是 真抓实干 久久为功”", "标语"),
        ("朔州经济开发区", "标语落款"),
    ]


def test_loose_caption_goes_to_the_last_article_begun_before_it():
    articles, _ = assembled(
        "项目建设跑出加速度\n\n今年以来成效明显。\n\n麻洁琼\n\n\n\n神头二电厂 张三摄\n\n"
        "上半年财政总收入同比增长\n\n财政总收入累计完成599900万元。\n"
    )
    assert [[c.caption for c in a.captions] for a in articles] == [["神头二电厂"], []]


def test_captions_of_a_page_without_articles_are_left_over():
    articles, leftovers = assembled("两会\n\n\n\n神头二电厂 张三摄\n")
    assert articles == []
    assert reasons(leftovers) == [("两会", "版头"), ("神头二电厂张三摄", "图片说明（无稿件）")]


def test_new_zone_named_after_its_parent():
    [article], _ = assembled(
        "潇河新兴产业园区\n\n代王路项目加快建设\n\n"
        "山西转型综改示范区潇河新兴产业园区代王路项目建设正酣。\n"
    )
    assert article.zone_name == "潇河新兴产业园区"
    assert not article.zone_is_known
    assert article.zone_parent_name == "山西转型综合改革示范区"


def test_long_piece_without_dateline_is_a_feature():
    [article], _ = assembled("项目建设跑出加速度\n\n" + "园区项目建设成效明显。" * 100 + "\n")
    assert article.genre == Genre.FEATURE
