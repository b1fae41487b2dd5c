"""What each attachment of a mail is, and which ones are kept.

A document is taken by its name and first bytes, not by the Content-Type clients guess. Files
past the limit of what they could be used for (a .docx past the Word reader's, a picture past
the photo checks') are refused unread and not kept; so is everything of a mail past
KFQ_MAIL_MAX_BYTES. Zip files are kept as they came and never unpacked.
"""

from pathlib import PurePosixPath

from django.conf import settings

from articles import photos
from importer import word
from mailroom.models import MailAttachment

Kind = MailAttachment.Kind

OLD_DOCUMENT_SUFFIXES = frozenset({".doc", ".wps", ".wpt", ".dot", ".rtf"})
ARCHIVE_SUFFIXES = frozenset({".zip", ".rar", ".7z", ".tar", ".gz"})
IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp", ".gif", ".bmp", ".tif", ".tiff"})
# Only documents and zip files were meant to carry a piece: a mail with some, none of them
# readable, is answered with a request for a .docx instead of being taken as a text piece.
DOCUMENT_KINDS = frozenset({Kind.DOCX, Kind.DOC_WPS, Kind.ZIP})

_MB = 1024 * 1024
TOO_LARGE_MAIL = "邮件超过 {limit} MB，系统没有收下。请把图片压缩后分几封邮件发送，或在网站上投稿。"
OLD_DOCUMENT = "旧版 Word（.doc）或 WPS（.wps）文件，系统读不了。"
ARCHIVE = "压缩包不会被解开，请把稿件作为 .docx 附件直接发送。"
DOCX_TOO_LARGE = f"Word 文档超过 {word.MAX_BYTES // _MB} MB，未读取。"
IMAGE_TOO_LARGE = f"图片超过 {photos.MAX_BYTES // _MB} MB，未采用。"
OTHER = "不是稿件或图片，未采用。"


def mail_limit() -> int:
    return settings.KFQ_MAIL_MAX_BYTES


def too_large_mail() -> str:
    megabytes = f"{mail_limit() / _MB:.1f}".removesuffix(".0")
    return TOO_LARGE_MAIL.format(limit=megabytes)


def kind_of(filename: str, content_type: str, data: bytes) -> Kind:
    suffix = PurePosixPath(filename.lower()).suffix
    if data.startswith(word.OLE2_SIGNATURE) or suffix in OLD_DOCUMENT_SUFFIXES:
        return Kind.DOC_WPS
    if suffix == ".docx":
        return Kind.DOCX
    if suffix in ARCHIVE_SUFFIXES or content_type in {"application/zip", "application/x-rar"}:
        return Kind.ZIP
    if content_type.startswith("image/") or suffix in IMAGE_SUFFIXES:
        return Kind.IMAGE
    return Kind.OTHER


def refusal_of(kind: Kind, size: int) -> str:
    """Why a file of this kind and size is not kept, or "" when it is."""
    if kind == Kind.DOCX and size > word.MAX_BYTES:
        return DOCX_TOO_LARGE
    if kind == Kind.IMAGE and size > photos.MAX_BYTES:
        return IMAGE_TOO_LARGE
    return ""


def note_of(kind: Kind) -> str:
    """Why a kept file of this kind cannot make or illustrate a piece, or "" when it can."""
    return {Kind.DOC_WPS: OLD_DOCUMENT, Kind.ZIP: ARCHIVE, Kind.OTHER: OTHER}.get(kind, "")
