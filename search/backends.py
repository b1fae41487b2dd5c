"""The full-text index on each database: FTS5 on SQLite, GIN-indexed tsvectors on PostgreSQL.

Both index the same pre-segmented terms (articles_searchentry, written by indexing.py); the
structures are created by articles migration 0005 and search migration 0002. A query reaches a
backend as a Boolean expression of terms (query.Expression) and is written out here in the
backend's syntax. Terms contain only letters and digits (segmentation.TERM), and are quoted all
the same, so nothing a reader types is ever read as FTS or tsquery syntax.

Results come in two tiers, so that no query scores every match (a broad query matches most of
the archive, and scoring each match cost time in proportion):
- title matches, scored among themselves in an index of the title terms alone;
- the other matches (body only), newest first: the index yields them in article id order, and
  only one page of them is read (on PostgreSQL, when they are few, all of them, then sorted).
"""

from django.db import connection

# The deletion trigger as search migration 0002 creates it: clear() sets it aside.
SQLITE_DELETE_TRIGGER = """CREATE TRIGGER articles_searchentry_ad
AFTER DELETE ON articles_searchentry BEGIN
    INSERT INTO articles_search_fts(articles_search_fts, rowid, title_terms, body_terms)
    VALUES ('delete', old.article_id, old.title_terms, old.body_terms);
    INSERT INTO articles_search_title_fts(articles_search_title_fts, rowid, title_terms)
    VALUES ('delete', old.article_id, old.title_terms);
END"""


class SqliteBackend:
    def clear(self):
        """Empty the index, in the caller's transaction.

        Deleting the entries row by row through the trigger segments every document again to
        find the terms to remove (most of a rebuild's time at 100,000 pieces); 'delete-all'
        empties each FTS table at once, so the trigger is dropped for the one DELETE.
        """
        with connection.cursor() as cursor:
            cursor.execute("DROP TRIGGER articles_searchentry_ad")
            cursor.execute("DELETE FROM articles_searchentry")
            for table in ("articles_search_fts", "articles_search_title_fts"):
                cursor.execute(f"INSERT INTO {table}({table}) VALUES ('delete-all')")
            cursor.execute(SQLITE_DELETE_TRIGGER)

    def render(self, expression) -> str:
        def alternative(terms):
            quoted = ['"' + term.replace('"', '""') + '"' for term in terms]
            return quoted[0] if len(quoted) == 1 else "(" + " AND ".join(quoted) + ")"

        return " AND ".join(
            "(" + " OR ".join(alternative(terms) for terms in group) + ")" for group in expression
        )

    def title_count(self, rendered: str, within) -> int:
        sql = (
            "SELECT COUNT(*) FROM articles_search_title_fts "
            "WHERE articles_search_title_fts MATCH %s"
        )
        return _fetch_ids(*_within(sql, [rendered], within, "rowid"))[0]

    def title_ids(self, rendered: str, within, limit: int, offset: int) -> list[int]:
        """Title matches, best bm25 first, the most recently added first among equals."""
        sql, params = _within(
            "SELECT rowid FROM articles_search_title_fts WHERE articles_search_title_fts MATCH %s",
            [rendered],
            within,
            "rowid",
        )
        sql += " ORDER BY bm25(articles_search_title_fts), rowid DESC LIMIT %s OFFSET %s"
        return _fetch_ids(sql, params + [limit, offset])

    def body_only_ids(
        self, rendered: str, within, limit: int, offset: int, matches: int
    ) -> list[int]:
        """Matches whose title does not match, newest first (FTS5 walks its lists backwards,
        so reading one page costs the same however many there are: `matches` is not needed)."""
        sql, params = _within(
            "SELECT rowid FROM articles_search_fts WHERE articles_search_fts MATCH %s",
            [f"({rendered}) NOT {{title_terms}} : ({rendered})"],
            within,
            "rowid",
        )
        sql += " ORDER BY rowid DESC LIMIT %s OFFSET %s"
        return _fetch_ids(sql, params + [limit, offset])

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
    # Where reading a page by walking the primary key costs about as much as sorting every
    # match: the walk reads about (offset + limit) x archive / matches entries, so for the
    # first page of 100,000 pieces the two meet near sqrt(20 x 100,000), 1,400 matches.
    FEW_BODY_MATCHES = 2000

    def clear(self):
        """Empty the index, in the caller's transaction."""
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM articles_searchentry")

    def render(self, expression) -> str:
        def alternative(terms):
            quoted = ["'" + term.replace("\\", "\\\\").replace("'", "''") + "'" for term in terms]
            return quoted[0] if len(quoted) == 1 else "(" + " & ".join(quoted) + ")"

        return " & ".join(
            "(" + " | ".join(alternative(terms) for terms in group) + ")" for group in expression
        )

    def title_count(self, rendered: str, within) -> int:
        sql = (
            "SELECT COUNT(*) FROM articles_searchentry "
            "WHERE title_document @@ to_tsquery('simple', %s)"
        )
        return _fetch_ids(*_within(sql, [rendered], within, "article_id"))[0]

    def title_ids(self, rendered: str, within, limit: int, offset: int) -> list[int]:
        """Title matches, best ts_rank first, the most recently added first among equals."""
        sql, params = _within(
            "SELECT article_id FROM articles_searchentry, to_tsquery('simple', %s) AS query "
            "WHERE title_document @@ query",
            [rendered],
            within,
            "article_id",
        )
        sql += " ORDER BY ts_rank(title_document, query) DESC, article_id DESC LIMIT %s OFFSET %s"
        return _fetch_ids(sql, params + [limit, offset])

    def body_only_ids(
        self, rendered: str, within, limit: int, offset: int, matches: int
    ) -> list[int]:
        """Matches whose title does not match, newest first; no document is read for a rank.

        `matches` is how many there are (total minus title matches, known from the summary).
        Many: the planner walks the primary key backwards and checks each entry until a page
        is full, a few entries per match. Few: that walk would read most of the archive before
        it found a page (丁丽珊, 57 matches in 100,000 pieces: 230 ms), so the order is given as
        an expression no index answers, and the GIN index finds the matches, which are sorted.
        """
        order = "article_id + 0" if matches <= self.FEW_BODY_MATCHES else "article_id"
        sql, params = _within(
            "SELECT article_id FROM articles_searchentry, to_tsquery('simple', %s) AS query "
            "WHERE document @@ query AND NOT title_document @@ query",
            [rendered],
            within,
            "article_id",
        )
        sql += f" ORDER BY {order} DESC LIMIT %s OFFSET %s"
        return _fetch_ids(sql, params + [limit, offset])

    def facet_counts(self, rendered: str, within) -> list[tuple]:
        sql = (
            "SELECT zone_id, year, genre, COUNT(*) FROM articles_searchentry "
            "WHERE document @@ to_tsquery('simple', %s)"
        )
        return _fetch_counts(sql, [rendered], within)


def _within(sql, params, within, id_column):
    """Narrow sql to the article ids of the subquery within, when there is one."""
    if not within:
        return sql, params
    return f"{sql} AND {id_column} IN ({within[0]})", params + list(within[1])


def _fetch_counts(sql, params, within) -> list[tuple]:
    sql, params = _within(sql, params, within, "article_id")
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
