"""The full-text index on each database: FTS5 on SQLite, a GIN-indexed tsvector on PostgreSQL.

Both index the same pre-segmented terms (articles_searchentry, written by indexing.py); the
structures are created by migration 0005. A query reaches a backend as a Boolean expression
of terms (query.Expression) and is written out here in the backend's syntax. Terms contain
only letters and digits (segmentation.TERM), and are quoted all the same, so nothing a reader
types is ever read as FTS or tsquery syntax.
"""

from django.db import connection
from django.db.models.expressions import RawSQL

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

    def scores(self, rendered: str) -> dict[int, float]:
        """Every matching article's score, higher is better."""
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT rowid, -bm25(articles_search_fts, %s, %s) FROM articles_search_fts "
                "WHERE articles_search_fts MATCH %s",
                [TITLE_WEIGHT, BODY_WEIGHT, rendered],
            )
            return dict(cursor.fetchall())

    def matching_ids(self, rendered: str) -> RawSQL:
        return RawSQL(
            "SELECT rowid FROM articles_search_fts WHERE articles_search_fts MATCH %s",
            [rendered],
        )


class PostgresBackend:
    def render(self, expression) -> str:
        def alternative(terms):
            quoted = ["'" + term.replace("\\", "\\\\").replace("'", "''") + "'" for term in terms]
            return quoted[0] if len(quoted) == 1 else "(" + " & ".join(quoted) + ")"

        return " & ".join(
            "(" + " | ".join(alternative(terms) for terms in group) + ")" for group in expression
        )

    def scores(self, rendered: str) -> dict[int, float]:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT article_id, ts_rank(document, query) "
                "FROM articles_searchentry, to_tsquery('simple', %s) AS query "
                "WHERE document @@ query",
                [rendered],
            )
            return dict(cursor.fetchall())

    def matching_ids(self, rendered: str) -> RawSQL:
        return RawSQL(
            "SELECT article_id FROM articles_searchentry "
            "WHERE document @@ to_tsquery('simple', %s)",
            [rendered],
        )


def current_backend():
    if connection.vendor == "postgresql":
        return PostgresBackend()
    if connection.vendor == "sqlite":
        return SqliteBackend()
    raise NotImplementedError(f"全文检索不支持 {connection.vendor} 数据库。")
