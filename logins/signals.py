"""At login, note in the session whether the password must be changed (logins.middleware)."""

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from .passwords import SESSION_KEY, must_change_password


@receiver(user_logged_in)
def note_required_password_change(sender, request, user, **kwargs):
    if request is not None and must_change_password(user):
        request.session[SESSION_KEY] = True
