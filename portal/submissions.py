"""Saving a correspondent's piece: text, authors and the one photo.

Status moves stay in workflow.py; this module writes only what the author may edit, under the
row lock the workflow takes, and refuses when the piece moved on since the form was loaded.
A photo is kept as pending for its uploader until the form that carries it is complete.
"""

import datetime
import uuid
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.core.files.base import File
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from articles import bylines
from articles.models import (
    Article,
    CallForPapers,
    Contributor,
    PendingPhoto,
    Photo,
    Status,
    VersionKind,
)
from articles.photos import ProcessedPhoto
from editorial import versions, workflow
from editorial.lengths import check_length
from search import near_copies

# A form left with errors overnight is abandoned; its photo goes at the next upload.
PENDING_LIFETIME = datetime.timedelta(days=1)

STATUS_CHANGED = "稿件状态已变更，请刷新后再改。"
FORM_USED_ELSEWHERE = "这份投稿表单已经失效，请刷新页面后再投。"


class SubmissionRefused(Exception):
    """The save cannot go ahead and nothing was written; str(exc) is for the form."""


@dataclass(frozen=True)
class SimilarPiece:
    """A piece nearly the same as the author's, as far as the author may be told of it: the
    title and a link only of a published piece or of one of their own; of any other (another
    correspondent's, another zone's, not published) only that it exists."""

    percent: int
    title: str = ""
    url: str = ""
    own: bool = False


@dataclass(frozen=True)
class Saved:
    article: Article
    submit_refusal: str = ""  # why 投稿 was refused; the text is then saved as it stands
    repeated: bool = False  # the same form came again; nothing new was saved
    # Held back from 投稿 as nearly the same as these pieces; the text is saved as a draft.
    similar: tuple[SimilarPiece, ...] = ()


def own_pieces(user):
    """Pieces the user wrote or co-wrote; the only ones a correspondent may see or change."""
    return Article.objects.filter(authorships__contributor__user=user).distinct()


def similar_pieces(*, user, article: Article) -> tuple[SimilarPiece, ...]:
    """The pieces nearly the same as the author's saved text (search.near_copies)."""
    matches = near_copies.similar_to(near_copies.text_of(article), exclude=article.pk)
    if not matches:
        return ()
    ids = [match.article_id for match in matches]
    found = Article.objects.select_related("issue").in_bulk(ids)
    own = set(own_pieces(user).filter(pk__in=ids).values_list("pk", flat=True))
    similar = []
    for match in matches:
        piece, percent = found[match.article_id], round(match.similarity * 100)
        if piece.pk in own:
            url = reverse("portal:my_submission", args=[piece.pk])
            similar.append(SimilarPiece(percent, piece.title, url, own=True))
        elif piece.status == Status.PUBLISHED:
            similar.append(SimilarPiece(percent, piece.title, piece.get_absolute_url()))
        else:
            similar.append(SimilarPiece(percent))
    return tuple(similar)


@transaction.atomic
def save_submission(
    *,
    user,
    fields: dict,
    article: Article | None = None,
    co_authors: list[Contributor] | None = None,
    extra_author_names: list[str] | None = None,
    photo: PendingPhoto | None = None,
    photo_caption: str = "",
    photo_credit: str = "",
    submit: bool = False,
    similar_confirmed: bool = False,
    token: uuid.UUID | None = None,
) -> Saved:
    """Create the author's piece, or update `article` as the caller loaded it.

    An update is refused (SubmissionRefused) when the piece's status is no longer the one
    the caller saw, or no longer one the author may edit. co_authors and extra_author_names
    are None when the user left the byline alone. `token` makes a new piece's form single-use:
    once its piece went beyond a draft, the same form again changes nothing.
    With submit, the save and the move to 已投稿 commit together; a refused move (a piece far
    over its length, say) leaves the saved text and says why in submit_refusal. A piece nearly
    the same as another is held back as a draft, with those pieces in `similar`, until the
    author confirms (similar_confirmed) that it is not the same story sent twice.
    """
    if article is None:
        created = _create(user=user, fields=fields, token=token)
        if created.repeated and created.article.status != Status.DRAFT:
            return created
        if created.repeated:
            # This form's piece is still a draft (saved meanwhile by autosave, or by a first
            # 保存草稿): the post carries the newer text, so it updates that draft.
            article = _update(article=created.article, fields=fields, user=user)
        else:
            article = created.article
        _set_byline(
            article=article,
            user=user,
            co_authors=co_authors or [],
            extra_names=extra_author_names or [],
        )
    else:
        article = _update(article=article, fields=fields, user=user)
        if co_authors is not None or extra_author_names is not None:
            _set_byline(
                article=article,
                user=user,
                co_authors=co_authors,
                extra_names=extra_author_names,
            )
    _save_photo(article=article, pending=photo, caption=photo_caption, credit=photo_credit)
    if submit:
        length = check_length(body=article.body, genre=article.genre, call=article.call)
        if length.refusal:
            return Saved(article, submit_refusal=length.refusal)
        if not similar_confirmed and (similar := similar_pieces(user=user, article=article)):
            return Saved(article, similar=similar)
        try:
            article = workflow.article_transition(article=article, to=Status.SUBMITTED, by=user)
        except workflow.TransitionNotAllowed as refusal:
            return Saved(article, submit_refusal=str(refusal))
    return Saved(article)


