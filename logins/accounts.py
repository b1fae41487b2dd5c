"""Opening a login for someone else: the one way the newsroom makes an account.

add_correspondent and add_editor (and their admin pages) both end here: the username is checked
as the login form will read it, the password is the one given or a generated one, it must pass
the password rules, the login joins its group, and since someone else chose the password its
owner must set their own at first login (logins.passwords).
"""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction

from .passwords import require_password_change


class AccountRefused(Exception):
    pass


def checked_username(username: str) -> str:
    User = get_user_model()
    if not username:
        raise AccountRefused("请填写用户名。")
    try:
        User._meta.get_field("username").run_validators(username)
    except ValidationError as error:
        raise AccountRefused(
            f"用户名“{username}”无效：只能用字母、数字和 @ . + - _，最多 150 个字符。"
        ) from error
    if User.objects.filter(username=username).exists():
        raise AccountRefused(f"用户名“{username}”已被使用。")
    return username


@transaction.atomic
def open_account(
    *,
    username: str,
    group: str,
    email: str = "",
    first_name: str = "",
    is_staff: bool = False,
    password: str | None = None,
) -> tuple[object, str]:
    """Create the login in `group`. Returns (user, password); the password is generated when
    none is given."""
    user = get_user_model()(
        username=checked_username(username),
        email=email,
        first_name=first_name,
        is_staff=is_staff,
    )
    password = password or secrets.token_urlsafe(9)
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise AccountRefused("密码不符合要求：" + "；".join(error.messages)) from error
    user.set_password(password)
    user.save()
    user.groups.add(Group.objects.get(name=group))
    require_password_change(user=user)
    return user, password
