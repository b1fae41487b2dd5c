"""The failed logins, as the editors' admin shows them (axes keeps the rows)."""

from axes.models import AccessAttempt


class FailedLogin(AccessAttempt):
    """axes' AccessAttempt under a Chinese name: axes ships no Chinese translation."""

    class Meta:
        proxy = True
        verbose_name = "登录失败记录"
        verbose_name_plural = "登录失败记录"
