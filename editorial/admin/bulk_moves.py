"""The queue's bulk actions, made from the moves table (editorial.workflow.moves()).

Each move the editors make on a piece that waits for them gets one action, labelled as the
table labels the move, so a move added to the table is in the action list without code being
copied. A move that needs a note or an issue asks for it once, for every selected piece, on a
confirmation page (BulkMoveForm) that nothing moves before; then each piece goes through
workflow.article_transition, which may still refuse it.
"""

from django.contrib import admin, messages
from django.template.response import TemplateResponse

from articles.models import Status
from editorial import workflow
from editorial.admin.forms import BulkMoveForm


def bulk_move_actions(moves) -> list:
    """One admin action per status the editors move waiting pieces to."""
    # The queue's list opens on what waits for the editors, so its actions are their moves on
    # those pieces; a move from elsewhere (撤出该期, on a scheduled piece) stays a button on
    # the piece's own page.
    into = {}
    for (source, to), move in moves.items():
        if source in workflow.AWAITING_EDITORS and workflow.is_editors_move(move):
            into.setdefault(to, []).append(move)
    return [
        _action(to, label=found[0].label, needs_note=any(m.needs_note for m in found))
        for to, found in into.items()
    ]


def _action(to: Status, *, label: str, needs_note: bool):
    def move_selected(model_admin, request, queryset):
        return _bulk_move(model_admin, request, queryset, to=to, label=label, needs_note=needs_note)

    move_selected.__name__ = f"move_to_{to.value}"
    description = f"{label}（附意见）" if needs_note else label
    return admin.action(description=description, permissions=["change"])(move_selected)


def _bulk_move(model_admin, request, queryset, *, to: Status, label: str, needs_note: bool):
    asks = {"needs_note": needs_note, "needs_issue": to == Status.SCHEDULED}
    answered = "confirm" in request.POST or not any(asks.values())
    form = BulkMoveForm(request.POST if answered else None, **asks)
    if not form.is_valid():
        return TemplateResponse(
            request,
            "admin/articles/article/bulk_move.html",
            {
                **model_admin.admin_site.each_context(request),
                "title": label,
                "opts": model_admin.model._meta,
                "pieces": queryset,
                "action": request.POST["action"],
                "form": form,
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            },
        )
    moved, refused = 0, []
    for article in queryset:
        try:
            workflow.article_transition(
                article=article,
                to=to,
                by=request.user,
                note=form.cleaned_data.get("note", ""),
                issue=form.cleaned_data.get("issue"),
            )
            moved += 1
        except workflow.TransitionNotAllowed as refusal:
            refused.append(f"《{article.title}》：{refusal}")
    if moved:
        model_admin.message_user(request, f"{label}：{moved} 篇。", messages.SUCCESS)
    for line in refused:
        model_admin.message_user(request, line, messages.ERROR)
    return None
