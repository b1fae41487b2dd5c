"""The correspondents' side, outside the admin: their pieces and where each stands."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.db.models.functions import Coalesce, Greatest
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from articles import bylines
from articles.models import (
    Article,
    ArticleTransition,
    EditorComment,
    MailPreference,
    PublicationProof,
    Status,
)
from articles.photos import PhotoRejected, process_photo
from editorial import workflow
from importer.word import UnreadableDocument
from portal import progress
from portal.forms import AutosaveForm, SubmissionForm, WithdrawForm
from portal.submissions import (
    STATUS_CHANGED,
    SubmissionRefused,
    keep_pending_photo,
    own_pieces,
    parse_token,
    save_submission,
    similar_pieces,
)
from portal.word_import import fill_from_word, form_values, kept_pending

SIMILAR_HELD_BACK = (
    "已有一篇非常相似的稿件，本稿暂未投出，已保存为草稿。请核对下方提示；确认不是重复投稿后再投。"
)


@login_required
def my_submissions(request):
    pieces = (
        own_pieces(request.user)
        .select_related("zone", "issue")
        .prefetch_related(
            Prefetch(
                "transitions",
                # The editors' notes only: a withdrawal's note is the author's own reason.
                queryset=ArticleTransition.objects.exclude(note="")
                .exclude(to_status=Status.WITHDRAWN)
                .order_by("-at"),
                to_attr="notes_newest_first",
            )
        )
        .annotate(last_change=Greatest("updated_at", Coalesce("status_changed_at", "created_at")))
        .order_by("-last_change", "-pk")
    )
    used_this_year = (
        own_pieces(request.user)
        .published()
        .filter(issue__date__year=timezone.localdate().year)
        .count()
    )
    return render(
        request,
        "portal/my_submissions.html",
        {"pieces": pieces, "used_this_year": used_this_year, "year": timezone.localdate().year},
    )


@login_required
def my_submission(request, pk):
    piece = get_object_or_404(own_pieces(request.user).select_related("zone", "issue"), pk=pk)
    return render(
        request,
        "portal/my_submission.html",
        {
            "piece": piece,
            "timeline": progress.timeline(piece, list(piece.transitions.order_by("at", "pk"))),
            "next_step": progress.next_step(piece),
            "comments": EditorComment.objects.filter(article=piece, internal=False),
            "moves": workflow.available_moves(request.user, piece),
            "editable": piece.status in workflow.AUTHOR_EDITABLE,
            "photo": piece.photos.first(),
        },
    )


@login_required
def proof(request, pk):
    """用稿证明 of a published piece, for the logged-in author to print (A4)."""
    piece = get_object_or_404(
        own_pieces(request.user).published().select_related("issue", "zone"), pk=pk
    )
    contributor = request.user.contributor
    return render(
        request,
        "portal/proof.html",
        {
            "piece": piece,
            "proof": PublicationProof.objects.for_author(article=piece, contributor=contributor),
            "authors": bylines.authors_of(piece),
            "site_url": settings.KFQ_SITE_URL.rstrip("/"),
        },
    )


@login_required
def published_list(request, year):
    """The author's pieces used in one year, to print for their unit."""
    pieces = (
        own_pieces(request.user)
        .published()
        .filter(issue__date__year=int(year))
        .select_related("issue", "zone")
        .order_by("issue__date", "page", "position")
    )
    return render(request, "portal/published_list.html", {"pieces": pieces, "year": int(year)})


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
    # Back from logging in again after the session expired while writing (static/js/autosave.js):
    # the same form, so the browser finds the text it kept for it, or the draft autosave made.
    restore = parse_token(request.GET.get("restore")) if request.method == "GET" else None
    made = Article.objects.filter(submission_token=restore).first() if restore else None
    if made is not None:
        if own_pieces(request.user).filter(pk=made.pk, status__in=workflow.AUTHOR_EDITABLE):
            return redirect("portal:revise", made.pk)
        restore = None  # someone else's form, or its piece went in: a new form
    return _edit(request, piece=None, submission_token=restore)


