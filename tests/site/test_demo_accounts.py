import io
import re

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def run() -> dict[str, str]:
    out = io.StringIO()
    call_command("create_demo_accounts", stdout=out)
    return dict(re.findall(r"用户名 (\S+)\s+密码 (\S+)", out.getvalue()))


def test_demo_accounts_log_in_with_the_printed_passwords():
    passwords = run()

    assert set(passwords) == {"admin", "editor"}
    admin = authenticate(username="admin", password=passwords["admin"])
    editor = authenticate(username="editor", password=passwords["editor"])
    assert admin.is_superuser
    assert editor.is_staff and not editor.is_superuser
    assert editor.has_perm("articles.change_article")


def test_each_run_sets_new_passwords_and_the_old_ones_stop_working():
    first = run()
    second = run()

    assert first["editor"] != second["editor"]
    assert authenticate(username="editor", password=first["editor"]) is None
    assert authenticate(username="editor", password=second["editor"]) is not None
