"""Create one editor's login from the command line."""

from django.core.management.base import BaseCommand, CommandError

from editorial.editors import add_editor
from editorial.roles import LEVEL_NAMES
from logins.accounts import AccountRefused

LEVELS_BY_NAME = {name: role for role, name in LEVEL_NAMES.items()}


class Command(BaseCommand):
    help = (
        "新建编辑账号（可登录编辑部后台，属于“编辑”组）：用户名、姓名、电子邮箱，"
        "可用 --level 初审 --level 终审 指定审稿级别；"
        "不给密码时自动生成并打印。首次登录须修改密码。"
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", required=True, help="编辑姓名")
        parser.add_argument("--email", required=True, help="电子邮箱，用于新投稿通知和找回密码")
        parser.add_argument("--password", default=None, help="初始密码；省略时自动生成")
        parser.add_argument(
            "--level",
            dest="levels",
            action="append",
            default=[],
            choices=list(LEVELS_BY_NAME),
            help="该编辑担任的审稿级别（可重复）：初审（责任编辑）、复审（编辑部主任）、终审（总编辑）",
        )

    def handle(self, *args, username, name, email, password, levels, **options):
        try:
            user, password_used = add_editor(
                username=username,
                name=name,
                email=email,
                password=password,
                levels=[LEVELS_BY_NAME[level] for level in levels],
            )
        except AccountRefused as refusal:
            raise CommandError(str(refusal)) from refusal
        held = f"，审稿级别：{'、'.join(dict.fromkeys(levels))}" if levels else ""
        self.stdout.write(
            self.style.SUCCESS(f"已创建编辑 {user.get_full_name()}，用户名 {user.username}{held}")
        )
        if password is None:
            self.stdout.write(f"初始密码：{password_used}（首次登录须修改）")
