"""The same story twice, for editors: the queue's flag, the piece page's list of near copies,
and the two pieces side by side with their shared passages marked.

The pairs are found by search.near_copies when a piece is fingerprinted; this module only
shows them. Every piece is shown in full here, whatever its zone or status: editors see all.
"""

from dataclasses import dataclass

from django.contrib import admin
from django.db.models import Count, F, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.html import format_html

from articles.models import Article
from search import near_copies
from search.models import NearCopy

# The queue names the other piece by the start of its title; the link's tooltip has it whole.
FLAG_TITLE_LENGTH = 12


def flag_annotations() -> dict:
    """What the queue's flag shows of each piece's closest copy, as annotations of the
    queue's own query: no query per row, and no query at all when nothing is flagged."""
    closest = NearCopy.objects.filter(article=OuterRef("pk")).order_by("-similarity", "other_id")
    counted = (
        NearCopy.objects.filter(article=OuterRef("pk"))
        .order_by()
        .values("article")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return {
        "near_copy_similarity": Subquery(closest.values("similarity")[:1]),
        "near_copy_other": Subquery(closest.values("other_id")[:1]),
        "near_copy_title": Subquery(closest.values("other__title")[:1]),
        "near_copy_count": Coalesce(Subquery(counted), 0),
    }


# The closest copies first, and the unflagged last on every database (PostgreSQL puts NULL
# first in a descending sort, SQLite last).
@admin.display(description="疑似重复", ordering=F("near_copy_similarity").desc(nulls_last=True))
def near_copy_flag(article):
    if article.near_copy_other is None:
        return "—"
    more = f"等 {article.near_copy_count} 篇" if article.near_copy_count > 1 else ""
    return format_html(
        '<a class="near-copy-flag" href="{}" title="{}">与《{}》相似 {}%{}</a>',
        reverse("admin:articles_article_near_copy", args=[article.pk, article.near_copy_other]),
        article.near_copy_title,
        _shortened(article.near_copy_title),
        round(article.near_copy_similarity * 100),
        more,
    )


def _shortened(title: str) -> str:
    # Truncator's ellipsis is translated as three full stops, which look odd in a Chinese title.
    if len(title) <= FLAG_TITLE_LENGTH:
        return title
    return title[: FLAG_TITLE_LENGTH - 1] + "…"


@dataclass(frozen=True)
class Side:
    article: Article
    title: list[near_copies.Passage]
    body: list[near_copies.Passage]
    shared_percent: int


def _side(article: Article, other: Article) -> Side:
    theirs = near_copies.text_of(other)
    title = near_copies.shared_passages(article.title, theirs)
    body = near_copies.shared_passages(article.body, theirs)
    return Side(
        article=article,
        title=title,
        body=body,
        shared_percent=round(near_copies.shared_share(title + body) * 100),
    )


def side_by_side(request, object_id, other_id):
    """The piece and one of its near copies, each with the passages it shares marked."""
    pair = get_object_or_404(
        NearCopy.objects.select_related(
            "article__zone", "article__issue", "other__zone", "other__issue"
        ),
        article_id=object_id,
        other_id=other_id,
    )
    context = {
        **admin.site.each_context(request),
        "opts": Article._meta,
        "original": pair.article,
        "title": f"相似稿件对照：{pair.article.title}",
        "pair": pair,
        "sides": [_side(pair.article, pair.other), _side(pair.other, pair.article)],
    }
    return render(request, "admin/articles/article/near_copy.html", context)
