"""The extractor on made-up sentences: each rule of indicators/extractor.py and periods.py."""

import datetime
from decimal import Decimal

import pytest

from indicators.catalogue import FIRST_CATALOGUE
from indicators.extractor import Extractor

READER = Extractor(FIRST_CATALOGUE)


def read(text, issue_date=datetime.date(2024, 4, 16), title=""):
    return [
        (f.indicator, f.value, f.change, f.period.label if f.period else "")
        for f in READER.extract(text, issue_date=issue_date, zone="某开发区", title=title)
    ]


def test_two_figures_in_one_sentence_each_with_its_change():
    # The issue is of April 2024: the latest 上半年 that had ended is 2023's.
    assert read("上半年，财政总收入完成5.2亿元，同比增长3%，税收收入完成4亿元，同比下降2.5%。") == [
        ("财政总收入", Decimal("520000000"), Decimal("3"), "2023年上半年"),
        ("税收收入", Decimal("400000000"), Decimal("-2.5"), "2023年上半年"),
    ]


@pytest.mark.parametrize(
    ("written", "yuan"),
    [("599900万元", "5999000000"), ("59.99亿元", "5999000000"), ("8,592万元", "85920000")],
)
def test_wan_yuan_and_yi_yuan_become_yuan(written, yuan):
    [(_, value, _, _)] = read(f"2023年，一般公共预算收入完成{written}。")
    assert value == Decimal(yuan)


@pytest.mark.parametrize("words", ["同比下降4.5%", "同比减少4.5%", "同比增长-4.5%"])
def test_negative_growth(words):
    [(_, _, change, _)] = read(f"一季度，固定资产投资完成3亿元，{words}。")
    assert change == Decimal("-4.5")


@pytest.mark.parametrize(
    ("text", "issue_date", "label"),
    [
        (
            "去年12月至今年2月，进出口总额3.2亿元。",
            datetime.date(2024, 3, 5),
            "2023年12月至2024年2月",
        ),
        ("12月至2月，进出口总额3.2亿元。", datetime.date(2024, 3, 5), "2023年12月至2024年2月"),
        ("前10个月，工业投资完成3亿元。", datetime.date(2024, 1, 9), "2023年1-10月"),
        ("前10个月，工业投资完成3亿元。", datetime.date(2024, 11, 20), "2024年1-10月"),
        ("全年，工业投资完成3亿元。", datetime.date(2024, 1, 9), "2023年"),
        ("1-4月份，工业投资完成3亿元。", datetime.date(2023, 5, 23), "2023年1-4月"),
        ("2023年第一季度，工业投资完成3亿元。", datetime.date(2024, 4, 16), "2023年一季度"),
        ("截至3月底，工业投资完成3亿元。", datetime.date(2024, 4, 16), "2024年一季度"),
        ("截止到去年年底，签约项目29个。", datetime.date(2024, 3, 5), "截至2023年底"),
        ("截至目前，签约项目6个。", datetime.date(2025, 4, 29), "截至2025年4月29日"),
    ],
)
def test_periods_resolved_against_the_issue_date(text, issue_date, label):
    [(_, _, _, period)] = read(text, issue_date)
    assert period == label


def test_the_titles_period_holds_for_the_body():
    assert read("财政总收入完成5亿元。", datetime.date(2023, 7, 11), title="上半年财政开门红") == [
        ("财政总收入", Decimal("500000000"), None, "2023年上半年")
    ]


def test_a_year_named_earlier_decides_a_period_without_one():
    figures = read("2022年以来，成效明显。全年工业投资完成3亿元。", datetime.date(2024, 4, 16))
    assert figures[0][3] == "2022年"


@pytest.mark.parametrize(
    "text",
    [
        "转型项目投资占工业投资比重98.5%。",  # a share, not the indicator's value
        "专业镇全年营业收入突破7亿元。",  # smaller than the zone
        "新开工固投项目计划投资额已完成1.88亿元。",  # a project's sum
        "产出强度270万元/亩，固定资产投资等经济指标。",  # not yuan; no value
        "签约项目稳居第一方阵。",
    ],
)
def test_not_figures(text):
    assert read(text) == []


def test_a_count_carries_its_amount_and_the_total_wins_over_a_part():
    figures = read(
        "一季度领导外出招商6次，签约项目1个，签约金额1.5亿元。"
        "一季度，签约项目6个，总投资124.5亿元，其中省外项目5个，总投资59.5亿元。"
    )
    assert figures == [
        ("签约项目", Decimal("6"), None, "2024年一季度"),
        ("签约金额", Decimal("12450000000"), None, "2024年一季度"),
    ]


def test_running_totals_take_the_indicator_named_after_them():
    figures = read(
        "1月份，累计完成8592万元，同比增长5.3%；\n\n3月份，累计完成25898万元。\n\n"
        "这是一组一季度一般公共预算收入的成绩。",
        datetime.date(2025, 4, 29),
    )
    assert figures == [
        ("一般公共预算收入", Decimal("85920000"), Decimal("5.3"), "2025年1月"),
        ("一般公共预算收入", Decimal("258980000"), None, "2025年一季度"),
    ]


def test_running_totals_with_no_indicator_after_them_are_dropped():
    text = "1月份，累计完成8592万元。\n\n天气很好。\n\n另一段。\n\n一般公共预算收入增长很快。"
    assert read(text) == []


def test_the_first_months_without_ge():
    assert read("前10月，工业投资完成3亿元。", datetime.date(2024, 1, 9))[0][3] == "2023年1-10月"


def test_an_empty_catalogue_reads_no_figure():
    # An editor may remove every indicator; publishing must still read the pieces, finding none.
    figures = Extractor([]).extract(
        "财政总收入累计完成599900万元，同比增长10.42%。", issue_date=datetime.date(2024, 4, 16)
    )
    assert figures == []
