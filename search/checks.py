"""Slow, exhaustive answers to compare the search's fast ones with (the benchmark's checks).

search() takes shortcuts: a page of each tier read through the index with LIMIT, counts from
the cache. Here every match is read and scored, with no LIMIT and no cache, so that a shortcut
that changed a result would show:
- exhaustive_page(): the first page as scoring every title match and sorting every body-only
  match would give it;
- whole_document_page(): the first page of the ranking the tiers replaced (every match scored
  over title and body, title terms weighted up), to see how far the order moved;
- exact_counts(): the counts and facets, counted afresh.
"""

from django.db import connection

from search.backends import current_backend
from search.query import parse_query
from search.summary import Summary, count_afresh

SQLITE_TITLE_SCORES = (
    "SELECT rowid, bm25(articles_search_title_fts) FROM articles_search_title_fts "
    "WHERE articles_search_title_fts MATCH %s"
)
SQLITE_MATCHES = "SELECT rowid FROM articles_search_fts WHERE articles_search_fts MATCH %s"
# The ranking before issue 17: bm25 over both columns, a title match counting ten times.
SQLITE_WHOLE_DOCUMENT = (
    SQLITE_MATCHES + " ORDER BY bm25(articles_search_fts, 10.0, 1.0), rowid DESC LIMIT %s"
)

POSTGRES_TITLE_SCORES = (
    "SELECT article_id, ts_rank(title_document, query) "
    "FROM articles_searchentry, to_tsquery('simple', %s) AS query WHERE title_document @@ query"
)
POSTGRES_MATCHES = (
    "SELECT article_id FROM articles_searchentry WHERE document @@ to_tsquery('simple', %s)"
)
POSTGRES_WHOLE_DOCUMENT = (
    "SELECT article_id FROM articles_searchentry, to_tsquery('simple', %s) AS query "
    "WHERE document @@ query ORDER BY ts_rank(document, query) DESC, article_id DESC LIMIT %s"
)


def _rendered(text: str) -> str:
    return current_backend().render(parse_query(text).groups)


def _rows(sql, params) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _sql(sqlite: str, postgres: str) -> str:
    return postgres if connection.vendor == "postgresql" else sqlite


def title_matches(text: str) -> set[int]:
    rendered = _rendered(text)
    return {pk for pk, _ in _rows(_sql(SQLITE_TITLE_SCORES, POSTGRES_TITLE_SCORES), [rendered])}


def exhaustive_page(text: str, per_page: int = 20) -> list[int]:
    rendered = _rendered(text)
    scored = _rows(_sql(SQLITE_TITLE_SCORES, POSTGRES_TITLE_SCORES), [rendered])
    # bm25 is better when lower, ts_rank when higher; newest first among equals.
    sign = -1 if connection.vendor == "postgresql" else 1
    titles = [pk for pk, score in sorted(scored, key=lambda row: (sign * row[1], -row[0]))]
    in_title = set(titles)
    matches = _rows(_sql(SQLITE_MATCHES, POSTGRES_MATCHES), [rendered])
    body_only = sorted((pk for (pk,) in matches if pk not in in_title), reverse=True)
    return (titles + body_only)[:per_page]


def whole_document_page(text: str, per_page: int = 20) -> list[int]:
    sql = _sql(SQLITE_WHOLE_DOCUMENT, POSTGRES_WHOLE_DOCUMENT)
    return [pk for (pk,) in _rows(sql, [_rendered(text), per_page])]


def exact_counts(text: str) -> Summary:
    return count_afresh(current_backend(), _rendered(text))