def _create(*, user, fields: dict, token: uuid.UUID | None) -> Saved:
    if token is not None:
        earlier = Article.objects.filter(submission_token=token).first()
        if earlier is not None:
            return _repeated(earlier, user)
    article = Article(created_by=user, submission_token=token, **fields)
    try:
        with transaction.atomic():
            article.save()
    except IntegrityError:
        # The same form, sent twice at once: the other request inserted its token first.
        earlier = Article.objects.filter(submission_token=token).first() if token else None
        if earlier is None:
            raise
        return _repeated(earlier, user)
    return Saved(article)


def _repeated(earlier: Article, user) -> Saved:
    if earlier.created_by_id != user.pk:
        raise SubmissionRefused(FORM_USED_ELSEWHERE)
    return Saved(earlier, repeated=True)


def _update(*, article: Article, fields: dict, user) -> Article:
    locked = Article.objects.select_for_update().get(pk=article.pk)
    if locked.status != article.status or locked.status not in workflow.AUTHOR_EDITABLE:
        raise SubmissionRefused(STATUS_CHANGED)
    for name, value in fields.items():
        setattr(locked, name, value)
    # Only the author's fields: an editor's changes to anything else stand.
    locked.save(update_fields=[*fields, "updated_at"])
    if locked.status == Status.REVISION:
        # A draft is the author's own until submitted; once sent back, its changes are kept.
        versions.record_version(locked, by=user, kind=VersionKind.AUTHOR_EDIT)
    return locked


def _set_byline(*, article, user, co_authors, extra_names):
    """The byline after the author edited its co-authors.

    The first author stays first; neither they, the submitter, nor the user saving can be
    dropped by this save (a co-author never ends up sole author, nobody loses their piece).
    Names already in the byline keep meaning the same people.
    """
    current = bylines.authors_of(article)
    own = user.contributor
    first = current[0] if current else own
    others = current[1:]
    if co_authors is None:
        co_authors = [c for c in others if c.user_id]
    if extra_names is None:
        extra_names = [c.name for c in others if not c.user_id]
    submitter = (
        Contributor.objects.filter(user_id=article.created_by_id).first()
        if article.created_by_id
        else None
    )
    kept = {first, own, submitter} & set(current)
    accounts = [c for c in others if c.user_id and (c in co_authors or c in kept)]
    accounts += [c for c in co_authors if c not in accounts]
    current_extras = {c.name: c for c in others if not c.user_id}
    extras = [
        current_extras.get(name) or bylines.contributor_for_name(name=name, zone=article.zone)
        for name in extra_names
    ]
    bylines.set_authors(article=article, contributors=[first, *accounts, *extras])


def _save_photo(*, article: Article, pending: PendingPhoto | None, caption: str, credit: str):
    existing = article.photos.first()
    if pending is not None:
        if existing:
            existing.delete()
        existing = Photo(article=article, position=1)
        for field in ("image", "thumbnail"):
            kept = getattr(pending, field)
            with kept.open("rb") as source:
                name = "photo" + PurePosixPath(kept.name).suffix
                getattr(existing, field).save(name, File(source), save=False)
        _discard_pending(PendingPhoto.objects.filter(pk=pending.pk))
    if existing is not None:
        existing.caption = caption or existing.caption
        existing.credit = credit or existing.credit
        existing.save()


@transaction.atomic
def keep_pending_photo(*, user, photo: ProcessedPhoto) -> PendingPhoto:
    """Hold a checked photo for its uploader until their form is complete.

    Pending photos older than PENDING_LIFETIME, anyone's, are removed on the way.
    """
    _discard_pending(PendingPhoto.objects.filter(created_at__lt=timezone.now() - PENDING_LIFETIME))
    pending = PendingPhoto(user=user)
    pending.image.save(photo.image.name, photo.image, save=False)
    pending.thumbnail.save(photo.thumbnail.name, photo.thumbnail, save=False)
    pending.save()
    return pending


def pending_photo_of(*, user, token) -> PendingPhoto | None:
    """The user's own pending photo with this token; another user's never matches."""
    return PendingPhoto.objects.filter(user=user, token=token).first()


def _discard_pending(pending):
    files = [name for row in pending for name in (row.image.name, row.thumbnail.name) if name]
    pending.delete()
    # Files go only once the rows are surely gone; a rolled-back save keeps both.
    transaction.on_commit(lambda: _delete_files(files))


def _delete_files(names):
    for name in names:
        default_storage.delete(name)


def parse_token(value) -> uuid.UUID | None:
    """A token a form posted back (its submission token, a kept photo's), or None when what
    came is not one: a tampered or stale field is treated as no token, never as an error."""
    try:
        return uuid.UUID(str(value)) if value else None
    except ValueError:
        return None


def new_piece_defaults(user) -> dict:
    """Where a new piece belongs until its author says otherwise: the call for papers open now
    and the author's own zone."""
    return {"call": CallForPapers.objects.current(), "zone": user.contributor.zone}
