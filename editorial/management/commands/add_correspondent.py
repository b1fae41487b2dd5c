"""Onboard one zone correspondent from the command line."""

from django.core.management.base import BaseCommand, CommandError

from editorial.correspondents import add_correspondent, find_zone
from logins.accounts import AccountRefused


class Command(BaseCommand):
    help = (
        "新建通讯员账号：用户名、所属开发区（正式名称、简称或别名）、姓名；"
        "不给密码时自动生成并打印。"
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--zone", required=True, help="所属开发区")
        parser.add_argument("--name", required=True, help="通讯员姓名（署名）")
        parser.add_argument("--email", default="", help="电子邮箱，用于通知和找回密码")
        parser.add_argument("--password", default=None, help="初始密码；省略时自动生成")

    def handle(self, *args, username, zone, name, email, password, **options):
        try:
            user, contributor, password_used = add_correspondent(
                username=username, zone=find_zone(zone), name=name, email=email, password=password
            )
        except AccountRefused as refusal:
            raise CommandError(str(refusal)) from refusal
        self.stdout.write(
            self.style.SUCCESS(
                f"已创建通讯员 {contributor.name}（{contributor.zone}），用户名 {user.username}"
            )
        )
        if password is None:
            self.stdout.write(f"初始密码：{password_used}（通讯员首次登录须修改）")
