"""Values as readers see them: the unit stories use, exact."""

from decimal import Decimal
from urllib.parse import unquote

import pytest

from indicators.models import shown_alike, shown_amount, shown_change


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [
        ("5999000000", "元", "59.99亿元"),  # 599900万元
        ("526670000", "元", "52,667万元"),  # 5.2667亿元 would hide the source's 万元
        ("59500000000", "元", "595亿元"),
        ("85920000", "元", "8,592万元"),
        ("12345.67", "元", "12,345.67元"),
        ("600", "元", "600元"),
        ("6", "个", "6个"),
        ("29.00", "个", "29个"),
        (None, "元", ""),
    ],
)
def test_shown_amount(value, unit, shown):
    assert shown_amount(value and Decimal(value), unit) == shown


@pytest.mark.parametrize(
    ("change", "shown"), [("-2.50", "-2.5%"), ("10", "+10%"), ("84.90", "+84.9%"), (None, "")]
)
def test_shown_change(change, shown):
    assert shown_change(change and Decimal(change)) == shown


def test_the_source_link_escapes_the_text_fragments_syntax(db):
    from tests.factories import make_article, make_figure, make_issue

    piece = make_article(issue=make_issue())
    short = make_figure(article=piece, sentence="1-4月份，工业投资完成3亿元。")
    assert short.source_url() == (
        f"/articles/{piece.pk}/#:~:text=1%2D4%E6%9C%88%E4%BB%BD%EF%BC%8C"
        "%E5%B7%A5%E4%B8%9A%E6%8A%95%E8%B5%84%E5%AE%8C%E6%88%903%E4%BA%BF%E5%85%83"
    )
    long = make_figure(
        article=piece,
        indicator="税收收入",
        sentence="截至3月底，该区一般公共预算收入实现2.6亿元，同比增长9.28%；其中税收收入完成2.4亿元。",
    )
    start, end = long.source_url().split("#:~:text=")[1].split(",")
    assert (unquote(start), unquote(end)) == ("截至3月底", "其中税收收入完成2.4亿元")


def test_values_set_side_by_side_share_the_unit_of_the_largest():
    values = [Decimal("815000000"), Decimal("464310000"), None]  # 8.15亿元, 46431万元
    assert shown_alike(values, "元") == ["8.15亿元", "4.64亿元", ""]
    assert shown_alike([Decimal("85920000"), Decimal("600")], "元") == ["8,592万元", "0.06万元"]
    assert shown_alike([Decimal("6"), Decimal("29")], "个") == ["6个", "29个"]
