"""Filling the submission form from a correspondent's Word document.

The document is read by importer/word.py; here its fields go into the form the correspondent
is looking at, and its picture through the same photo checks as an upload into a pending
photo. Nothing of the piece is saved: the correspondent checks the fields, then saves or
submits as usual.
"""

from dataclasses import dataclass, field

from django import forms
from django.core.files.base import ContentFile

from articles.models import PendingPhoto
from articles.photos import PhotoRejected, process_photo
from importer.word import read_word
from portal.submissions import keep_pending_photo, parse_token, pending_photo_of
from zones.directory import ZoneDirectory

# Form fields a document fills, with the names the correspondent sees.
TEXT_FIELDS = {"kicker": "引题", "title": "标题", "subtitle": "副题", "body": "正文"}
PHOTO_FIELDS = {"photo_caption": "图片说明", "photo_credit": "图片来源"}


@dataclass
class FilledForm:
    values: dict  # the form's values: what was posted, with the document's fields on top
    filled: list[str] = field(default_factory=list)  # names of the fields the document filled
    replaced: list[str] = field(default_factory=list)  # ... of those that held other text
    pending: PendingPhoto | None = None
    photo_problem: str = ""  # why the document's picture was refused


def fill_from_word(*, user, values: dict, upload) -> FilledForm:
    """Raise importer.word.UnreadableDocument when the file cannot be read."""
    zones = ZoneDirectory()
    piece = read_word(upload, zones=zones)
    filled = FilledForm(values=dict(values))
    found = {
        "kicker": piece.kicker,
        "title": piece.title,
        "subtitle": piece.subtitle,
        "body": piece.body,
    }
    if piece.picture is not None:
        found |= {"photo_caption": piece.caption, "photo_credit": piece.credit}
    labels = TEXT_FIELDS | PHOTO_FIELDS
    for name, text in found.items():
        before = (filled.values.get(name) or "").strip()
        if name in TEXT_FIELDS or text:
            filled.values[name] = text
        if text:
            filled.filled.append(labels[name])
        if before and before != (filled.values.get(name) or "").strip():
            filled.replaced.append(labels[name])
    zone = zones.resolve(piece.zone_name) if piece.zone_name else None
    if zone is not None:
        filled.values["zone"] = zone.pk
    filled.pending = kept_pending(user=user, values=values)
    if piece.picture is not None:
        _take_picture(filled, user=user, picture=piece.picture)
    return filled


def _take_picture(filled: FilledForm, *, user, picture) -> None:
    try:
        processed = process_photo(upload=ContentFile(picture.data, name=picture.name))
    except PhotoRejected as rejection:
        filled.photo_problem = str(rejection)
        return
    filled.pending = keep_pending_photo(user=user, photo=processed)
    filled.values["pending_photo"] = str(filled.pending.token)
    filled.filled.append("配图")


def form_values(data, form_class) -> dict:
    """What was posted for each of the form's fields, as the form's initial values."""
    values = {}
    for name, form_field in form_class.base_fields.items():
        if isinstance(form_field, forms.ModelMultipleChoiceField | forms.MultipleChoiceField):
            values[name] = data.getlist(name)
        elif name in data and not isinstance(form_field, forms.FileField | forms.BooleanField):
            values[name] = data[name]
    if "submission_token" in data:
        # Added by the form for a new piece only, so not among its base fields.
        values["submission_token"] = data["submission_token"]
    return values


def kept_pending(*, user, values: dict) -> PendingPhoto | None:
    """The user's photo already checked on an earlier try of this form, if any."""
    token = parse_token(values.get("pending_photo"))
    return pending_photo_of(user=user, token=token) if token else None