@login_required
def revise(request, pk):
    """Edit one's draft, or revise a piece the editors sent back, in place.

    A post on a piece that moved on meanwhile comes back as the form with the posted text and
    a note, so nothing typed is lost; only opening the form of such a piece is refused.
    """
    if request.method == "POST":
        return _edit(request, piece=get_object_or_404(own_pieces(request.user), pk=pk))
    return _edit(request, piece=_editable_piece(request.user, pk))


def _edit(request, *, piece, submission_token=None):
    existing_photo = piece.photos.first() if piece else None
    posted = request.method == "POST"
    if posted and "import_word" in request.POST:
        return _import_word(request, piece=piece, existing_photo=existing_photo)
    data = request.POST.copy() if posted else None
    photo_error = ""
    upload = request.FILES.get("photo") or request.FILES.get("photo_camera")
    if posted and upload:
        # Checked and kept before the form is validated, so a form error does not lose it.
        try:
            processed = process_photo(upload=upload)
        except PhotoRejected as rejection:
            photo_error = str(rejection)
            data["pending_photo"] = ""
        else:
            pending = keep_pending_photo(user=request.user, photo=processed)
            data["pending_photo"] = str(pending.token)
            data.pop("remove_pending_photo", None)
    form = SubmissionForm(data, instance=piece, user=request.user, existing_photo=existing_photo)
    if submission_token and not posted:
        form.initial["submission_token"] = submission_token
    if posted and form.is_valid():
        try:
            saved = _save(
                request, form, piece=piece, submit="submit" in request.POST and not photo_error
            )
        except SubmissionRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            return _after_save(request, form, saved, photo_error=photo_error)
    elif photo_error:
        form.add_error("photo", f"图片未被接受：{photo_error} 请重新选择图片。")
    return render(
        request,
        "portal/submission_form.html",
        {
            "form": form,
            "piece": piece,
            "photo": existing_photo,
            # Told before 投稿, each time the saved text is opened or comes back with errors.
            "similar": similar_pieces(user=request.user, article=piece) if piece else (),
        },
    )


def _import_word(request, *, piece, existing_photo):
    """The form again, filled from the chosen Word document; nothing is saved yet."""
    values = form_values(request.POST, SubmissionForm)
    pending = kept_pending(user=request.user, values=values)
    upload = request.FILES.get("word_file")
    if upload is None:
        messages.error(request, "请先选择 Word 文档（.docx），再点“读取文档”。")
    else:
        try:
            filled = fill_from_word(user=request.user, values=values, upload=upload)
        except UnreadableDocument as reason:
            messages.error(request, f"{reason} 表单中已填的内容没有改动。")
        else:
            values, pending = filled.values, filled.pending or pending
            note = f"已从 Word 文档填入：{'、'.join(filled.filled)}。"
            if filled.replaced:
                note += f"原来填写的{'、'.join(filled.replaced)}已被文档中的内容替换。"
            messages.success(request, note + "请核对后再保存草稿或投稿。")
            if filled.photo_problem:
                messages.warning(
                    request, f"文档中的图片未被采用：{filled.photo_problem} 可另选一张图片上传。"
                )
    form = SubmissionForm(
        initial=values, instance=piece, user=request.user, existing_photo=existing_photo
    )
    form.pending = pending
    # The form now holds everything that was posted plus the document: the copy of the text
    # that autosave.js kept in the browser before the post is older, and must not be restored.
    return render(
        request,
        "portal/submission_form.html",
        {"form": form, "piece": piece, "photo": existing_photo, "composed_by_server": True},
    )


def _save(request, form, *, piece, submit):
    data = form.cleaned_data
    byline_changed = piece is None or form.byline_changed()
    return save_submission(
        user=request.user,
        article=piece,
        fields={name: data[name] for name in SubmissionForm.Meta.fields},
        co_authors=list(data["co_authors"]) if byline_changed else None,
        extra_author_names=data["extra_authors"] if byline_changed else None,
        photo=data["pending_photo"],
        photo_caption=data["photo_caption"],
        photo_credit=data["photo_credit"],
        submit=submit,
        similar_confirmed=request.POST.get("similar_confirmed") == "1",
        token=data.get("submission_token"),
    )


