"""The password forms of the site: Django's, with the password set by logins.passwords."""

from django.contrib.auth.forms import PasswordChangeForm, SetPasswordForm

from .passwords import set_own_password


class OwnPasswordMixin:
    """The user chose this password themselves: any first-login flag goes with it."""

    def save(self, commit=True):
        set_own_password(user=self.user, password=self.cleaned_data["new_password1"])
        return self.user


class ChangeOwnPasswordForm(OwnPasswordMixin, PasswordChangeForm):
    pass


class ResetOwnPasswordForm(OwnPasswordMixin, SetPasswordForm):
    pass
