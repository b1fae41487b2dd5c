"""Serving uploaded photos to those who may see them, and the sending of any private file.

MEDIA_ROOT is never published as a directory: a draft's photo must not reach anonymous
readers. A file goes out only if a Photo names it (as image or thumbnail) and that photo's piece
is published, or the user is one of its authors or an editor; everyone else, and every name no
Photo holds, gets 404. The access decision and the sending are apart: behind nginx
(KFQ_MEDIA_ACCEL_REDIRECT, deploy/nginx.conf) Django answers with X-Accel-Redirect and nginx
sends the bytes from an internal location, after the same check. With photos in an object
store (KFQ_S3_BUCKET) Django streams them from the private bucket through the same check.

send_file is the one way a private file leaves the storage, whoever decided it may: the mail
kept by mailroom (its .eml and attachments) goes out through it too, after its own check.
"""

import mimetypes
from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.db.models import Q
from django.http import FileResponse, Http404, HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header

from articles.models import Article, Photo, Status
from editorial import roles


def may_see(user, article: Article) -> bool:
    return article.status == Status.PUBLISHED or bool(roles.roles_of(user, article))


def photo_file(request, name: str):
    photo = (
        Photo.objects.select_related("article").filter(Q(image=name) | Q(thumbnail=name)).first()
    )
    if photo is None or not may_see(request.user, photo.article):
        raise Http404("没有这个文件。")
    response = send_file(name)
    if photo.article.status != Status.PUBLISHED:
        # Only the author's or an editor's browser may keep it, never a shared cache.
        patch_cache_control(response, private=True)
    return response


def send_file(name: str, *, download_as: str = "") -> HttpResponse:
    """The stored file `name`; with download_as, saved by the browser under that name (files
    kept under random names, like a mail's attachments) rather than shown."""
    storage = Photo._meta.get_field("image").storage
    try:
        if settings.KFQ_MEDIA_ACCEL_REDIRECT:
            storage.path(name)  # refuses a name that would leave MEDIA_ROOT, as open() does
            response = _accel_redirect(name)
        else:
            response = FileResponse(storage.open(name, "rb"))
    except (OSError, SuspiciousOperation) as exc:
        # A row naming a missing file, or a stored name that would leave MEDIA_ROOT.
        raise Http404("没有这个文件。") from exc
    if download_as:
        response["Content-Disposition"] = content_disposition_header(True, download_as)
    return response


def _accel_redirect(name: str) -> HttpResponse:
    # nginx keeps this response's Content-Type and Cache-Control and replaces only the body.
    # Header values must be ASCII and names may be Chinese: nginx decodes the quoted path.
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = HttpResponse(content_type=content_type)
    response["X-Accel-Redirect"] = settings.KFQ_MEDIA_ACCEL_REDIRECT + quote(name)
    return response
