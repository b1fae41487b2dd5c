"""Mail that came to the 投稿邮箱, its attachments, and the pieces made from it.

Every mail fetched is kept (mailroom/intake.py writes these rows, nothing else does): it
becomes pieces in the queue (已入库), waits in the 待认领 list for an editor when its sender is
no correspondent (待认领), was answered with a polite refusal (已婉拒), or was set aside by an
editor (已舍弃). Nothing is dropped silently.

The pieces made from a mail are `IncomingMail.pieces`, a many-to-many to Article through
MailPiece (a mail's text makes a piece with no attachment behind it, so the link cannot be
the attachment's alone); `MailAttachment.article` says which document or picture went into
which piece. The original message (.eml) and the attachments are kept in the default storage
under mail/ with random names: MEDIA_ROOT is never published, and editorial/media.py serves
only files a Photo names, so these stay private to the editors' admin.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q

from articles.models import Article, Genre


def _random_name(folder: str, filename: str) -> str:
    # Random, so no file can be found by guessing; the real name stays in the row.
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"mail/{folder}/{uuid.uuid4().hex}.{extension[:10]}"


def raw_mail_path(instance, filename):
    return _random_name("raw", "mail.eml")


def attachment_path(instance, filename):
    return _random_name("attachments", filename)


class MailState(models.TextChoices):
    IMPORTED = "imported", "已入库"
    UNCLAIMED = "unclaimed", "待认领"
    REFUSED = "refused", "已婉拒"
    DISCARDED = "discarded", "已舍弃"


class IncomingMailQuerySet(models.QuerySet):
    def unclaimed(self):
        """The 待认领 list: mail from senders who are no correspondent, oldest first."""
        return self.filter(state=MailState.UNCLAIMED).order_by("received_at", "pk")

    def for_article(self, article):
        """The mail a piece was made from (none for a piece written in the portal)."""
        return self.filter(pieces=article)


class IncomingMail(models.Model):
    """One message fetched from the 投稿邮箱, decoded, with its original kept."""

    State = MailState

    message_id = models.CharField(
        "Message-ID",
        max_length=998,
        unique=True,
        help_text="邮件头里的 Message-ID；没有时为原文的 sha256。同一封邮件只收一次。",
    )
    sender = models.EmailField("发件地址", max_length=254)
    sender_name = models.CharField("发件人", max_length=200, blank=True)
    subject = models.CharField("主题", max_length=500, blank=True)
    sent_at = models.DateTimeField("发送时间", null=True, blank=True)
    received_at = models.DateTimeField("收取时间", auto_now_add=True)
    text = models.TextField("正文", blank=True, help_text="邮件的文字；只有 HTML 时取其中的文字。")
    raw = models.FileField("原始邮件", upload_to=raw_mail_path, blank=True)
    state = models.CharField("处理结果", max_length=10, choices=State.choices)
    refusal = models.TextField("婉拒原因", blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="处理编辑",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    handled_at = models.DateTimeField("处理时间", null=True, blank=True)
    pieces = models.ManyToManyField(
        Article,
        verbose_name="稿件",
        through="MailPiece",
        related_name="incoming_mails",
        blank=True,
    )

    objects = IncomingMailQuerySet.as_manager()

    class Meta:
        verbose_name = "来稿邮件"
        verbose_name_plural = "来稿邮件"
        ordering = ["-received_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(state__in=MailState.values),
                name="incoming_mail_state_valid",
            ),
        ]
        indexes = [
            models.Index(fields=["state", "received_at"], name="incoming_mail_state_idx"),
            models.Index(fields=["sender"], name="incoming_mail_sender_idx"),
        ]

    def __str__(self):
        return f"{self.sender_name or self.sender}：{self.subject or '（无主题）'}"


class MailAttachment(models.Model):
    """A file that came with a mail: kept unless refused (too large), with why it was not used."""

    class Kind(models.TextChoices):
        DOCX = "docx", "Word 文档"
        IMAGE = "image", "图片"
        DOC_WPS = "doc-wps", "旧版 Word / WPS"
        ZIP = "zip", "压缩包"
        OTHER = "other", "其他"

    mail = models.ForeignKey(
        IncomingMail, verbose_name="邮件", on_delete=models.CASCADE, related_name="attachments"
    )
    filename = models.CharField("文件名", max_length=255)
    content_type = models.CharField("类型", max_length=100, blank=True)
    size = models.PositiveBigIntegerField("大小（字节）")
    kind = models.CharField("种类", max_length=10, choices=Kind.choices)
    file = models.FileField("文件", upload_to=attachment_path, blank=True)
    note = models.CharField("说明", max_length=300, blank=True, help_text="未采用时写明原因。")
    inline = models.BooleanField(
        "正文内嵌", default=False, help_text="显示在邮件正文中（如签名里的图标），不是附件。"
    )
    article = models.ForeignKey(
        Article,
        verbose_name="稿件",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = "附件"
        verbose_name_plural = "附件"
        ordering = ["mail", "pk"]

    def __str__(self):
        return self.filename


class MailPiece(models.Model):
    """A piece made from a mail, with the genre the intake guessed from its length.

    The genre is a guess until an editor sets another: while article.genre still equals
    guessed_genre the admin marks it (按篇幅推测).
    """

    mail = models.ForeignKey(IncomingMail, verbose_name="邮件", on_delete=models.CASCADE)
    article = models.ForeignKey(Article, verbose_name="稿件", on_delete=models.CASCADE)
    guessed_genre = models.CharField("推测的体裁", max_length=10, choices=Genre.choices, blank=True)

    class Meta:
        verbose_name = "来稿生成的稿件"
        verbose_name_plural = "来稿生成的稿件"
        constraints = [
            models.UniqueConstraint(fields=["mail", "article"], name="mail_piece_unique"),
        ]

    def __str__(self):
        return f"{self.mail} → {self.article}"

    @property
    def genre_is_guess(self) -> bool:
        return bool(self.guessed_genre) and self.article.genre == self.guessed_genre
