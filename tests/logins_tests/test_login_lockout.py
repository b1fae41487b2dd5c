"""Login throttling (django-axes, logins/): five wrong passwords lock that account from that
address; the right password is then refused too, with a Chinese page, on both login forms,
until an editor deletes the failed attempts in the admin (or axes_reset is run)."""

import io

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from tests.error_pages import is_forbidden_page
from tests.factories import make_editor, make_user

pytestmark = pytest.mark.django_db

PASSWORD = "测试密码-123456"
LOCKED = "登录失败次数过多，账号已暂时锁定，请 15 分钟后再试或联系编辑部"
LOGIN_PAGES = ["login", "admin:login"]


@pytest.fixture(autouse=True)
def axes_on(settings):
    # tests/settings.py turns axes off for the rest of the suite (the test client's login()).
    settings.AXES_ENABLED = True


def log_in(client, page, username, password, address="127.0.0.1"):
    return client.post(
        reverse(page), {"username": username, "password": password}, REMOTE_ADDR=address
    )


def logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def fail(client, page, username, times=5, address="127.0.0.1"):
    for _ in range(times):
        response = log_in(client, page, username, "错误的密码", address)
    return response


@pytest.mark.parametrize("page", LOGIN_PAGES)
def test_five_failures_lock_the_account_even_for_the_right_password(client, page):
    make_editor("editor")

    fifth = fail(client, page, "editor")
    right = log_in(client, page, "editor", PASSWORD)

    assert fifth.status_code == 429
    assert right.status_code == 429
    assert LOCKED in right.content.decode()
    assert not logged_in(client)


@pytest.mark.parametrize("page", LOGIN_PAGES)
def test_four_failures_still_let_the_right_password_in(client, page):
    make_editor("editor")

    fourth = fail(client, page, "editor", times=4)
    right = log_in(client, page, "editor", PASSWORD)

    # The fourth failure shows the login form again, not the lock page.
    html = fourth.content.decode()
    assert fourth.status_code == 200 and 'name="password"' in html and LOCKED not in html
    assert right.status_code == 302
    assert logged_in(client)


def test_the_lock_holds_across_both_login_pages(client):
    make_editor("editor")
    fail(client, "login", "editor")

    response = log_in(client, "admin:login", "editor", PASSWORD)

    assert response.status_code == 429 and not logged_in(client)
    assert LOCKED in response.content.decode()


def test_another_account_from_the_same_address_is_not_locked(client):
    make_editor("editor")
    make_user("majq")
    fail(client, "login", "editor")

    assert log_in(client, "login", "majq", PASSWORD).status_code == 302
    assert logged_in(client)


def test_the_same_account_from_another_address_is_not_locked(client):
    make_editor("editor")
    fail(client, "login", "editor", address="10.0.0.1")

    assert log_in(client, "login", "editor", PASSWORD, address="10.0.0.2").status_code == 302
    assert logged_in(client)


def test_an_editor_unlocks_in_the_admin_by_deleting_the_attempts(client):
    make_editor("editor")
    fail(client, "login", "editor")
    attempts = AccessAttempt.objects.filter(username="editor")
    assert attempts.exists()

    other = Client()
    other.force_login(make_editor("chief"))
    changelist = reverse("admin:logins_failedlogin_changelist")
    assert "editor" in other.get(changelist).content.decode()
    response = other.post(
        changelist,
        {
            "action": "delete_selected",
            "_selected_action": list(attempts.values_list("pk", flat=True)),
            "post": "yes",
        },
    )

    assert response.status_code == 302
    assert not attempts.exists()
    assert log_in(client, "login", "editor", PASSWORD).status_code == 302


def test_staff_who_are_not_editors_cannot_see_the_attempts(client):
    client.force_login(make_user(staff=True))
    assert is_forbidden_page(client.get(reverse("admin:logins_failedlogin_changelist")))


def test_axes_reset_unlocks(client):
    make_editor("editor")
    fail(client, "admin:login", "editor")

    call_command("axes_reset", stdout=io.StringIO())

    assert log_in(client, "admin:login", "editor", PASSWORD).status_code == 302
    assert logged_in(client)


def test_the_failed_login_list_speaks_chinese_and_shows_who_is_locked(client):
    make_editor("editor")
    fail(client, "login", "editor")

    other = Client()
    other.force_login(make_editor("chief"))
    page = other.get(reverse("admin:logins_failedlogin_changelist")).content.decode()
    index = other.get(reverse("admin:index")).content.decode()

    assert "登录失败记录" in page and "失败次数" in page and "网站登录页" in page
    assert 'alt="True"' in page  # the 已锁定 column's tick for the locked account
    assert "登录保护" in index and "Access attempts" not in index
