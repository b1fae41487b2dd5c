"""Every figure of the five seed pages, as read by hand from seeds/*.txt, against what
extraction writes for the imported archive.

What counts as a figure: an indicator of the catalogue stated for the zone with a value or a
change. Read and left out on purpose (the extractor must not find them):
- 000 太原中北: "2022年完成产值131亿元", "半导体材料产业产值完成15亿元" — a 专业镇's output;
  朔州 "省级增收奖励资金…6.25亿元" — a grant; 沁源 "总投资20多亿元", "年产值预计…" — a park's
  firms and a company.
- 001 运城: "转型项目投资占工业投资比重98.5%" (a share), "产出强度270万元/亩", "2024年共谋划
  实施项目122个，总投资362亿元" and the "三个一批" projects (not signings), "签约项目1个…签约
  金额1.5亿元" (the leaders' trips: a part of the quarter's 6 signings, 124.5亿元), "项目总融资额
  同比增长33.8%"; 长治高新区 "专业镇全年营业收入突破7亿元" (a 专业镇); 屯留 a project's 3亿元.
- 002 朔州: "同比增收434万元" and the like (absolute changes); 原平 project sums.
- 003 云冈 "计划总投资6.39亿元" (a project); 祁县 "总投资95亿元的30项重点项目".
- 004 朔州: "转型项目投资完成16.98亿元", "“四上”企业完成178家", "产出强度…", "签约省外项目18个，
  签约额63.1亿元" (a part of the 29 signings), the projects' investments.
Issue dates are the manifest's (inferred): 000 2023-07-11, 001 2024-04-16, 002 2025-04-29,
003 2023-05-23, 004 2024-03-05.
"""

from decimal import Decimal

import pytest

from articles.models import Article
from indicators.models import ExtractedFigure
from indicators.services import extract_pieces

pytestmark = pytest.mark.django_db

YI, WAN = Decimal(100_000_000), Decimal(10_000)

