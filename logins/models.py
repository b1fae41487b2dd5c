"""The failed logins, as the editors' admin shows them (axes keeps the rows), and the logins
that must change a password someone else chose."""

from axes.models import AccessAttempt
from django.conf import settings
from django.db import models


class FailedLogin(AccessAttempt):
    """axes' AccessAttempt under a Chinese name: axes ships no Chinese translation."""

    class Meta:
        proxy = True
        verbose_name = "登录失败记录"
        verbose_name_plural = "登录失败记录"


class PasswordChangeRequired(models.Model):
    """A login whose password someone else chose: its owner must set their own before using
    the site (logins.middleware). Written and removed only by logins.passwords."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="password_change_required",
        verbose_name="用户",
    )
    since = models.DateTimeField("设定时间", auto_now_add=True)

    class Meta:
        verbose_name = "待修改初始密码"
        verbose_name_plural = "待修改初始密码"

    def __str__(self):
        return f"{self.user}：首次登录须修改密码"
