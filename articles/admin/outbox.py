"""The outbox in the admin: editors see mail that is waiting or failed, and retry it."""

from django.contrib import admin, messages

from .. import outbox
from ..models import OutgoingMail


@admin.register(OutgoingMail)
class OutgoingMailAdmin(admin.ModelAdmin):
    list_display = ["subject", "recipient_list", "status", "attempts", "next_attempt_at", "sent_at"]
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

    @admin.action(description="立即重试", permissions=["change"])
    def retry_now(self, request, queryset):
        count = outbox.retry_now(queryset)
        self.message_user(
            request, f"{count} 封邮件已重新排队，邮件发送进程会尽快发送。", messages.SUCCESS
        )
