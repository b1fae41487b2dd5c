"""The version of the names in the search dictionary, shared by every process on every node.

segmentation.py keeps each process's copy of the dictionary; this one row says whether that
copy is still current. It lives in the database because the database is the one thing every
process and every node share by definition (a cache is shared only when configured so; the
tests' is per process), and reading one row by its primary key costs what the table-size
signature it replaces cost: one indexed query per search.
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
