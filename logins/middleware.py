"""Keeps a login whose password someone else chose on the password change page.

The note in the session is set at login (logins.signals) and checked against the database
here, so only flagged logins cost a query. Every other page, GET or POST, portal or admin,
redirects to the password change page until the owner has set their own password.
"""

from django.shortcuts import redirect

from .passwords import SESSION_KEY, must_change_password

# What a flagged login may still reach: the way out, the way through, and files that hold no
# data of theirs (uploaded photos keep their own access check).
ALLOWED_VIEWS = frozenset(
    {
        "password_change",
        "password_change_done",
        "logout",
        "admin:logout",
        "editorial:media",
        "favicon",
    }
)


class PasswordChangeRequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # No session cookie, no login: leave the session unread, or every reader's response
        # would say "Vary: Cookie" and shared caches could not keep it.
        if request.session.session_key is None or SESSION_KEY not in request.session:
            return None
        if not request.user.is_authenticated or not must_change_password(request.user):
            del request.session[SESSION_KEY]
            return None
        if request.resolver_match.view_name in ALLOWED_VIEWS:
            return None
        return redirect("password_change")
