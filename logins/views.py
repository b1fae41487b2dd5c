"""The password pages, in the site's style (templates/registration/): Django's views with
the forms of logins.forms, and the reset mail pointing at KFQ_SITE_URL."""

from django.conf import settings
from django.contrib.auth import views as auth_views

from .forms import ChangeOwnPasswordForm, ResetOwnPasswordForm
from .passwords import SESSION_KEY


class PasswordChangeView(auth_views.PasswordChangeView):
    form_class = ChangeOwnPasswordForm

    def get_context_data(self, **kwargs):
        # logins.middleware has checked the note against the database on this request.
        context = super().get_context_data(**kwargs)
        return {**context, "first_login": SESSION_KEY in self.request.session}


class PasswordResetView(auth_views.PasswordResetView):
    @property
    def extra_email_context(self):
        # The configured address, not the request's Host header: a forged Host must not put
        # its own domain into the link a user receives.
        return {
            "site_url": settings.KFQ_SITE_URL.rstrip("/"),
            "valid_days": max(1, settings.PASSWORD_RESET_TIMEOUT // (24 * 60 * 60)),
        }


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = ResetOwnPasswordForm
