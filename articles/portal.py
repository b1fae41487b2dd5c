"""The correspondents' side, outside the admin: their pieces and where each stands."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from . import workflow
from .forms import SubmissionForm
from .models import Article, ArticleTransition, EditorComment, MailPreference, Status
from .photos import PhotoRejected, process_photo
from .submissions import save_submission


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
            "moves": workflow.available_moves(request.user, piece),
            "editable": piece.status in workflow.AUTHOR_EDITABLE,
            "photo": piece.photos.first(),
        },
    )


def _editable_piece(user, pk):
    piece = get_object_or_404(own_pieces(user), pk=pk)
    if piece.status not in workflow.AUTHOR_EDITABLE:
        raise PermissionDenied("这篇稿件现在不能修改。")
    return piece


@login_required
def submit(request):
    """A new piece: save it as a draft, or submit it to the editors."""
    if not hasattr(request.user, "contributor"):
        raise PermissionDenied("只有通讯员可以投稿。")
    return _edit(request, piece=None)


@login_required
def revise(request, pk):
    """Edit one's draft, or revise a piece the editors sent back, in place."""
    return _edit(request, piece=_editable_piece(request.user, pk))


def _edit(request, *, piece):
    existing_photo = piece.photos.first() if piece else None
    posted = request.method == "POST"
    form = SubmissionForm(
        request.POST if posted else None,
        request.FILES if posted else None,
        instance=piece,
        user=request.user,
        existing_photo=existing_photo,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        processed, photo_error = None, ""
        if data["photo"]:
            try:
                processed = process_photo(upload=data["photo"])
            except PhotoRejected as rejection:
                photo_error = str(rejection)
        fields = {name: data[name] for name in SubmissionForm.Meta.fields}
        piece = save_submission(
            user=request.user,
            article=piece,
            fields=fields,
            co_authors=data["co_authors"],
            extra_author_names=data["extra_authors"],
            photo=processed,
            photo_caption=data["photo_caption"],
            photo_credit=data["photo_credit"],
        )
        if photo_error:
            messages.error(request, f"图片未被接受：{photo_error} 稿件文字已保存，请重新选择图片。")
            return redirect("articles:revise", piece.pk)
        if form.length and form.length.warning:
            messages.warning(request, form.length.warning)
        if "submit" in request.POST:
            try:
                workflow.article_transition(article=piece, to=Status.SUBMITTED, by=request.user)
            except workflow.TransitionNotAllowed as refusal:
                messages.error(request, f"{refusal} 稿件已保存为草稿。")
                return redirect("articles:revise", piece.pk)
            messages.success(request, "稿件已投出，编辑部处理后会通知你。")
        else:
            messages.success(request, "稿件已保存为草稿。")
        return redirect("articles:my_submission", piece.pk)
    return render(
        request,
        "articles/portal/submission_form.html",
        {"form": form, "piece": piece, "photo": existing_photo},
    )


@require_POST
@login_required
def withdraw(request, pk):
    piece = get_object_or_404(own_pieces(request.user), pk=pk)
    try:
        workflow.article_transition(article=piece, to=Status.WITHDRAWN, by=request.user)
    except workflow.TransitionNotAllowed as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, "稿件已撤回。")
    return redirect("articles:my_submission", piece.pk)


class MailPreferenceForm(forms.ModelForm):
    class Meta:
        model = MailPreference
        fields = ["optional_mail"]
        labels = {"optional_mail": "接收非必要邮件（开始审阅、排期、刊发等通知；新投稿提醒）"}
        help_texts = {"optional_mail": "退修、录用、不予采用的通知总会发送。"}


@login_required
def mail_settings(request):
    preference, _ = MailPreference.objects.get_or_create(user=request.user)
    # An all-unchecked form posts nothing at all, so bind on the method, not on the data.
    data = request.POST if request.method == "POST" else None
    form = MailPreferenceForm(data, instance=preference)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "邮件设置已保存。")
        return redirect("articles:mail_settings")
    return render(request, "articles/portal/mail_settings.html", {"form": form})
