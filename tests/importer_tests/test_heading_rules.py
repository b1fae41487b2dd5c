"""The heading group's rules on pages the seeds do not show: a zone line, then up to two heading
lines (kicker and title, or title and subtitle), then the body; a short zone name in a title is
the zone line's zone when the two agree; a new zone takes the fullest form printed on the page.
"""

import pytest

from importer.layout import read_page
from zones.directory import ZoneDirectory

from .helpers import load_zones

pytestmark = pytest.mark.django_db

JIEXIU = (
    "介休经济技术开发区\n\n抢抓施工黄金期 冲刺全年目标\n\n介休经开区8个重点项目集中开工\n\n"
    "本刊讯 10月下旬，介休经济技术开发区8个重点项目集中开工，总投资36.5亿元。\n\n(任晓峰)\n"
)


def read(text: str):
    load_zones()
    return read_page(text, ZoneDirectory())


def test_zone_line_kicker_and_a_title_naming_the_zone_short_are_one_heading_group():
    page = read(JIEXIU)
    [article] = page.articles
    assert article.zone_label == "介休经济技术开发区"
    assert article.kicker == "抢抓施工黄金期 冲刺全年目标"
    assert article.title == "介休经开区8个重点项目集中开工"
    assert article.dateline == "本刊讯"
    assert article.zone_name == "介休经济技术开发区"
    assert not article.zone_is_known
    assert page.leftovers == []
