"""People whose names stand in bylines."""

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef
from django.urls import reverse

from articles.models.validators import no_control_characters
from zones.models import Zone


class ContributorQuerySet(models.QuerySet):
    def with_published_work(self):
        """People with at least one published piece: the only ones the public site names."""
        # Article is reached through the reverse relation: articles.py imports this module.
        articles = self.model._meta.get_field("articles").related_model.objects
        return self.filter(
            Exists(articles.published().filter(authorships__contributor=OuterRef("pk")))
        )


class Contributor(models.Model):
    """Someone whose name stands in a byline; a correspondent also has a login."""

    name = models.CharField(
        "姓名", max_length=30, db_index=True, validators=[no_control_characters]
    )
    zone = models.ForeignKey(
        Zone,
        verbose_name="所在开发区",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contributors",
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="登录账号",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contributor",
    )
    phone = models.CharField("电话", max_length=30, blank=True)
    email = models.EmailField("电子邮箱", blank=True)
    note = models.TextField("备注", blank=True)

    objects = ContributorQuerySet.as_manager()

    class Meta:
        verbose_name = "作者"
        verbose_name_plural = "作者"
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("reader:contributor_detail", args=[self.pk])


class MailPreference(models.Model):
    """Whether a user also wants mail that is not essential (status notices, new-piece alerts).

    Essential mail (a piece sent back for revision, accepted or rejected) always goes out.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="用户",
        on_delete=models.CASCADE,
        related_name="mail_preference",
    )
    optional_mail = models.BooleanField("接收非必要邮件", default=True)

    class Meta:
        verbose_name = "邮件设置"
        verbose_name_plural = "邮件设置"

    def __str__(self):
        return f"{self.user}：{'接收' if self.optional_mail else '不接收'}非必要邮件"
