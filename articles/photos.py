"""Accepting the one photo a correspondent may attach to a story.

Uploads come from anyone with a correspondent account, so every photo is treated as hostile:
its real format is read from the bytes, its pixel count is checked before any pixel is decoded,
and it is re-encoded from pixel data alone so that nothing from the original file (EXIF with
GPS positions, XMP, comments, trailing data, a polyglot payload) reaches the site. A refused
photo raises PhotoRejected and changes nothing, so the caller can keep the rest of the
submission and show the message next to the photo field.
"""

from __future__ import annotations

import contextlib
import io
import logging
import math
import warnings
from dataclasses import dataclass
from typing import Protocol

from django.core.files.base import ContentFile
from PIL import Image, ImageOps

logger = logging.getLogger(__name__)

MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
ALLOWED_FORMATS = frozenset({"JPEG", "PNG", "WEBP"})
THUMBNAIL_SIZE = (400, 400)
JPEG_QUALITY = 85
WEBP_QUALITY = 85

_MB = 1024 * 1024
_EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}

# Modes whose pixels are grey levels; 16-bit ones must be scaled, not clipped, to 8 bits.
_GREY_MODES = frozenset({"1", "L", "LA", "La", "I", "I;16", "I;16B", "I;16L", "I;16N"})
_SIXTEEN_BIT_GREY = frozenset({"I", "I;16", "I;16B", "I;16L", "I;16N"})
_ALPHA_MODES = frozenset({"RGBA", "RGBa", "LA", "La", "PA"})

MSG_EMPTY = "图片文件是空的，请重新选择。"
MSG_FORMAT = "只接受 JPEG、PNG 或 WebP 图片。"
MSG_PIXELS = f"图片像素过多（最多 {MAX_PIXELS // 10_000} 万像素）。"
MSG_DAMAGED = "图片文件已损坏，无法读取。"


class PhotoRejected(Exception):
    """The photo cannot be used; str(exc) is a Chinese message meant for the correspondent."""


class _Upload(Protocol):
    size: int | None

    def read(self, size: int = ..., /) -> bytes: ...


@dataclass(frozen=True)
class ProcessedPhoto:
    image: ContentFile
    thumbnail: ContentFile
    width: int
    height: int
    format: str


def _size_message(size: int) -> str:
    # Rounded up so that a file just over the limit never reads as "当前 10.0 MB".
    current = math.ceil(size * 10 / _MB) / 10
    return f"图片不能超过 {MAX_BYTES // _MB} MB，当前 {current:.1f} MB。"


def _read_bounded(upload: _Upload) -> bytes:
    """The upload's bytes, refusing oversized files before reading (or decoding) them whole.

    A declared size can be missing or wrong for arbitrary file-likes, so the read itself is
    capped one byte past the limit as well.
    """
    declared = getattr(upload, "size", None)
    if isinstance(declared, int) and declared > MAX_BYTES:
        raise PhotoRejected(_size_message(declared))
    seek = getattr(upload, "seek", None)
    if callable(seek):
        # Form validation may already have read the file to its end.
        with contextlib.suppress(OSError, ValueError):
            seek(0)
    data = upload.read(MAX_BYTES + 1) or b""
    if len(data) > MAX_BYTES:
        raise PhotoRejected(_size_message(max(len(data), declared or 0)))
    if not data:
        raise PhotoRejected(MSG_EMPTY)
    return data


def _open(data: bytes) -> Image.Image:
    # Restricting Pillow to the accepted decoders means no other parser (GIF, TIFF, EPS, ...)
    # ever sees hostile bytes, whatever the file is called.
    return Image.open(io.BytesIO(data), formats=sorted(ALLOWED_FORMATS))


def _format_of(image: Image.Image) -> str:
    # Pillow reports JPEGs carrying a second picture (many phones and 3D cameras) as "MPO",
    # even when opened with formats=["JPEG"]; they are JPEGs and only the first picture is kept.
    return "JPEG" if image.format == "MPO" else (image.format or "")


def _decode(data: bytes) -> tuple[Image.Image, str]:
    """Check the photo and return its fully decoded pixels, upright, with its format."""
    try:
        with warnings.catch_warnings():
            # Pillow only warns between MAX_IMAGE_PIXELS and twice that; here a possible bomb
            # must stop the upload, and catch_warnings restores the filters afterwards.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            try:
                probe = _open(data)
            except Image.UnidentifiedImageError as exc:
                raise PhotoRejected(MSG_FORMAT) from exc
            fmt = _format_of(probe)
            if fmt not in ALLOWED_FORMATS:
                raise PhotoRejected(MSG_FORMAT)
            # The header alone gives the size; judging it before any pixel is decoded is what
            # defuses a small file that would expand to gigabytes.
            if probe.width * probe.height > MAX_PIXELS:
                raise PhotoRejected(MSG_PIXELS)
            probe.verify()
            # verify() leaves the image unusable, so the pixels come from a second open.
            image = _open(data)
            image.load()
    except PhotoRejected:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise PhotoRejected(MSG_PIXELS) from exc
    except Exception as exc:
        # Decoders fail on hostile input with many exception types (OSError, SyntaxError,
        # ValueError, struct.error, ...); each of them means the same to the correspondent.
        logger.info("photo refused as damaged: %s: %s", type(exc).__name__, exc)
        raise PhotoRejected(MSG_DAMAGED) from exc
    return _upright(image), fmt


