"""The forms of the editors' admin, and the checks they make before a service is called.

Only the admin's pages use these: the correspondent's portal has its own (portal/forms.py),
and the management commands take their arguments from the command line. Each service still
checks its own rules (the workflow its moves, logins.accounts its logins); a form catches
what can be said about the input alone, so the editor sees it on the page, in Chinese.
"""

from django import forms
from django.contrib.auth.forms import AdminPasswordChangeForm

from articles.models import Issue, Status
from editorial.roles import LEVEL_GROUPS, LEVEL_NAMES, Role
from logins.passwords import require_password_change
from zones.models import Zone


class IssueSelect(forms.Select):
    """The open issues, newest first, without an empty choice: the first is chosen unless the
    editor picks another."""

    def use_required_attribute(self, initial):
        # Select finds out by reading its first choice, which runs the issues' query a second
        # time; with no empty choice the answer is always yes.
        return True


def open_issue_field(**options) -> forms.ModelChoiceField:
    """Choose an issue still being assembled: a published issue takes no more pieces."""
    return forms.ModelChoiceField(
        label="排入哪一期",
        queryset=Issue.objects.open(),
        empty_label=None,
        widget=IssueSelect,
        error_messages={
            "required": "排期需要选择一期。",
            "invalid_choice": "所选的一期不存在或已经发布，不能再排入稿件。",
        },
        **options,
    )


class MoveForm(forms.Form):
    """One move on one piece, from the buttons on its page; the workflow checks the move."""

    to = forms.ChoiceField(choices=Status.choices)
    note = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))
    issue = open_issue_field(required=False)
    # Sent by the confirmation page of a move that cannot be undone (editorial/admin/queue.py).
    confirmed = forms.BooleanField(required=False)


class BulkMoveForm(forms.Form):
    """What a bulk move asks once for every selected piece: the note the correspondents
    receive, and the issue the pieces go into. A move that needs neither has no fields."""

    note = forms.CharField(
        label="给通讯员的意见（必填，每篇都会收到）",
        widget=forms.Textarea(attrs={"rows": 4, "cols": 60}),
        error_messages={"required": "请写明意见，让通讯员知道原因。"},
    )
    issue = open_issue_field()

    def __init__(self, *args, needs_note: bool, needs_issue: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not needs_note:
            del self.fields["note"]
        if not needs_issue:
            del self.fields["issue"]


class CorrespondentForm(forms.Form):
    """新建通讯员账号: the arguments of editorial.correspondents.add_correspondent."""

    username = forms.CharField(label="用户名", max_length=150)
    name = forms.CharField(label="姓名（署名）", max_length=30)
    zone = forms.ModelChoiceField(label="所属开发区", queryset=Zone.objects.all())
    email = forms.EmailField(label="电子邮箱", required=False)
    password = forms.CharField(
        label="初始密码",
        required=False,
        widget=forms.PasswordInput,
        help_text="留空则自动生成，保存后显示一次。",
    )


class EditorForm(forms.Form):
    """新增编辑: the arguments of editorial.editors.add_editor."""

    username = forms.CharField(label="用户名", max_length=150)
    name = forms.CharField(label="姓名", max_length=150)
    email = forms.EmailField(label="电子邮箱", help_text="新投稿通知和找回密码都发到这里。")
    levels = forms.TypedMultipleChoiceField(
        label="审稿级别",
        choices=[
            (role.value, f"{LEVEL_NAMES[role]}（{group}）") for role, group in LEVEL_GROUPS.items()
        ],
        coerce=Role,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="三审制下各级审稿由持有该级别的编辑担任；只设一级审稿时可不选。",
    )
    password = forms.CharField(
        label="初始密码",
        required=False,
        widget=forms.PasswordInput,
        help_text="留空则自动生成，保存后显示一次。编辑首次登录时须改成自己的密码。",
    )


class PasswordGivenByAdminForm(AdminPasswordChangeForm):
    """An administrator typed this password for someone (who forgot theirs and has no
    address to reset it): like an onboarding password, its owner replaces it at next login."""

    def save(self, commit=True):
        user = super().save(commit)
        if user.has_usable_password():
            require_password_change(user=user)
        return user
