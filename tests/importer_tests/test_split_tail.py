"""A page can begin with the end of an article: its second half and byline stand before its
heading (or its first half is on another page). The page imports, nothing of it is lost."""

import pytest

from importer.layout import read_page
from zones.directory import ZoneDirectory

from .helpers import load_zones

pytestmark = pytest.mark.django_db

TAIL = (
    "销号管理。\n\n园区还邀请安全生产专家走进企业开展“把脉问诊”，累计培训600余人次。\n\n"
    "(常珍珍 张帆)\n\n"
)
HEAD = (
    "襄垣经济技术开发区\n\n绷紧安全弦 守牢底线\n\n"
    "本刊讯 连日来，襄垣经济技术开发区对园区重点企业开展全覆盖安全检查，已整改隐患149处，"
    "其余隐患均已落实整改责任人和整改时限，实行\n\n"
)
OTHER = (
    "稷山经济技术开发区 板枣产业链条越拉越长\n\n"
    "本刊讯 金秋时节，稷山经济技术开发区内的板枣深加工企业开足马力。\n\n(薛红梅)\n"
)


def read(text: str):
    load_zones()
    return read_page(text, ZoneDirectory())


def test_second_half_with_its_byline_ends_the_article_cut_short_further_down():
    page = read(TAIL + HEAD + OTHER)
    split, other = page.articles
    assert split.title == "绷紧安全弦 守牢底线"
    assert split.paragraphs == [
        "连日来，襄垣经济技术开发区对园区重点企业开展全覆盖安全检查，已整改隐患149处，"
        "其余隐患均已落实整改责任人和整改时限，实行销号管理。",
        "园区还邀请安全生产专家走进企业开展“把脉问诊”，累计培训600余人次。",
    ]
    assert split.authors == ["常珍珍", "张帆"]
    assert other.authors == ["薛红梅"]
    assert page.leftovers == []


def test_end_of_an_article_from_another_page_is_left_over_with_its_byline():
    page = read(TAIL.replace("销号管理。\n\n", "") + OTHER)
    [article] = page.articles
    assert article.authors == ["薛红梅"]
    assert [(left.text, left.reason) for left in page.leftovers] == [
        ("园区还邀请安全生产专家走进企业开展“把脉问诊”，累计培训600余人次。", "无标题的正文"),
        ("(常珍珍 张帆)", "无标题的正文"),
    ]
