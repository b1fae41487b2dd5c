"""Issue assembly (拼版): how full each page is, and scheduling a piece onto a page.

The status change itself is the workflow's (article_transition); this module decides where
on the page a newly scheduled piece lands, in the move's own transaction.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import Max

from articles.models import Article, Issue, Status
from articles.text import count_characters
from editorial import workflow


@dataclass
class PageFill:
    """One page (版) of an issue: its pieces in order and their characters against the budget."""

    page: int | None  # None: pieces not yet given a page
    rows: list = field(default_factory=list)  # (row, its characters)
    characters: int = 0

    @property
    def budget(self) -> int:
        return settings.KFQ_PAGE_CHARACTERS

    @property
    def over_budget(self) -> bool:
        return self.page is not None and self.characters > self.budget

    @property
    def label(self) -> str:
        return f"第{self.page}版" if self.page is not None else "未定版次"

    @property
    def fill(self) -> str:
        return f"{self.characters:,} / {self.budget:,} 字"


def pages_of(rows, piece_of=lambda row: row) -> list[PageFill]:
    """Group rows (pieces, or admin rows holding one) by page, in page then position order;
    pieces with no page yet come last."""
    pages: dict[int | None, PageFill] = {}
    for row in rows:
        piece = piece_of(row)
        page = pages.setdefault(piece.page, PageFill(piece.page))
        characters = count_characters(piece.body)
        page.rows.append((row, characters))
        page.characters += characters
    for page in pages.values():
        page.rows.sort(key=lambda pair: _position_key(piece_of(pair[0])))
    return sorted(pages.values(), key=lambda page: (page.page is None, page.page or 0))


def _position_key(piece):
    return (piece.position is None, piece.position or 0, piece.pk)


class PlacementRefused(Exception):
    """A piece cannot go where asked; the message says why, in Chinese."""


@transaction.atomic
def schedule_into(*, article: Article, issue: Issue, by, page: int = 1) -> Article:
    """排入本期: schedule the piece into the issue, on the next free position of `page`."""
    if not 1 <= page <= max(issue.pages, 1):
        raise PlacementRefused(f"本期只有{issue.pages}个版，不能排入第{page}版。")
    # The issue's row is the lock every scheduling into it takes, so two editors scheduling at
    # once get distinct positions.
    Issue.objects.select_for_update().get(pk=issue.pk)
    piece = workflow.article_transition(article=article, to=Status.SCHEDULED, by=by, issue=issue)
    last = Article.objects.filter(issue=issue, page=page).aggregate(last=Max("position"))["last"]
    piece.page, piece.position = page, (last or 0) + 1
    piece.save(update_fields=["page", "position"])
    return piece
