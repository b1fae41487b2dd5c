"""The product speaks Chinese only: an English browser gets Chinese pages, the admin's too."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.factories import make_user

pytestmark = pytest.mark.django_db

ENGLISH = {"HTTP_ACCEPT_LANGUAGE": "en-US,en;q=0.9"}


@pytest.mark.parametrize(
    ("url_name", "chinese", "english"),
    [
        ("login", "忘记密码？", "Forgot"),
        ("password_reset", "电子邮件", "Email"),
        ("admin:login", "用户名", "Username"),
    ],
)
def test_an_english_browser_gets_chinese_pages(client, url_name, chinese, english):
    html = client.get(reverse(url_name), **ENGLISH).content.decode()

    assert chinese in html
    assert english not in html


def test_an_english_browser_gets_the_password_change_page_in_chinese(client):
    client.force_login(make_user())

    html = client.get(reverse("password_change"), **ENGLISH).content.decode()

    assert "旧密码" in html and "新密码确认" in html
    assert "Old password" not in html and "Your password" not in html


def test_an_english_browser_gets_the_admin_in_chinese(client):
    client.force_login(make_user(superuser=True))

    html = client.get(reverse("admin:index"), **ENGLISH).content.decode()

    assert "最近动作" in html and "注销" in html
    assert "Recent actions" not in html and "Log out" not in html


def test_an_english_browser_gets_the_password_rules_in_chinese(client):
    client.force_login(make_user())

    html = client.post(
        reverse("password_change"),
        {"old_password": "测试密码-123456", "new_password1": "1", "new_password2": "1"},
        **ENGLISH,
    ).content.decode()

    assert "密码太短，至少需要 8 个字符" in html and "密码只包含数字" in html
    assert "too short" not in html and "entirely numeric" not in html


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("Kq-1", "密码太短，至少需要 8 个字符。"),
        ("password", "这个密码太常见了。"),
        ("384756192038", "密码只包含数字。"),
        ("zhangsan-2026", "密码跟 用户名 太相似了。"),
    ],
)
def test_every_password_rule_refuses_in_chinese(password, message):
    from django.contrib.auth.models import User

    with pytest.raises(ValidationError) as refusal:
        validate_password(password, User(username="zhangsan-2026"))

    assert message in refusal.value.messages
