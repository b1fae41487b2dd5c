"""三审制: the states between 审阅中 and 已录用, and a group for each review level.

The level groups (责任编辑 初审, 编辑部主任 复审, 总编辑 终审) get the 编辑 group's permissions,
so a member of any of them is an editor. Everyone already in 编辑 becomes a 责任编辑: with one
review level (the default) nothing changes for them, and an office that turns on more levels
names its 编辑部主任 and 总编辑 itself.
"""

from django.conf import settings
from django.db import migrations, models

LEVEL_GROUPS = ("责任编辑", "编辑部主任", "总编辑")


def create_level_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    editors, _ = Group.objects.get_or_create(name="编辑")
    permissions = list(editors.permissions.all())
    for name in LEVEL_GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(permissions)
    first_reviewers = Group.objects.get(name="责任编辑")
    first_reviewers.user_set.add(*editors.user_set.all())


def remove_level_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=LEVEL_GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0011_publication_proof"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("zones", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="article",
            name="article_status_valid",
        ),
        migrations.AlterField(
            model_name="article",
            name="status",
            field=models.CharField(
                choices=[
                    ("draft", "草稿"),
                    ("submitted", "已投稿"),
                    ("in_review", "审阅中"),
                    ("first_passed", "初审通过"),
                    ("second_passed", "复审通过"),
                    ("revision", "退修"),
                    ("accepted", "已录用"),
                    ("scheduled", "已排期"),
                    ("published", "已刊发"),
                    ("rejected", "不予采用"),
                    ("withdrawn", "已撤回"),
                ],
                default="draft",
                editable=False,
                max_length=20,
                verbose_name="状态",
            ),
        ),
        migrations.AlterField(
            model_name="articletransition",
            name="from_status",
            field=models.CharField(
                choices=[
                    ("draft", "草稿"),
                    ("submitted", "已投稿"),
                    ("in_review", "审阅中"),
                    ("first_passed", "初审通过"),
                    ("second_passed", "复审通过"),
                    ("revision", "退修"),
                    ("accepted", "已录用"),
                    ("scheduled", "已排期"),
                    ("published", "已刊发"),
                    ("rejected", "不予采用"),
                    ("withdrawn", "已撤回"),
                ],
                max_length=20,
                verbose_name="原状态",
            ),
        ),
        migrations.AlterField(
            model_name="articletransition",
            name="to_status",
            field=models.CharField(
                choices=[
                    ("draft", "草稿"),
                    ("submitted", "已投稿"),
                    ("in_review", "审阅中"),
                    ("first_passed", "初审通过"),
                    ("second_passed", "复审通过"),
                    ("revision", "退修"),
                    ("accepted", "已录用"),
                    ("scheduled", "已排期"),
                    ("published", "已刊发"),
                    ("rejected", "不予采用"),
                    ("withdrawn", "已撤回"),
                ],
                max_length=20,
                verbose_name="新状态",
            ),
        ),
        migrations.AddConstraint(
            model_name="article",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    (
                        "status__in",
                        [
                            "draft",
                            "submitted",
                            "in_review",
                            "first_passed",
                            "second_passed",
                            "revision",
                            "accepted",
                            "scheduled",
                            "published",
                            "rejected",
                            "withdrawn",
                        ],
                    )
                ),
                name="article_status_valid",
            ),
        ),
        migrations.RunPython(create_level_groups, remove_level_groups),
    ]
