"""签发: who signed the issue off for print, and when (editorial.workflow.sign_off_issue)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0013_version_trace"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="issue",
            name="signed_off_at",
            field=models.DateTimeField(
                blank=True, editable=False, null=True, verbose_name="签发时间"
            ),
        ),
        migrations.AddField(
            model_name="issue",
            name="signed_off_by",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="签发人",
            ),
        ),
    ]
