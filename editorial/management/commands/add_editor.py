"""Create one editor's login from the command line."""

from django.core.management.base import BaseCommand, CommandError

from editorial.editors import add_editor
from logins.accounts import AccountRefused


class Command(BaseCommand):
    help = (
        "新建编辑账号（可登录编辑部后台，属于“编辑”组）：用户名、姓名、电子邮箱；"
        "不给密码时自动生成并打印。首次登录须修改密码。"
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", required=True, help="编辑姓名")
        parser.add_argument("--email", required=True, help="电子邮箱，用于新投稿通知和找回密码")
        parser.add_argument("--password", default=None, help="初始密码；省略时自动生成")

    def handle(self, *args, username, name, email, password, **options):
        try:
            user, password_used = add_editor(
                username=username, name=name, email=email, password=password
            )
        except AccountRefused as refusal:
            raise CommandError(str(refusal)) from refusal
        self.stdout.write(
            self.style.SUCCESS(f"已创建编辑 {user.get_full_name()}，用户名 {user.username}")
        )
        if password is None:
            self.stdout.write(f"初始密码：{password_used}（首次登录须修改）")
