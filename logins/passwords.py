"""Whose password was chosen by someone else, and setting one's own.

Accounts made for a person (add_correspondent, add_editor, their admin pages) get a password
the person did not choose: it travelled by paper, chat or mail; so does a password a superuser
types on a user's admin page. Such a login is flagged here, and logins.middleware keeps its
owner on the password change page until they have set their own. The flag goes only when the
owner sets a password themselves (set_own_password): the password change page or a reset link.
"""

from django.db import transaction

from .models import PasswordChangeRequired

# The session's note, set at login, so that only flagged logins cost the middleware a query.
SESSION_KEY = "kfq_password_change_required"


def require_password_change(*, user) -> None:
    PasswordChangeRequired.objects.get_or_create(user=user)


def must_change_password(user) -> bool:
    return PasswordChangeRequired.objects.filter(user=user).exists()


@transaction.atomic
def set_own_password(*, user, password: str) -> None:
    """The owner chose this password (already validated by the form): the flag goes."""
    user.set_password(password)
    user.save(update_fields=["password"])
    PasswordChangeRequired.objects.filter(user=user).delete()