def _upright(image: Image.Image) -> Image.Image:
    # Phones store photos sideways and rely on the EXIF orientation tag; since the EXIF is
    # dropped below, the rotation must be applied to the pixels now or the photo lies on its side.
    try:
        return ImageOps.exif_transpose(image)
    except Exception as exc:
        # A broken orientation tag is no reason to refuse an otherwise readable photo.
        logger.info("photo orientation ignored: %s: %s", type(exc).__name__, exc)
        return image


def _has_alpha(image: Image.Image) -> bool:
    return image.mode in _ALPHA_MODES or "transparency" in image.info


def _target_mode(image: Image.Image, fmt: str) -> str:
    if fmt == "JPEG":
        return "RGB"
    alpha = _has_alpha(image)
    if fmt == "PNG" and image.mode in _GREY_MODES:
        return "LA" if alpha else "L"
    return "RGBA" if alpha else "RGB"


def _convert(image: Image.Image, mode: str) -> Image.Image:
    if image.mode in _SIXTEEN_BIT_GREY:
        # Pillow's own I;16 -> L conversion clips everything above 255 to white.
        image = image.convert("I").point(lambda value: value / 256).convert("L")
    return image if image.mode == mode else image.convert(mode)


def _icc_profile(image: Image.Image, mode: str) -> bytes | None:
    """The original colour profile, if it still describes the pixels being written.

    Keeping it preserves the colours of wide-gamut (Display P3) phone photos; a CMYK or grey
    profile attached to converted RGB pixels would instead make viewers render nonsense.
    """
    profile = image.info.get("icc_profile")
    if not isinstance(profile, bytes) or len(profile) < 20:
        return None
    colour_space = profile[16:20]
    expected = b"GRAY" if mode in ("L", "LA") else b"RGB "
    return profile if colour_space == expected else None


def _clean_copy(image: Image.Image) -> Image.Image:
    # A new image has an empty info dict, so no writer can pick up EXIF, XMP, comments or text
    # chunks from the original (Pillow's JPEG writer copies im.info["comment"] by itself).
    clean = Image.new(image.mode, image.size)
    clean.paste(image)
    return clean


def _encode(image: Image.Image, fmt: str, icc_profile: bytes | None) -> bytes:
    options: dict[str, object] = {}
    if icc_profile:
        options["icc_profile"] = icc_profile
    if fmt == "JPEG":
        options.update(quality=JPEG_QUALITY, optimize=True)
    elif fmt == "PNG":
        options.update(optimize=True)
    else:
        options.update(quality=WEBP_QUALITY)
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def process_photo(*, upload: _Upload) -> ProcessedPhoto:
    """Check an uploaded photo and return a metadata-free re-encoding plus a thumbnail.

    Raises PhotoRejected, whose message can be shown to the correspondent as it is.
    """
    data = _read_bounded(upload)
    decoded, fmt = _decode(data)
    try:
        mode = _target_mode(decoded, fmt)
        icc_profile = _icc_profile(decoded, mode)
        clean = _clean_copy(_convert(decoded, mode))
        del decoded
        thumbnail = clean.copy()
        thumbnail.thumbnail(THUMBNAIL_SIZE, Image.Resampling.LANCZOS)
        image_bytes = _encode(clean, fmt, icc_profile)
        thumbnail_bytes = _encode(thumbnail, fmt, icc_profile)
    except Exception as exc:
        # The pixels decoded, yet a crafted file can still carry odd modes or transparency
        # values that break conversion; the correspondent gets an answer, not a server error.
        logger.warning("photo refused after decoding", exc_info=True)
        raise PhotoRejected(MSG_DAMAGED) from exc

    extension = _EXTENSIONS[fmt]
    return ProcessedPhoto(
        image=ContentFile(image_bytes, name=f"photo.{extension}"),
        thumbnail=ContentFile(thumbnail_bytes, name=f"photo_thumb.{extension}"),
        width=clean.width,
        height=clean.height,
        format=fmt,
    )


def attach_processed(photo, processed: ProcessedPhoto) -> None:
    """Give a Photo the re-encoded image and its thumbnail, in place of whatever it had.

    The files are written to storage when the photo is saved; the replaced ones are deleted
    after the commit (articles.models.articles).
    """
    photo.image = processed.image
    photo.thumbnail = processed.thumbnail
