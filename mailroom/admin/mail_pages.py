"""The 待认领 list and each mail's own page, with the editors' three answers to a mail nobody
claimed: 认领 (to a correspondent), 新建通讯员并认领 (through the 新建通讯员账号 page), 舍弃.

Each answer is one call of mailroom.intake, which writes nothing when it refuses: its
MailRefused is shown in Chinese and the mail stays as it was. The mail's files (the original
.eml and the attachments) go out to editors only, through editorial.media.send_file.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.timezone import localtime

from editorial.admin.access import EditorsOnlyAdmin
from editorial.admin.accounts import open_account_page
from editorial.admin.filters import OpensOnChoice
from editorial.admin.forms import CorrespondentForm
from editorial.correspondents import add_correspondent
from editorial.media import send_file
from mailroom import intake
from mailroom.forms import AssignForm, sender_as_correspondent
from mailroom.models import IncomingMail, MailAttachment

EXCERPT_CHARACTERS = 60


class StateFilter(OpensOnChoice):
    """Opens on the 待认领 list; the other states and '全部' are one click away."""

    title = "处理结果"
    parameter_name = "state"
    default = IncomingMail.State.UNCLAIMED

    def lookups(self, request, model_admin):
        return [*IncomingMail.State.choices, ("all", "全部")]

    def queryset(self, request, queryset):
        value = self.chosen()
        return queryset if value == "all" else queryset.filter(state=value)

    @classmethod
    def unclaimed_asked(cls, request) -> bool:
        return request.GET.get(cls.parameter_name, cls.default) == cls.default


@admin.register(IncomingMail)
class IncomingMailAdmin(EditorsOnlyAdmin):
    class Media:
        css = {"all": ["css/mailroom-admin.css"]}

    list_display = ["subject_line", "sender_line", "date", "attachment_names", "excerpt", "answers"]
    list_display_links = ["subject_line"]
    list_filter = [StateFilter]
    search_fields = ["sender", "sender_name", "subject"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("attachments")

    def get_ordering(self, request):
        # 待认领 shows the mail that has waited longest first; the other lists the newest.
        if StateFilter.unclaimed_asked(request):
            return ["received_at", "pk"]
        return super().get_ordering(request)

    def changelist_view(self, request, extra_context=None):
        title = "待认领邮件" if StateFilter.unclaimed_asked(request) else "来稿邮件"
        return super().changelist_view(request, {"title": title, **(extra_context or {})})

    # --- columns -----------------------------------------------------------------------

    @admin.display(description="主题", ordering="subject")
    def subject_line(self, mail):
        return mail.subject or "（无主题）"

    @admin.display(description="发件人", ordering="sender")
    def sender_line(self, mail):
        return sender_of(mail)

    @admin.display(description="日期", ordering="received_at")
    def date(self, mail):
        return f"{localtime(mail.sent_at or mail.received_at):%Y-%m-%d %H:%M}"

    @admin.display(description="附件")
    def attachment_names(self, mail):
        # From the prefetched rows: .all(), never a new query per mail.
        return "、".join(a.filename for a in mail.attachments.all()) or "—"

    @admin.display(description="正文摘要")
    def excerpt(self, mail):
        text = " ".join(mail.text.split())
        if len(text) > EXCERPT_CHARACTERS:
            return text[:EXCERPT_CHARACTERS] + "…"
        return text or "—"

    @admin.display(description="处理")
    def answers(self, mail):
        if mail.state != IncomingMail.State.UNCLAIMED:
            return mail.get_state_display()

        def url(name):
            return reverse(f"admin:mailroom_incomingmail_{name}", args=[mail.pk])

        links = [
            (url("change") + "#assign", "认领"),
            (url("new_correspondent"), "新建通讯员并认领"),
            (url("discard"), "舍弃"),
        ]
        answers = format_html_join(mark_safe("<br>"), '<a href="{}">{}</a>', links)
        if mail.refusal:
            # Why the intake left it here (an auto-reply, say) helps the editor answer.
            return format_html('<span class="mail-note">{}</span><br>{}', mail.refusal, answers)
        return answers

    # --- pages -------------------------------------------------------------------------

    def get_urls(self):
        def mail_url(route, view, name):
            return path(
                f"<int:object_id>/{route}",
                self.editor_view(view),
                name=f"mailroom_incomingmail_{name}",
            )

        return [
            mail_url("assign/", self.assign_view, "assign"),
            mail_url("new-correspondent/", self.new_correspondent_view, "new_correspondent"),
            mail_url("discard/", self.discard_view, "discard"),
            mail_url("original.eml", self.raw_view, "raw"),
            mail_url("attachments/<int:attachment_id>/", self.attachment_view, "attachment"),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """The mail's own page, in any state: what it says, what became of it, and for a mail
        nobody claimed, the editors' answers."""
        mail = self._mail(object_id)
        if not self.has_view_permission(request, mail):
            raise PermissionDenied
        search = request.GET.get("q", "").strip()
        return self._mail_page(request, mail, assign_form=AssignForm(search=search), search=search)

    def assign_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        mail = self._mail(object_id)
        form = AssignForm(request.POST)
        if not form.is_valid():
            return self._mail_page(request, mail, assign_form=form)
        correspondent = form.cleaned_data["correspondent"]
        try:
            pieces = intake.assign(mail, correspondent=correspondent, by=request.user)
        except intake.MailRefused as refusal:
            messages.error(request, str(refusal))
        else:
            self._say_assigned(request, mail, correspondent, pieces)
        return self._back_to(mail)

    def new_correspondent_view(self, request, object_id):
        mail = self._mail(object_id)

        @transaction.atomic  # a refused assignment takes the new login back with it
        def create(**fields):
            user, contributor, password = add_correspondent(**fields)
            pieces = intake.assign(mail, correspondent=contributor, by=request.user)
            return (
                f"已创建通讯员 {contributor.name}（{contributor.zone}），用户名 {user.username}，"
                f"邮件已认领：{made(pieces)}",
                password,
            )

        return open_account_page(
            self,
            request,
            form_class=CorrespondentForm,
            title="新建通讯员并认领邮件",
            create=create,
            done_url=reverse("admin:mailroom_incomingmail_change", args=[mail.pk]),
            initial=sender_as_correspondent(mail),
            refusals=(intake.MailRefused,),
            template="admin/mailroom/incomingmail/new_correspondent.html",
            context={"mail": mail},
        )

    def discard_view(self, request, object_id):
        """GET asks (舍弃 cannot be undone from the admin); the confirming POST discards."""
        mail = self._mail(object_id)
        if request.method == "POST" and request.POST.get("confirmed"):
            try:
                intake.discard(mail, by=request.user)
            except intake.MailRefused as refusal:
                messages.error(request, str(refusal))
            else:
                messages.success(request, f"邮件“{mail.subject or '（无主题）'}”已舍弃。")
            return self._back_to(mail)
        return TemplateResponse(
            request,
            "admin/mailroom/incomingmail/discard_confirmation.html",
            self.page_context(request, "确认舍弃邮件", mail=mail, original=mail),
        )

    def raw_view(self, request, object_id):
        mail = self._mail(object_id)
        if not mail.raw:
            raise Http404("没有保存这封邮件的原文。")
        return send_file(mail.raw.name, download_as=f"来稿邮件-{mail.pk}.eml")

    def attachment_view(self, request, object_id, attachment_id):
        attachment = get_object_or_404(MailAttachment, pk=attachment_id, mail_id=object_id)
        if not attachment.file:
            raise Http404("这个附件没有保存。")
        return send_file(attachment.file.name, download_as=attachment.filename)

    # --- helpers -----------------------------------------------------------------------

    def _mail(self, object_id) -> IncomingMail:
        return get_object_or_404(IncomingMail.objects.select_related("handled_by"), pk=object_id)

    def _mail_page(self, request, mail, *, assign_form, search=""):
        return TemplateResponse(
            request,
            "admin/mailroom/incomingmail/mail_page.html",
            self.page_context(
                request,
                mail.subject or "（无主题）",
                mail=mail,
                original=mail,
                attachments=mail.attachments.all(),
                pieces=list(mail.pieces.order_by("pk")),
                assign_form=assign_form if mail.state == IncomingMail.State.UNCLAIMED else None,
                search=search,
            ),
        )

    def _say_assigned(self, request, mail, correspondent, pieces):
        if pieces:
            messages.success(request, f"邮件已认领给{correspondent.name}：{made(pieces)}。")
            return
        # Nothing in it could be read: intake refused it politely, as for a known sender.
        mail.refresh_from_db(fields=["refusal"])
        messages.warning(
            request,
            f"邮件已认领给{correspondent.name}，但读不出稿件，已回信说明原因：{mail.refusal}",
        )

    def _back_to(self, mail):
        return redirect(reverse("admin:mailroom_incomingmail_change", args=[mail.pk]))


def sender_of(mail) -> str:
    if mail.sender_name:
        return format_html("{} &lt;{}&gt;", mail.sender_name, mail.sender)
    return mail.sender


def made(pieces) -> str:
    numbers = "、".join(piece.manuscript_number or piece.title for piece in pieces)
    return f"生成稿件 {numbers}" if pieces else "没有生成稿件"
