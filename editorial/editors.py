"""Onboarding an editor (a staff login in the 编辑 group), and who counts as an editor for mail.

`manage.py add_editor` and the admin's 新增编辑 page both call add_editor(); only superusers
reach the page, since an editor who could make editors could hand the newsroom to anyone.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from articles.models.validators import no_control_characters
from editorial.roles import EDITORS_GROUP, LEVEL_GROUPS, Role
from logins.accounts import AccountRefused, open_account


class EditorRefused(AccountRefused):
    pass


def active_editors():
    """The logins the newsroom counts on: active, in the 编辑 group (superusers only if added)."""
    return get_user_model().objects.filter(groups__name=EDITORS_GROUP, is_active=True)


def active_reviewers(level: Role):
    """The active logins holding this review level (its group), who are told a piece waits."""
    return get_user_model().objects.filter(groups__name=LEVEL_GROUPS[level], is_active=True)


def editors_without_email():
    """Editors who miss every new-submission mail and cannot reset a forgotten password."""
    return active_editors().filter(email="").order_by("username")


def _checked_name(name: str) -> str:
    name = name.strip()
    if not name:
        raise EditorRefused("请填写编辑的姓名。")
    limit = get_user_model()._meta.get_field("first_name").max_length
    if len(name) > limit:
        raise EditorRefused(f"姓名“{name[:20]}…”太长：最多 {limit} 个字。")
    try:
        no_control_characters(name)
    except ValidationError as error:
        raise EditorRefused(f"姓名：{error.messages[0]}") from error
    return name


def _checked_email(email: str) -> str:
    email = email.strip()
    if not email:
        raise EditorRefused("请填写电子邮箱：编辑靠它收到新投稿通知、找回密码。")
    try:
        validate_email(email)
    except ValidationError as error:
        raise EditorRefused(f"电子邮箱“{email}”格式不对。") from error
    return get_user_model().objects.normalize_email(email)


@transaction.atomic
def add_editor(
    *,
    username: str,
    name: str,
    email: str,
    password: str | None = None,
    levels: tuple[Role, ...] | list[Role] = (),
) -> tuple[object, str]:
    """Create a staff login in the 编辑 group, holding the review levels given (初审, 复审,
    终审: their groups). Returns (user, password); the password is generated when none is
    given. Either way someone else chose it: the editor sets their own at first login.

    The whole Chinese name goes into first_name (last_name stays empty): Django's
    get_full_name() and get_short_name() then both say 张三, and no surname is guessed wrong.
    """
    user, password = open_account(
        username=username,
        group=EDITORS_GROUP,
        email=_checked_email(email),
        first_name=_checked_name(name),
        is_staff=True,
        password=password,
    )
    # The level groups are the migration's; get_or_create only covers a flushed test database.
    user.groups.add(*(Group.objects.get_or_create(name=LEVEL_GROUPS[level])[0] for level in levels))
    return user, password
