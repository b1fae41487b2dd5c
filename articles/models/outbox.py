"""Mail waiting to be sent: written in the same transaction as the change it tells of."""

from django.db import models
from django.db.models import Q


class OutgoingMailQuerySet(models.QuerySet):
    def due(self, now):
        return self.filter(status=OutgoingMail.Status.QUEUED, next_attempt_at__lte=now)


class OutgoingMail(models.Model):
    """One message in the outbox (editorial/outbox.py writes it, `manage.py send_mail` sends it).

    Requests only ever write here, so a mail server that is down or slow never breaks or holds
    up a request; the worker retries with growing pauses and gives up after a day or so, leaving
    the message marked 发送失败 for an editor to look at and retry.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", "待发送"
        SENT = "sent", "已发送"
        FAILED = "failed", "发送失败"

    subject = models.CharField("主题", max_length=300)
    body = models.TextField("正文")
    from_email = models.CharField("发件人", max_length=300)
    to = models.JSONField("收件人", default=list)
    cc = models.JSONField("抄送", default=list, blank=True)
    bcc = models.JSONField("密送", default=list, blank=True)
    reply_to = models.JSONField("回复地址", default=list, blank=True)
    headers = models.JSONField("邮件头", default=dict, blank=True)
    alternatives = models.JSONField(
        "其他格式", default=list, blank=True, help_text="[[内容, MIME 类型], …]，如 HTML 版本。"
    )
    status = models.CharField("状态", max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField("已尝试次数", default=0)
    next_attempt_at = models.DateTimeField("下次尝试时间")
    last_error = models.TextField("最近一次错误", blank=True)
    created_at = models.DateTimeField("写入时间", auto_now_add=True)
    sent_at = models.DateTimeField("发出时间", null=True, blank=True)

    objects = OutgoingMailQuerySet.as_manager()

    class Meta:
        verbose_name = "待发邮件"
        verbose_name_plural = "待发邮件"
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["queued", "sent", "failed"]),
                name="outgoingmail_status_valid",
            ),
        ]
        indexes = [
            # The worker's one question: what is queued and due, oldest first.
            models.Index(fields=["status", "next_attempt_at"], name="outgoingmail_due_idx"),
        ]

    def __str__(self):
        return self.subject

    def recipients(self) -> list[str]:
        return [*self.to, *self.cc, *self.bcc]
