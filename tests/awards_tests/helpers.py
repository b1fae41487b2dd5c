"""A synthetic year for the awards tests: many contributors with known scores."""

import datetime

from tests.factories import make_article, make_contributor, make_issue, make_zone

YEAR = 2024


def year_of_contributors(count: int, *, year: int = YEAR):
    """`count` contributors in one zone; the n-th (from 1) signs n 消息 of 3 points each, so
    the ranking is the reverse of creation order. Returns the contributors, best first."""
    zone = make_zone()
    issues = [
        make_issue(date=datetime.date(year, 1, 2) + datetime.timedelta(weeks=week))
        for week in range(count)
    ]
    people = [make_contributor(zone=zone) for _ in range(count)]
    for n, person in enumerate(people, start=1):
        for week in range(n):
            make_article(issue=issues[week], page=1, position=n + 1, authors=[person], zone=zone)
    return list(reversed(people))
