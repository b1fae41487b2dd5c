"""Filters for the awards pages: scores as editors write them, dates as certificates do."""

import datetime

from django import template

from ..scoring import format_points

register = template.Library()

DIGITS = "〇一二三四五六七八九"


@register.filter
def points(value) -> str:
    return format_points(value)


def _chinese_number(n: int) -> str:
    """1–31 as written in a date: 十, 十一, 二十, 三十一."""
    tens, ones = divmod(n, 10)
    if tens == 0:
        return DIGITS[ones]
    prefix = "" if tens == 1 else DIGITS[tens]
    return prefix + "十" + (DIGITS[ones] if ones else "")


@register.filter
def chinese_date(value: datetime.date) -> str:
    """2023-12-28 → 二〇二三年十二月二十八日, as the date under a certificate is written."""
    year = "".join(DIGITS[int(digit)] for digit in str(value.year))
    return f"{year}年{_chinese_number(value.month)}月{_chinese_number(value.day)}日"
