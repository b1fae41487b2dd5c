"""After a hostile load run: what the database holds against what the clients were told."""

import re
from collections import defaultdict

from bench.hostile_records import Recorder

# Every piece a client writes carries this marker in its body, so the check finds this run's pieces.
MARKER = re.compile(r"负载标记-[0-9a-f]+-\d+-\d+")


def check_database(recorder: Recorder, run_id: str) -> dict:
    """Compare what the clients were told with what the database holds."""
    from django.db.models import OuterRef, Subquery

    from articles.models import Article, ArticleTransition, Authorship, Status

    pieces = defaultdict(list)
    for piece in Article.objects.filter(body__contains=f"负载标记-{run_id}-").values(
        "pk", "status", "manuscript_number", "body"
    ):
        for marker in set(MARKER.findall(piece["body"])):
            pieces[marker].append(piece)
    by_pk = {piece["pk"]: piece for found in pieces.values() for piece in found}
    missing = [pk for pk in {s.piece_id for s in recorder.submissions if s.piece_id} - by_pk.keys()]
    by_pk.update(
        {
            p["pk"]: p
            for p in Article.objects.filter(pk__in=missing).values(
                "pk", "status", "manuscript_number", "body"
            )
        }
    )

    accepted = [s for s in recorder.submissions if s.outcome == "accepted"]
    unnumbered = []
    for submission in accepted:
        piece = by_pk.get(submission.piece_id)
        if piece is None or piece["status"] == Status.DRAFT or not piece["manuscript_number"]:
            unnumbered.append(submission)

    # A "投稿" click that the user was not told ended as a draft must leave no numberless draft.
    lost = []
    for submission in recorder.submissions:
        clicked_submit = submission.kind != "co-authored-draft"
        if not clicked_submit or submission.outcome == "refused-as-draft":
            continue
        for piece in pieces.get(submission.marker, []):
            if piece["status"] == Status.DRAFT and not piece["manuscript_number"]:
                if submission.kind == "draft-revise" and submission.outcome == "saved-draft":
                    continue  # the draft step ran, the submit step never did
                lost.append((submission, piece["pk"]))

    doubles = [s for s in recorder.submissions if s.kind == "double"]
    doubled = [s for s in doubles if len(pieces.get(s.marker, [])) > 1]

    bylines_changed = []
    for save in recorder.co_author_saves:
        names = list(
            Authorship.objects.filter(article_id=save.piece_id)
            .order_by("order")
            .values_list("contributor_id", "contributor__name")
        )
        ids = [contributor_id for contributor_id, _ in names]
        if (
            not ids
            or ids[0] != save.first_author
            or save.co_author not in ids
            or "李无号" not in [name for _, name in names]
        ):
            bylines_changed.append((save.piece_id, [name for _, name in names]))

    # Every piece of the run stands where its log's last entry says (a stale save must not
    # undo an editor's move), and every piece past the draft has a number.
    last_move = ArticleTransition.objects.filter(article=OuterRef("pk")).order_by("-at", "-pk")
    run_pieces = Article.objects.filter(created_by__username__startswith="load-correspondent-")
    off_log = [
        (piece.pk, piece.status, piece.logged)
        for piece in run_pieces.annotate(logged=Subquery(last_move.values("to_status")[:1]))
        if (piece.logged or Status.DRAFT) != piece.status
    ]
    numberless = list(
        run_pieces.exclude(status=Status.DRAFT)
        .filter(manuscript_number__isnull=True)
        .values_list("pk", flat=True)
    )

    return {
        "off_log": off_log,
        "numberless": numberless,
        "accepted": accepted,
        "unnumbered": unnumbered,
        "lost": lost,
        "doubles": doubles,
        "doubled": doubled,
        "co_author_saves": recorder.co_author_saves,
        "bylines_changed": bylines_changed,
    }
