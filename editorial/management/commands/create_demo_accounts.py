"""Demo accounts for a local try-out; every run sets fresh passwords and prints them."""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from articles.bylines import contributor_for_account
from editorial.roles import CORRESPONDENTS_GROUP, EDITORS_GROUP, LEVEL_GROUPS, LEVEL_NAMES, Role
from zones.models import Zone

DEMO_CORRESPONDENT = ("tongxunyuan", "麻洁琼", "朔州经济开发区")
# One editor per review level, to try the 三审制 (KFQ_REVIEW_LEVELS=3) as three people.
DEMO_REVIEWERS = [
    ("chushen", Role.FIRST_REVIEWER),
    ("fushen", Role.SECOND_REVIEWER),
    ("zhongshen", Role.CHIEF_EDITOR),
]


class Command(BaseCommand):
    help = "创建或重置演示账号，生成新密码并打印。只用于本机试用，切勿用于生产环境。"

    def handle(self, *args, **options):
        self.stdout.write("演示账号（每次运行都会生成新密码）：")
        self._account("admin", "系统管理员（超级用户）", staff=True, superuser=True)
        editor = self._account("editor", "编辑部编辑（后台采编）", staff=True)
        editors = Group.objects.get_or_create(name=EDITORS_GROUP)[0]
        editor.groups.add(editors)
        for username, level in DEMO_REVIEWERS:
            group = LEVEL_GROUPS[level]
            reviewer = self._account(username, f"{group}（{LEVEL_NAMES[level]}）", staff=True)
            reviewer.groups.add(editors, Group.objects.get_or_create(name=group)[0])
        username, name, zone_name = DEMO_CORRESPONDENT
        zone = Zone.objects.meant_by(zone_name)
        if zone is None:
            self.stdout.write(f"  （未找到{zone_name}，跳过演示通讯员；请先运行 load_zones）")
        else:
            correspondent = self._account(username, f"通讯员（{zone_name}，{name}）")
            correspondent.groups.add(Group.objects.get_or_create(name=CORRESPONDENTS_GROUP)[0])
            contributor_for_account(user=correspondent, name=name, zone=zone)
        self.stdout.write("网站：http://127.0.0.1:8000/  编辑部后台：http://127.0.0.1:8000/admin/")

    def _account(self, username, role, *, staff=False, superuser=False):
        user, _ = get_user_model().objects.get_or_create(username=username)
        password = secrets.token_urlsafe(9)
        user.set_password(password)
        user.is_staff = staff
        user.is_superuser = superuser
        user.save()
        self.stdout.write(f"  {role}：用户名 {username}  密码 {password}")
        return user
