"""The correspondents' side, outside the admin: their pieces and where each stands."""

from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from .models import Article, ArticleTransition, EditorComment


def own_pieces(user):
    """Pieces the user wrote or co-wrote; the only ones a correspondent may see or change."""
    return Article.objects.filter(authorships__contributor__user=user).distinct()


@login_required
def my_submissions(request):
    pieces = (
        own_pieces(request.user)
        .select_related("zone", "issue")
        .prefetch_related(
            Prefetch(
                "transitions",
                queryset=ArticleTransition.objects.exclude(note="").order_by("-at"),
                to_attr="notes_newest_first",
            )
        )
        .order_by("-created_at")
    )
    return render(request, "articles/portal/my_submissions.html", {"pieces": pieces})


@login_required
def my_submission(request, pk):
    piece = get_object_or_404(own_pieces(request.user).select_related("zone", "issue"), pk=pk)
    return render(
        request,
        "articles/portal/my_submission.html",
        {
            "piece": piece,
            "history": piece.transitions.select_related("by").order_by("at", "pk"),
            "comments": EditorComment.objects.filter(article=piece, internal=False),
        },
    )
