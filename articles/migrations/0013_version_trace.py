"""Tracked changes (留痕): who made each version of a piece's text and why, and corrections.

Versions kept so far were all taken at (re)submission: they become 投稿, by the piece's author
when it has exactly one (with several, who submitted is not known).
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def attribute_existing_versions(apps, schema_editor):
    ArticleVersion = apps.get_model("articles", "ArticleVersion")
    Authorship = apps.get_model("articles", "Authorship")
    versioned = ArticleVersion.objects.values("article_id").distinct()
    single_authors = (
        Authorship.objects.filter(article_id__in=versioned)
        .values("article_id")
        .annotate(authors=models.Count("pk"), user_id=models.Max("contributor__user_id"))
        .filter(authors=1, user_id__isnull=False)
    )
    for row in single_authors:
        ArticleVersion.objects.filter(article_id=row["article_id"]).update(by_id=row["user_id"])


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0012_review_levels"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="articleversion",
            name="by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="修改人",
            ),
        ),
        migrations.AddField(
            model_name="articleversion",
            name="kind",
            field=models.CharField(
                choices=[
                    ("投稿", "投稿"),
                    ("重新投稿", "重新投稿"),
                    ("通讯员修改", "通讯员修改"),
                    ("编辑修改", "编辑修改"),
                    ("更正", "更正"),
                ],
                default="投稿",
                max_length=10,
                verbose_name="类型",
            ),
        ),
        migrations.AlterField(
            model_name="articleversion",
            name="created_at",
            field=models.DateTimeField(auto_now_add=True, verbose_name="时间"),
        ),
        migrations.CreateModel(
            name="Correction",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "notice",
                    models.TextField(
                        help_text="读者在稿件页面和订阅中看到的说明。", verbose_name="更正说明"
                    ),
                ),
                (
                    "published_on",
                    models.DateField(
                        default=django.utils.timezone.localdate, verbose_name="更正日期"
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="发布时间")),
                (
                    "article",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="corrections",
                        to="articles.article",
                        verbose_name="稿件",
                    ),
                ),
                (
                    "by",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="发布人",
                    ),
                ),
            ],
            options={
                "verbose_name": "更正",
                "verbose_name_plural": "更正",
                "ordering": ["published_on", "pk"],
                "indexes": [
                    models.Index(fields=["article", "published_on"], name="correction_article_idx")
                ],
            },
        ),
        migrations.RunPython(attribute_existing_versions, migrations.RunPython.noop),
    ]
