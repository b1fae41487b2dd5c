"""The full-text index on each database: FTS5 on SQLite, a GIN-indexed tsvector on PostgreSQL.

Both index the same pre-segmented terms (articles_searchentry, written by indexing.py); the
structures are created by migration 0005. A query reaches a backend as a Boolean expression
of terms (query.Expression) and is written out here in the backend's syntax. Terms contain
only letters and digits (segmentation.TERM), and are quoted all the same, so nothing a reader
types is ever read as FTS or tsquery syntax.
"""

from django.db import connection

# FTS5's bm25() takes one weight per column (title_terms, body_terms): a title match counts
# ten times a body match. PostgreSQL gets the same order from the A and D weights.
TITLE_WEIGHT = 10.0
BODY_WEIGHT = 1.0


class SqliteBackend:
    def render(self, expression) -> str:
        def alternative(terms):
            quoted = ['"' + term.replace('"', '""') + '"' for term in terms]
            return quoted[0] if len(quoted) == 1 else "(" + " AND ".join(quoted) + ")"

        return " AND ".join(
            "(" + " OR ".join(alternative(terms) for terms in group) + ")" for group in expression
        )

    def ranked_ids(self, rendered: str, within, limit: int, offset: int) -> list[int]:
        """Matching article ids, best first, the most recently added first among equals.

        within is None or (sql, params) of a subquery of article ids to keep. Ranking never
        leaves the FTS table: reading another table for each of tens of thousands of matches
        would cost more than the full-text search itself.
        """
        sql = "SELECT rowid FROM articles_search_fts WHERE articles_search_fts MATCH %s"
        params = [rendered]
        if within:
            sql += f" AND rowid IN ({within[0]})"
            params += list(within[1])
        sql += " ORDER BY bm25(articles_search_fts, %s, %s), rowid DESC LIMIT %s OFFSET %s"
        params += [TITLE_WEIGHT, BODY_WEIGHT, limit, offset]
        return _fetch_ids(sql, params)

    def facet_counts(self, rendered: str, within) -> list[tuple]:
        """(zone_id, year, genre, count) over every match.

        The planner would read each match's wide entry row through the primary key; the
        covering index holds all four columns, so it is named here.
        """
        sql = (
            "SELECT zone_id, year, genre, COUNT(*) FROM articles_searchentry "
            "INDEXED BY searchentry_facets_idx WHERE article_id IN "
            "(SELECT rowid FROM articles_search_fts WHERE articles_search_fts MATCH %s)"
        )
        return _fetch_counts(sql, [rendered], within)


class PostgresBackend:
    def render(self, expression) -> str:
        def alternative(terms):
            quoted = ["'" + term.replace("\\", "\\\\").replace("'", "''") + "'" for term in terms]
            return quoted[0] if len(quoted) == 1 else "(" + " & ".join(quoted) + ")"

        return " & ".join(
            "(" + " | ".join(alternative(terms) for terms in group) + ")" for group in expression
        )

    def ranked_ids(self, rendered: str, within, limit: int, offset: int) -> list[int]:
        sql = (
            "SELECT article_id FROM articles_searchentry, to_tsquery('simple', %s) AS query "
            "WHERE document @@ query"
        )
        params = [rendered]
        if within:
            sql += f" AND article_id IN ({within[0]})"
            params += list(within[1])
        sql += " ORDER BY ts_rank(document, query) DESC, article_id DESC LIMIT %s OFFSET %s"
        params += [limit, offset]
        return _fetch_ids(sql, params)

    def facet_counts(self, rendered: str, within) -> list[tuple]:
        sql = (
            "SELECT zone_id, year, genre, COUNT(*) FROM articles_searchentry "
            "WHERE document @@ to_tsquery('simple', %s)"
        )
        return _fetch_counts(sql, [rendered], within)


def _fetch_counts(sql, params, within) -> list[tuple]:
    if within:
        sql += f" AND article_id IN ({within[0]})"
        params = params + list(within[1])
    sql += " GROUP BY zone_id, year, genre"
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _fetch_ids(sql, params) -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def current_backend():
    if connection.vendor == "postgresql":
        return PostgresBackend()
    if connection.vendor == "sqlite":
        return SqliteBackend()
    raise NotImplementedError(f"全文检索不支持 {connection.vendor} 数据库。")
