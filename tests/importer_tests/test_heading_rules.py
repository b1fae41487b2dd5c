"""The heading group's rules on pages the seeds do not show: a zone line, then up to two heading
lines (kicker and title, or title and subtitle), then the body; a short zone name in a title is
the zone line's zone when the two agree; a new zone takes the fullest form printed on the page.
"""

import pytest

from importer.layout import read_page
from zones.directory import ZoneDirectory

# The registry is only read here: loaded once for the module.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("registry")]

JIEXIU = (
    "介休经济技术开发区\n\n抢抓施工黄金期 冲刺全年目标\n\n介休经开区8个重点项目集中开工\n\n"
    "本刊讯 10月下旬，介休经济技术开发区8个重点项目集中开工，总投资36.5亿元。\n\n(任晓峰)\n"
)


def read(text: str):
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


def test_a_title_opening_with_the_zone_lines_zone_stands_under_a_kicker():
    [article] = read(
        "洪洞经济技术开发区\n\n项目建设跑出“加速度”\n\n洪洞经开区前三季度固定资产投资增长23%\n\n"
        "本刊讯 前三季度，园区完成固定资产投资31.7亿元，同比增长23%。\n\n(薛婧)\n"
    ).articles
    assert article.kicker == "项目建设跑出“加速度”"
    assert article.title == "洪洞经开区前三季度固定资产投资增长23%"


def test_a_title_broken_over_two_lines_under_a_zone_line_stays_one_title():
    [article] = read(
        "太原高新技术产业开发区\n\n太原高新区与三所高校签署\n\n产学研合作协议\n\n"
        "本刊讯 11月15日，太原高新区与省内三所高校签署产学研合作协议。\n"
    ).articles
    assert article.kicker == ""
    assert article.title == "太原高新区与三所高校签署产学研合作协议"


def test_new_zone_named_short_in_a_title_takes_the_full_name_the_body_prints():
    [article] = read(
        "侯马经开区举办重点项目观摩活动\n\n"
        "本刊讯 11月3日，侯马经济开发区举办第四季度重点项目观摩活动。\n\n(张卫东)\n"
    ).articles
    assert article.zone_name == "侯马经济开发区"
    assert not article.zone_is_known


def test_new_zone_takes_the_fullest_name_printed_anywhere_on_the_page():
    short_first, full_line, short_line = read(
        "怀仁经开区陶瓷产业迈向高端\n\n本刊讯 园区陶瓷企业加大研发投入。\n\n(孙国庆)\n\n"
        "怀仁经济技术开发区\n\n优化营商环境 激发市场活力\n\n本刊讯 园区持续深化改革。\n\n(马瑞)\n\n"
        "应县经开区\n\n应县经济技术开发区新材料产业园开园\n\n"
        "本刊讯 首批7家企业集中入驻。\n\n(郑海涛)\n"
    ).articles
    assert short_first.zone_name == full_line.zone_name == "怀仁经济技术开发区"
    assert short_line.zone_name == "应县经济技术开发区"
    assert short_line.zone_label == "应县经开区"


def test_a_title_about_the_whole_province_names_no_zone():
    [article] = read(
        "全省开发区改革创新工作推进会召开\n\n"
        "本刊讯 11月8日，全省开发区改革创新工作推进会在太原召开。\n\n刘晓明\n"
    ).articles
    assert article.zone_name is None


def test_two_names_glued_to_the_last_paragraph_are_its_byline():
    [article] = read(
        "“链长制”助推产业链提质增效\n\n"
        "科学导报讯 吕梁经济技术开发区全面推行“链长制”，推动产业链上下游协同发展。刘建华 任静\n"
    ).articles
    assert article.paragraphs == ["吕梁经济技术开发区全面推行“链长制”，推动产业链上下游协同发展。"]
    assert article.authors == ["刘建华", "任静"]


def test_a_quoted_phrase_before_a_column_break_is_not_a_byline():
    other, cut_short = read(
        "服务，帮助企业用足用好各项惠企政策。\n\n(牛建国 申丽)\n\n"
        "蚕桑产业焕发新活力\n\n本刊讯 园区丝绸企业年加工蚕茧3000吨。\n\n(卫晓燕)\n\n"
        "惠企政策直达企业“心坎上”\n\n本刊讯 园区为企业建立政策服务台账，实行“一企一策”精准\n"
    ).articles
    assert other.authors == ["卫晓燕"]
    assert cut_short.paragraphs == [
        "园区为企业建立政策服务台账，实行“一企一策”精准服务，帮助企业用足用好各项惠企政策。"
    ]
    assert cut_short.byline == "(牛建国 申丽)"


def test_a_title_naming_a_park_of_the_zone_line_is_the_zone_lines_article():
    page = read(
        "山西转型综合改革示范区\n\n抓项目 促投资\n\n潇河新兴产业园区代王路项目建设正酣\n\n"
        "科学导报讯 4月14日，潇河新兴产业园区代王路项目建设现场一片繁忙。\n\n郑婷\n"
    )
    [article] = page.articles
    assert (article.kicker, article.title) == (
        "抓项目 促投资",
        "潇河新兴产业园区代王路项目建设正酣",
    )
    assert article.zone_name == "山西转型综合改革示范区"
    assert page.leftovers == []
