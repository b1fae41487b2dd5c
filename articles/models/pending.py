"""A correspondent's photo waiting for its form to be completed."""

import uuid

from django.conf import settings
from django.db import models


def _random_name(folder: str, filename: str) -> str:
    # Random, so the file cannot be found by guessing its name.
    extension = filename.rsplit(".", 1)[-1].lower()
    return f"pending/{folder}/{uuid.uuid4().hex}.{extension}"


def pending_image_path(instance, filename):
    return _random_name("images", filename)


def pending_thumbnail_path(instance, filename):
    return _random_name("thumbs", filename)


class PendingPhoto(models.Model):
    """An accepted (checked and re-encoded) upload whose form came back with errors.

    The form carries the token in a hidden field; only the uploader's own pending photos match
    it, and the photo is used when the form is finally valid. Old ones are cleaned up.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="上传人",
        on_delete=models.CASCADE,
        related_name="+",
    )
    token = models.UUIDField("标识", default=uuid.uuid4, unique=True, editable=False)
    image = models.ImageField("图片", upload_to=pending_image_path)
    thumbnail = models.ImageField("缩略图", upload_to=pending_thumbnail_path)
    created_at = models.DateTimeField("上传时间", auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "待用图片"
        verbose_name_plural = "待用图片"

    def __str__(self):
        return f"{self.user}：{self.created_at:%Y-%m-%d %H:%M}"
