"""The forms of the 待认领 list's answers. Each catches what can be said about the input
alone, in Chinese, on the page; mailroom.intake still checks its own rules when it acts."""

from django import forms
from django.db.models import Q

from articles.models import Contributor


def correspondents(search: str = ""):
    """Correspondents (bylines with an active login, as mailroom.senders matches them), by
    zone and name; with `search`, those whose name, zone, username or address contains it."""
    found = Contributor.objects.filter(user__isnull=False, user__is_active=True)
    if search:
        found = found.filter(
            Q(name__icontains=search)
            | Q(zone__official_name__icontains=search)
            | Q(zone__short_name__icontains=search)
            | Q(user__username__icontains=search)
            | Q(user__email__icontains=search)
            | Q(email__icontains=search)
        )
    return found.select_related("zone", "user").order_by("zone__official_name", "name", "pk")


class CorrespondentChoice(forms.ModelChoiceField):
    def label_from_instance(self, contributor):
        user = contributor.user
        about = [str(contributor.zone or "未填开发区"), user.username, user.email]
        return f"{contributor.name}（{'，'.join(filter(None, about))}）"


class AssignForm(forms.Form):
    """认领: the mail becomes the chosen correspondent's pieces."""

    correspondent = CorrespondentChoice(
        label="通讯员",
        queryset=correspondents(),
        empty_label="（请选择）",
        error_messages={
            "required": "请选择一位通讯员。",
            "invalid_choice": "所选的通讯员不存在或已停用，请重新选择。",
        },
    )

    def __init__(self, *args, search: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        if search and not self.is_bound:
            # Only the offer narrows: a posted choice is checked against every correspondent.
            self.fields["correspondent"].queryset = correspondents(search)


def sender_as_correspondent(mail) -> dict:
    """新建通讯员并认领 opens the 新建通讯员账号 form (editorial.admin.forms.CorrespondentForm)
    filled in from the mail's sender: their address becomes the login's, so that their next
    mail finds them (mailroom.senders)."""
    return {
        "username": mail.sender.split("@")[0][:150],
        "name": mail.sender_name[:30],
        "email": mail.sender,
    }
