import io
import re

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command

from editorial.roles import Role, is_editor, review_roles_of

pytestmark = pytest.mark.django_db


def run() -> dict[str, str]:
    out = io.StringIO()
    call_command("create_demo_accounts", stdout=out)
    return dict(re.findall(r"用户名 (\S+)\s+密码 (\S+)", out.getvalue()))


def test_demo_accounts_log_in_with_the_printed_passwords():
    call_command("load_zones", stdout=io.StringIO())
    passwords = run()

    assert set(passwords) == {"admin", "editor", "chushen", "fushen", "zhongshen", "tongxunyuan"}
    admin = authenticate(username="admin", password=passwords["admin"])
    editor = authenticate(username="editor", password=passwords["editor"])
    assert admin.is_superuser
    assert editor.is_staff and not editor.is_superuser
    assert editor.has_perm("articles.change_article")
    assert editor.groups.filter(name="编辑").exists()


def test_three_demo_editors_hold_one_review_level_each():
    passwords = run()

    for username, level in [
        ("chushen", Role.FIRST_REVIEWER),
        ("fushen", Role.SECOND_REVIEWER),
        ("zhongshen", Role.CHIEF_EDITOR),
    ]:
        reviewer = authenticate(username=username, password=passwords[username])
        assert is_editor(reviewer) and review_roles_of(reviewer) == {level}
    assert review_roles_of(authenticate(username="editor", password=passwords["editor"])) == set()


def test_each_run_sets_new_passwords_and_the_old_ones_stop_working():
    first = run()
    second = run()

    assert first["editor"] != second["editor"]
    assert authenticate(username="editor", password=first["editor"]) is None
    assert authenticate(username="editor", password=second["editor"]) is not None


def test_the_demo_correspondent_takes_over_the_matching_byline():
    call_command("load_zones", stdout=io.StringIO())
    call_command("import_seeds", stdout=io.StringIO())

    passwords = run()

    correspondent = authenticate(username="tongxunyuan", password=passwords["tongxunyuan"])
    assert not correspondent.is_staff
    assert correspondent.contributor.name == "麻洁琼"
    assert correspondent.contributor.zone.official_name == "朔州经济开发区"
    assert correspondent.contributor.articles.count() == 3


def test_without_the_zone_registry_the_correspondent_is_skipped_with_a_note():
    out = io.StringIO()
    call_command("create_demo_accounts", stdout=out)

    assert "跳过演示通讯员" in out.getvalue()
    assert "tongxunyuan" not in out.getvalue()
