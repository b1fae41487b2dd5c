"""The periods a story's figures are for ("上半年", "1-4月份", "2023年第一季度", "前10个月",
"去年12月至今年2月"), resolved against the issue's date into first and last days.

Pure: no Django. A period without a year is the latest one that had ended by the issue's date
(an issue of January 2024 saying "前10个月" means January–October 2023), unless the story
named a year before it ("2023年以来…全年…"). A period with no first day is a running total
("截至目前", "截止到去年年底").
"""

import calendar
import datetime
import re
from dataclasses import dataclass

CHINESE_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
QUARTER_NAMES = "一二三四"


def small_number(text: str) -> int:
    """1–12 written in digits or in Chinese (十, 十一, 十二)."""
    if text.isdigit():
        return int(text)
    if text.startswith("十"):
        return 10 + CHINESE_DIGITS.get(text[1:], 0)
    return CHINESE_DIGITS[text]


def month_end(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


@dataclass(frozen=True)
class Period:
    start: datetime.date | None  # None: a running total up to `end`
    end: datetime.date

    @property
    def label(self) -> str:
        """One name per span of days, so that "截至3月底" and "一季度" compare as one period."""
        end = self.end
        if self.start is None:
            if (end.month, end.day) == (12, 31):
                return f"截至{end.year}年底"
            return f"截至{end.year}年{end.month}月{end.day}日"
        start = self.start
        if start.year != end.year:
            return f"{start.year}年{start.month}月至{end.year}年{end.month}月"
        year, first, last = start.year, start.month, end.month
        if start.day != 1 or end != month_end(year, last):
            return f"{start:%Y-%m-%d}至{end:%Y-%m-%d}"
        named = {
            (1, 12): "",
            (1, 6): "上半年",
            (7, 12): "下半年",
            (1, 9): "前三季度",
            **{(3 * q + 1, 3 * q + 3): f"{QUARTER_NAMES[q]}季度" for q in range(4)},
        }
        if (first, last) in named:
            return f"{year}年{named[(first, last)]}"
        if first == last:
            return f"{year}年{first}月"
        return f"{year}年{first}-{last}月"


def months(year: int, first: int, last: int) -> Period:
    return Period(datetime.date(year, first, 1), month_end(year, last))


# A year in front of a period: "2023年", "今年", "去年".
_YEAR = r"(?:(?P<year>(?:19|20)\d{2})年|(?P<relative>今年|本年|去年|上年|前年))?"
_MONTH = r"(?:1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])"
_DASH = r"\s*(?:-|—|－|–|~|～|至|到)\s*"

PATTERNS = [
    # "1-4月份", "2023年1—5月", "去年12月至今年2月": a span of months that may cross a year;
    # each end may name its year.
    (
        "span",
        re.compile(
            rf"(?:(?P<year1>(?:19|20)\d{{2}})年|(?P<relative1>去年|上年|今年|本年))?"
            rf"(?<!\d)(?P<first>{_MONTH})(?:月份?)?"
            rf"{_DASH}(?:(?P<year2>(?:19|20)\d{{2}})年|(?P<relative2>今年|本年))?"
            rf"(?P<last>{_MONTH})月份?(?!\d|[一二三四五六七八九十]?日)"
        ),
    ),
    ("first_months", re.compile(rf"{_YEAR}前(?P<count>{_MONTH}|1[01])个?月")),
    ("three_quarters", re.compile(rf"{_YEAR}前三季度?")),
    ("quarter", re.compile(rf"{_YEAR}(?:第?(?P<quarter>[一二三四1-4])季度|(?P<first_q>首季度?))")),
    ("half", re.compile(rf"{_YEAR}(?P<half>上|下)半年")),
    (
        "running",
        re.compile(
            rf"截[至止]到?{_YEAR}(?:(?P<month>{_MONTH})月(?:底|末)|(?P<year_end>年底|年末))"
        ),
    ),
    ("to_date", re.compile(r"截[至止]到?目前")),
    # "1月份，累计完成…" is January; "3月份，累计…" is January to March.
    ("month", re.compile(rf"{_YEAR}(?P<month>{_MONTH})月份?(?=[，,]\s*(?P<running>累计)?)")),
    ("whole_year", re.compile(rf"{_YEAR}全年")),
    # "2023年以来" and "今年以来" name the year the story speaks of, not a period.
    ("since", re.compile(rf"{_YEAR}以来")),
    # A bare year ("2023年，…", "2023年地区生产总值…"), not a date ("成立于2007年",
    # "2024年第一次…", "2018年至今", "去年同期").
    (
        "year",
        re.compile(
            r"(?<![于在自从])(?:(?P<year>(?:19|20)\d{2})年|(?P<relative>去年|上年))"
            r"(?![第一二三四上下前首全以至起初底末同0-9度月])"
        ),
    ),
]


# A word each pattern cannot match without: a sentence lacking it skips the pattern, which
# saves most of the time reading periods takes (bench/figure_extraction.py).
NEEDS = {
    "span": "月",
    "first_months": "前",
    "three_quarters": "前三季",
    "quarter": "季",
    "half": "半年",
    "running": "截",
    "to_date": "截",
    "month": "月",
    "whole_year": "全年",
    "since": "以来",
    "year": "年",
}


@dataclass
class Reading:
    """What a story has said so far about time: the period in force and the year it speaks of."""

    issue_date: datetime.date
    period: Period | None = None
    year: int | None = None

    def year_of(self, match, group="year", relative="relative") -> int | None:
        if match.group(group):
            return int(match.group(group))
        word = match.group(relative)
        if word is None:
            return None
        offset = {"今年": 0, "本年": 0, "去年": 1, "上年": 1, "前年": 2}[word]
        return self.issue_date.year - offset

    def latest(self, make) -> Period:
        """The period in the story's year, or else the latest one ended by the issue's date."""
        if self.year is not None:
            return make(self.year)
        period = make(self.issue_date.year)
        return period if period.end <= self.issue_date else make(self.issue_date.year - 1)

    def resolve(self, kind: str, match) -> Period | None:
        if kind == "span":
            first, last = small_number(match["first"]), small_number(match["last"])
            year1 = self.year_of(match, "year1", "relative1")
            year2 = self.year_of(match, "year2", "relative2")
            if year2 is None and year1 is not None:
                year2 = year1 + (1 if first > last else 0)
            if year2 is None:
                year2 = self.latest(lambda y: months(y, 1, last)).end.year
            if year1 is None:
                year1 = year2 - (1 if first > last else 0)
            return Period(datetime.date(year1, first, 1), month_end(year2, last))
        year = self.year_of(match) if "year" in match.re.groupindex else None
        if year is not None:
            self.year = year
        if kind == "since":
            return None
        if kind == "to_date":
            return Period(None, self.issue_date)
        if kind == "year":
            return months(year, 1, 12)
        spans = {
            "first_months": lambda: (1, small_number(match["count"])),
            "three_quarters": lambda: (1, 9),
            "quarter": lambda: _quarter(match),
            "half": lambda: (1, 6) if match["half"] == "上" else (7, 12),
            "whole_year": lambda: (1, 12),
        }
        if kind == "running":
            if match["year_end"]:
                end_year = self.latest(lambda y: months(y, 1, 12)).end.year
                return Period(None, datetime.date(end_year, 12, 31))
            last = small_number(match["month"])
            return self.latest(lambda y: months(y, 1, last))
        if kind == "month":
            month = small_number(match["month"])
            first = 1 if match["running"] else month
            return self.latest(lambda y: months(y, first, month))
        first, last = spans[kind]()
        return self.latest(lambda y: months(y, first, last))


def _quarter(match) -> tuple[int, int]:
    if match["first_q"]:
        return 1, 3
    q = match["quarter"]
    number = int(q) if q.isdigit() else QUARTER_NAMES.index(q) + 1
    return 3 * number - 2, 3 * number


def periods_in(text: str, reading: Reading) -> list[tuple[int, Period | None]]:
    """Each period named in `text` with where it ends, in order; the reading keeps the year.

    Where two patterns overlap, the one starting first and then the longest wins.
    """
    found = []
    for kind, pattern in PATTERNS:
        if NEEDS[kind] not in text:
            continue
        for match in pattern.finditer(text):
            if match.end() > match.start():
                found.append((match.start(), -match.end(), kind, match))
    taken_until = -1
    result = []
    for start, negative_end, kind, match in sorted(found, key=lambda f: f[:2]):
        if start < taken_until:
            continue
        taken_until = -negative_end
        result.append((taken_until, reading.resolve(kind, match)))
    return result
