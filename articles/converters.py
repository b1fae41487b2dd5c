"""URL converters shared by the public pages and the admin."""

import datetime


class IsoDateConverter:
    """An issue's date as YYYY-MM-DD; an impossible date such as 2024-02-30 matches nothing."""

    regex = r"\d{4}-\d{2}-\d{2}"

    def to_python(self, value: str) -> datetime.date:
        # A ValueError tells the resolver this pattern does not match, so the reader gets a 404.
        return datetime.date.fromisoformat(value)

    def to_url(self, value: datetime.date | str) -> str:
        # A date or its ISO text; anything else raises ValueError, which reverse() reports.
        return datetime.date.fromisoformat(str(value)).isoformat()


class YearConverter:
    """A four-digit year from 1000 to 9999: a year no date can hold (0, 99999) matches nothing,
    so a page about a year answers 404 instead of failing on datetime.date(0, 1, 1)."""

    regex = r"[1-9]\d{3}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int | str) -> str:
        year = int(value)
        if not 1000 <= year <= 9999:
            raise ValueError(f"not a four-digit year: {value!r}")
        return str(year)
