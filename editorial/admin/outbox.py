"""The outbox in the admin: editors see mail that is waiting or failed, and retry it."""

from django.contrib import admin, messages
from django.utils.timezone import localtime

from articles.models import OutgoingMail
from editorial import outbox


@admin.register(OutgoingMail)
class OutgoingMailAdmin(admin.ModelAdmin):
    # Few columns: the admin's table must fit beside the menu and the status filter.
    list_display = ["subject", "recipient_list", "state", "attempts", "short_error"]
    list_filter = ["status"]
    search_fields = ["subject", "to"]
    date_hierarchy = "created_at"
    actions = ["retry_now"]
    fields = [
        "status",
        "subject",
        "recipient_list",
        "from_email",
        "body",
        "attempts",
        "next_attempt_at",
        "last_error",
        "created_at",
        "sent_at",
    ]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    @admin.display(description="收件人")
    def recipient_list(self, mail):
        return "，".join(mail.recipients())

    @admin.display(description="状态", ordering="status")
    def state(self, mail):
        if mail.status == OutgoingMail.Status.QUEUED:
            return f"待发送（{localtime(mail.next_attempt_at):%m-%d %H:%M} 起）"
        if mail.status == OutgoingMail.Status.SENT and mail.sent_at:
            return f"已发送（{localtime(mail.sent_at):%m-%d %H:%M}）"
        return mail.get_status_display()

    @admin.display(description="最近一次错误")
    def short_error(self, mail):
        # The whole error is on the mail's own page; the list shows enough to tell one cause.
        return mail.last_error[:60] or "—"

    @admin.action(description="立即重试", permissions=["change"])
    def retry_now(self, request, queryset):
        count = outbox.retry_now(queryset)
        self.message_user(
            request, f"{count} 封邮件已重新排队，邮件发送进程会尽快发送。", messages.SUCCESS
        )
