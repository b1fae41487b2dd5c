"""Values as readers see them: the unit stories use, exact."""

from decimal import Decimal

import pytest

from indicators.models import shown_amount, shown_change


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
