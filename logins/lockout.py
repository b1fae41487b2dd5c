"""The answer to a login from a locked account: one Chinese page for both login forms."""

from django.conf import settings
from django.shortcuts import render

# 429 Too Many Requests: the request was fine, there were too many of them.
LOCKED_OUT_STATUS = 429


def locked_out(request, original_response=None, credentials=None):
    """axes' AXES_LOCKOUT_CALLABLE: replaces the login page, also when the password is right."""
    return render(
        request,
        "registration/locked_out.html",
        {"minutes": settings.KFQ_LOGIN_COOLOFF_MINUTES},
        status=LOCKED_OUT_STATUS,
    )
