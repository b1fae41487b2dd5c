"""URL converters of the public pages."""

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