# (zone, indicator, period, value in 元 or a count, change in %)
SEED_FIGURES = {
    # 000, 2023-07-11: 朔州 (上半年 in the title), 盐湖高新区 (今年1-5月份)
    ("朔州经济开发区", "财政总收入", "2023年上半年", 599900 * WAN, Decimal("10.42")),
    ("朔州经济开发区", "一般公共预算收入", "2023年上半年", 52667 * WAN, Decimal("5.29")),
    ("盐湖高新技术产业开发区", "规上工业增加值", "2023年1-5月", None, Decimal("15.3")),
    ("盐湖高新技术产业开发区", "工业投资", "2023年1-5月", None, Decimal("41.6")),
    # 001, 2024-04-16: 运城 (2023 全年, then 2024年一季度), 大同 (截至3月底)
    ("运城经济技术开发区", "规上工业总产值", "2023年", Decimal("212.5") * YI, Decimal("5.5")),
    ("运城经济技术开发区", "规上工业增加值", "2023年", Decimal("37.3") * YI, Decimal("17.5")),
    ("运城经济技术开发区", "固定资产投资", "2023年", Decimal("59.8") * YI, Decimal("8.1")),
    ("运城经济技术开发区", "限上社会消费品零售额", "2023年", Decimal("55.9") * YI, Decimal("5.6")),
    ("运城经济技术开发区", "营业收入", "2023年", 595 * YI, None),
    ("运城经济技术开发区", "一般公共预算收入", "2023年", 46431 * WAN, Decimal("9.14")),
    ("运城经济技术开发区", "规上工业总产值", "2024年一季度", Decimal("50.8") * YI, Decimal("3.1")),
    ("运城经济技术开发区", "规上工业增加值", "2024年一季度", Decimal("6.1") * YI, Decimal("17.6")),
    ("运城经济技术开发区", "固定资产投资", "2024年一季度", Decimal("11.5") * YI, Decimal("6.2")),
    (
        "运城经济技术开发区",
        "限上社会消费品零售额",
        "2024年一季度",
        Decimal("12.8") * YI,
        Decimal("6.5"),
    ),
    ("运城经济技术开发区", "签约项目", "2024年一季度", Decimal(6), None),
    ("运城经济技术开发区", "签约金额", "2024年一季度", Decimal("124.5") * YI, None),
    (
        "大同经济技术开发区",
        "一般公共预算收入",
        "2024年一季度",
        Decimal("2.6") * YI,
        Decimal("9.28"),
    ),
    ("大同经济技术开发区", "税收收入", "2024年一季度", Decimal("2.4") * YI, Decimal("10.55")),
    # 002, 2025-04-29: 朔州 (累计 by month, indicator named after the table), 武乡 (截至目前)
    ("朔州经济开发区", "一般公共预算收入", "2025年1月", 8592 * WAN, Decimal("5.3")),
    ("朔州经济开发区", "一般公共预算收入", "2025年1-2月", 20116 * WAN, Decimal("73")),
    ("朔州经济开发区", "一般公共预算收入", "2025年一季度", 25898 * WAN, Decimal("84.9")),
    ("武乡现代农业产业示范区", "签约项目", "截至2025年4月29日", Decimal(6), None),
    ("武乡现代农业产业示范区", "签约金额", "截至2025年4月29日", Decimal("6.11") * YI, None),
    # 003, 2023-05-23: 云冈 (2023年第一季度), 祁县 (1-4月份)
    (
        "云冈经济技术开发区",
        "规上工业总产值",
        "2023年一季度",
        Decimal("45.41") * YI,
        Decimal("39.93"),
    ),
    ("云冈经济技术开发区", "规上工业增加值", "2023年一季度", Decimal("16.6") * YI, Decimal("52")),
    ("祁县经济开发区", "工业投资", "2023年1-4月", 9584 * WAN, None),
    ("祁县经济开发区", "规上工业总产值", "2023年1-4月", 19 * YI, Decimal("9.3")),
    ("祁县经济开发区", "规上工业增加值", "2023年1-4月", Decimal("3.9") * YI, None),
    # 004, 2024-03-05: 朔州 (2023年; 截止到去年年底 for the signings)
    ("朔州经济开发区", "地区生产总值", "2023年", Decimal("133.6") * YI, Decimal("16.6")),
    ("朔州经济开发区", "财政总收入", "2023年", 105 * YI, Decimal("4.8")),
    ("朔州经济开发区", "一般公共预算收入", "2023年", Decimal("8.15") * YI, None),
    ("朔州经济开发区", "规上工业增加值", "2023年", Decimal("45.98") * YI, Decimal("40")),
    ("朔州经济开发区", "工业投资", "2023年", Decimal("18.5") * YI, Decimal("21.2")),
    ("朔州经济开发区", "签约项目", "截至2023年底", Decimal(29), None),
    ("朔州经济开发区", "签约金额", "截至2023年底", Decimal("86.2") * YI, None),
}


def test_every_figure_of_the_seed_pages_is_extracted_right(seeded):
    extract_pieces(Article.objects.published().select_related("issue", "zone"))
    written = {
        (f.zone.official_name, f.indicator.name, f.period_label, f.value, f.change)
        for f in ExtractedFigure.objects.select_related("zone", "indicator")
    }
    assert written - SEED_FIGURES == set(), "extracted, but not on the pages"
    assert SEED_FIGURES - written == set(), "on the pages, but not extracted"


def test_each_figure_keeps_its_sentence_and_piece(seeded):
    extract_pieces(Article.objects.published().select_related("issue", "zone"))
    figure = ExtractedFigure.objects.get(indicator__name="财政总收入", period_label="2023年上半年")
    assert figure.sentence.startswith("财政总收入累计完成599900万元")
    assert figure.article.title == "上半年财政总收入同比增长10.42%"
    assert figure.unit == "元" and figure.review == "待核"
