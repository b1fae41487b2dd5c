"""Demo accounts for a local try-out; every run sets fresh passwords and prints them."""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.management.base import BaseCommand

DEMO_ACCOUNTS = (
    # username, what it is, superuser
    ("admin", "系统管理员（超级用户）", True),
    ("editor", "编辑部编辑（后台采编）", False),
)

EDITOR_APPS = ("articles", "zones")


class Command(BaseCommand):
    help = "创建或重置演示账号，生成新密码并打印。只用于本机试用，切勿用于生产环境。"

    def handle(self, *args, **options):
        User = get_user_model()
        self.stdout.write("演示账号（每次运行都会生成新密码）：")
        for username, role, superuser in DEMO_ACCOUNTS:
            user, _ = User.objects.get_or_create(username=username)
            password = secrets.token_urlsafe(9)
            user.set_password(password)
            user.is_staff = True
            user.is_superuser = superuser
            user.save()
            if not superuser:
                user.user_permissions.set(
                    Permission.objects.filter(content_type__app_label__in=EDITOR_APPS)
                )
            self.stdout.write(f"  {role}：用户名 {username}  密码 {password}")
        self.stdout.write("后台地址：http://127.0.0.1:8000/admin/")