def _after_save(request, form, saved, *, photo_error):
    piece = saved.article
    if saved.repeated:
        return redirect("portal:my_submission", piece.pk)
    if photo_error:
        messages.error(request, f"图片未被接受：{photo_error} 稿件文字已保存，请重新选择图片。")
        return redirect("portal:revise", piece.pk)
    if form.length and form.length.warning:
        messages.warning(request, form.length.warning)
    elif form.length and form.length.refusal and not saved.submit_refusal:
        messages.warning(request, f"已保存草稿，但投稿时会被退回：{form.length.refusal}")
    if saved.submit_refusal:
        messages.error(request, f"{saved.submit_refusal} 稿件已保存为草稿。")
        return redirect("portal:revise", piece.pk)
    if saved.similar:
        messages.warning(request, SIMILAR_HELD_BACK)
        return redirect("portal:revise", piece.pk)
    if piece.status == Status.SUBMITTED:
        messages.success(request, "稿件已投出，编辑部处理后会通知你。")
    else:
        messages.success(request, "稿件已保存为草稿。")
    return redirect("portal:my_submission", piece.pk)


@login_required
def withdraw(request, pk):
    """Withdrawal asks first: the piece, what withdrawing means, and the reason."""
    piece = get_object_or_404(own_pieces(request.user), pk=pk)
    if Status.WITHDRAWN not in {to for to, _move in workflow.available_moves(request.user, piece)}:
        messages.error(request, f"稿件当前为“{piece.get_status_display()}”，不能撤回。")
        return redirect("portal:my_submission", piece.pk)
    form = WithdrawForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            workflow.article_transition(
                article=piece,
                to=Status.WITHDRAWN,
                by=request.user,
                note=form.cleaned_data["reason"],
            )
        except workflow.TransitionNotAllowed as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, "稿件已撤回。需要时可以重新打开为草稿，稿件编号不变。")
        return redirect("portal:my_submission", piece.pk)
    return render(request, "portal/withdraw.html", {"piece": piece, "form": form})


@require_POST
@login_required
def reopen(request, pk):
    """A withdrawn piece back to a draft, keeping its manuscript number and its history."""
    piece = get_object_or_404(own_pieces(request.user), pk=pk)
    try:
        workflow.article_transition(article=piece, to=Status.DRAFT, by=request.user)
    except workflow.TransitionNotAllowed as refusal:
        messages.error(request, str(refusal))
        return redirect("portal:my_submission", piece.pk)
    messages.success(request, "稿件已重新打开为草稿：修改后可以再次投稿，稿件编号不变。")
    return redirect("portal:revise", piece.pk)


@require_POST
def autosave(request, pk=None):
    """Save what is being written, unfinished as it may be, and answer in JSON for the page's
    script (static/js/autosave.js): when it was saved, and where the piece now lives.

    Not behind login_required: a session that expired while writing gets 401, not the login
    page, and the script keeps the text in the browser until the correspondent logs in again.
    """
    if not request.user.is_authenticated:
        return JsonResponse({"error": "登录已过期。"}, status=401)
    if not hasattr(request.user, "contributor"):
        return JsonResponse({"error": "只有通讯员可以投稿。"}, status=403)
    piece = get_object_or_404(own_pieces(request.user), pk=pk) if pk else None
    if piece is not None and piece.status not in workflow.AUTHOR_EDITABLE:
        return JsonResponse({"error": STATUS_CHANGED}, status=409)
    form = AutosaveForm(request.POST, instance=piece, user=request.user)
    if not form.is_valid():
        return JsonResponse({"error": "有内容无法保存，请检查后点“保存草稿”。"}, status=400)
    try:
        saved = save_submission(
            user=request.user,
            article=piece,
            fields=form.fields_to_save(),
            token=parse_token(request.POST.get("submission_token")),
        )
    except SubmissionRefused as refusal:
        return JsonResponse({"error": str(refusal)}, status=409)
    if saved.repeated:
        return JsonResponse({"error": "这份表单的稿件已经投出。"}, status=409)
    saved_at = timezone.localtime(saved.article.updated_at)
    return JsonResponse(
        {
            "saved_at": f"{saved_at:%H:%M}",
            "piece": saved.article.pk,
            "edit_url": reverse("portal:revise", args=[saved.article.pk]),
            "autosave_url": reverse("portal:autosave", args=[saved.article.pk]),
        }
    )


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
        return redirect("portal:mail_settings")
    return render(request, "portal/mail_settings.html", {"form": form})
