"""Versions shared by every process on every node: of the search dictionary's names, and of
the index.

segmentation.py keeps each process's copy of the dictionary; NamesVersion says whether that
copy is still current, IndexVersion whether counts cached for a query still hold. They live in
the database because the database is the one thing every process and every node share by
definition (a cache is shared only when configured so; the tests' is per process), and reading
one row by its primary key costs one indexed query per search.
"""

import uuid

from django.db import models


class NamesVersion(models.Model):
    """One row, written whenever a zone, an alias or a contributor gains, changes or loses a
    name. The stamp is random rather than a counter, so a process can never mistake a new
    version for the one it read before (a counter would repeat after a rollback or a flush)."""

    ROW = 1

    stamp = models.UUIDField("版本", default=uuid.uuid4)

    class Meta:
        verbose_name = "检索词典版本"
        verbose_name_plural = "检索词典版本"

    def __str__(self):
        return str(self.stamp)


class IndexVersion(models.Model):
    """One row, given a new stamp in the same transaction as every change to the index.

    A result's counts (total, title matches, facets) are cached under it (summary.py): a
    repeated broad query then costs one cache read instead of a count over every match, and a
    change to the index, committed or rolled back, can never serve counts of another state.
    Random for the reason NamesVersion is.
    """

    ROW = 1

    stamp = models.UUIDField("版本", default=uuid.uuid4)

    class Meta:
        verbose_name = "检索索引版本"
        verbose_name_plural = "检索索引版本"

    def __str__(self):
        return str(self.stamp)
