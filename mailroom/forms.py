"""The forms of the 待认领 list's actions. Each catches what can be said about the input alone,
in Chinese, on the page; mailroom.intake still checks its own rules when it acts."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q

from editorial.roles import CORRESPONDENTS_GROUP


def correspondents(search: str = ""):
    """Active correspondents' logins, by zone and name; with `search`, those whose name, zone,
    username or address contains it."""
    found = get_user_model().objects.filter(
        is_active=True, groups__name=CORRESPONDENTS_GROUP, contributor__isnull=False
    )
    if search:
        found = found.filter(
            Q(contributor__name__icontains=search)
            | Q(contributor__zone__official_name__icontains=search)
            | Q(contributor__zone__short_name__icontains=search)
            | Q(username__icontains=search)
            | Q(email__icontains=search)
        )
    return found.select_related("contributor__zone").order_by(
        "contributor__zone__official_name", "contributor__name", "pk"
    )


class CorrespondentChoice(forms.ModelChoiceField):
    def label_from_instance(self, user):
        contributor = user.contributor
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
    mail finds them."""
    return {
        "username": mail.sender.split("@")[0][:150],
        "name": mail.sender_name[:30],
        "email": mail.sender,
    }
