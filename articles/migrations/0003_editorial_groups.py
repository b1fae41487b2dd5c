"""The two groups of people who use the system: 编辑 (editors) and 通讯员 (correspondents)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_APPS = ("articles", "zones")
# Editors run the workflow in the admin; the status itself stays read-only there.
EDITOR_ACTIONS = ("view", "add", "change", "delete")


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations; create them now so the group can
    # hold them on a fresh database. Migration app configs are stubs without a models module.
    for app_label in EDITOR_APPS:
        app_config = apps.get_app_config(app_label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name="编辑")
    editors.permissions.set(
        Permission.objects.filter(
            content_type__app_label__in=EDITOR_APPS,
            codename__regex=r"^(%s)_" % "|".join(EDITOR_ACTIONS),
        )
    )
    # Correspondents never reach the admin: the group marks who they are, with no permissions.
    Group.objects.get_or_create(name="通讯员")


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["编辑", "通讯员"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0002_workflow_history"),
        ("zones", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
