"""URL converter of the awards pages."""


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
