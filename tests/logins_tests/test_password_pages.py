"""The password change and reset pages: the site's own, in Chinese, reachable by the right
people, and a reset that says nothing about which addresses exist."""

import re

import pytest
from django.contrib.auth import authenticate
from django.urls import reverse

from tests.factories import make_correspondent, make_user
from tests.mail import sent_mail
from tests.roles import ROLES

pytestmark = pytest.mark.django_db

LOGIN, OK = "login", 200

# url name, expected per role (in ROLES order)
PAGES = [
    ("password_change", [LOGIN, OK, OK, OK, OK]),
    ("password_change_done", [LOGIN, OK, OK, OK, OK]),
    ("password_reset", [OK, OK, OK, OK, OK]),
    ("password_reset_done", [OK, OK, OK, OK, OK]),
    ("password_reset_complete", [OK, OK, OK, OK, OK]),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("url_name", "expected"), PAGES)
def test_who_reaches_the_password_pages(client, people, role, url_name, expected):
    if people[role]:
        client.force_login(people[role])

    response = client.get(reverse(url_name))

    want = expected[ROLES.index(role)]
    if want == LOGIN:
        assert response.status_code == 302
        assert response.url.startswith(reverse("login") + "?next=")
    else:
        assert response.status_code == want
        html = response.content.decode()
        assert 'class="site-header"' in html  # the site's own page, not the admin's
        assert "Django" not in html


@pytest.mark.parametrize("role", ROLES)
def test_the_admins_password_change_link_leads_to_the_sites_page(client, people, role):
    if people[role]:
        client.force_login(people[role])

    response = client.get("/admin/password_change/")

    assert response.status_code == 302 and response.url == reverse("password_change")


def test_logged_in_people_find_the_password_change_in_the_header(client):
    client.force_login(make_correspondent())

    html = client.get(reverse("reader:home")).content.decode()

    assert f'href="{reverse("password_change")}"' in html and "修改密码" in html


def test_the_login_page_offers_a_forgotten_password(client):
    html = client.get(reverse("login")).content.decode()

    assert f'<a href="{reverse("password_reset")}">忘记密码？</a>' in html


def test_a_correspondent_changes_their_password_and_stays_logged_in(client):
    user = make_correspondent()
    client.force_login(user)

    response = client.post(
        reverse("password_change"),
        {
            "old_password": "测试密码-123456",
            "new_password1": "Qiao-Tou-2026",
            "new_password2": "Qiao-Tou-2026",
        },
        follow=True,
    )

    assert "密码已修改" in response.content.decode()
    assert authenticate(username=user.username, password="Qiao-Tou-2026") is not None
    page = client.get(reverse("portal:my_submissions"))
    assert page.status_code == 200 and "<h1>我的稿件</h1>" in page.content.decode()


def test_a_wrong_old_password_is_refused_in_chinese(client):
    user = make_user()
    client.force_login(user)

    html = client.post(
        reverse("password_change"),
        {"old_password": "wrong", "new_password1": "Qiao-Tou-2026", "new_password2": "x"},
    ).content.decode()

    assert "你的旧密码不正确" in html and "输入的两个密码不一致" in html
    assert authenticate(username=user.username, password="测试密码-123456") is not None


def reset_link(settings, address: str, client) -> str:
    client.post(reverse("password_reset"), {"email": address})
    (message,) = sent_mail()
    return re.search(re.escape(settings.KFQ_SITE_URL) + r"(/accounts/reset/\S+/)", message.body)[1]


def test_the_reset_mail_is_chinese_and_points_at_the_sites_address(client, settings):
    settings.KFQ_SITE_URL = "https://kfq.example.cn"
    settings.ALLOWED_HOSTS = ["testserver", "10.0.0.7"]  # the office's internal address
    user = make_correspondent(email="ma@example.cn")

    response = client.post(
        reverse("password_reset"), {"email": "ma@example.cn"}, HTTP_HOST="10.0.0.7"
    )

    assert response.status_code == 302 and response.url == reverse("password_reset_done")
    (message,) = sent_mail()
    assert message.to == ["ma@example.cn"]
    assert message.subject == "[开发区建设] 重新设置密码"
    assert user.username in message.body and "3 天内" in message.body
    assert "https://kfq.example.cn/accounts/reset/" in message.body
    assert "10.0.0.7" not in message.body


def test_a_reset_link_sets_a_new_password(client, settings):
    user = make_correspondent(email="ma@example.cn")
    link = reset_link(settings, "ma@example.cn", client)

    form = client.get(link, follow=True)
    done = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "Qiao-Tou-2026", "new_password2": "Qiao-Tou-2026"},
        follow=True,
    )
    again = client.get(link, follow=True)

    assert "设置新密码" in form.content.decode()
    assert "新密码已设置" in done.content.decode()
    assert authenticate(username=user.username, password="Qiao-Tou-2026") is not None
    assert "这个重设链接无效" in again.content.decode()


def test_the_reset_page_does_not_tell_which_addresses_exist(client):
    make_correspondent(email="ma@example.cn")

    known = client.post(reverse("password_reset"), {"email": "ma@example.cn"}, follow=True)
    unknown = client.post(reverse("password_reset"), {"email": "nobody@example.cn"}, follow=True)

    assert known.redirect_chain == unknown.redirect_chain
    assert known.content == unknown.content
    assert [m.to for m in sent_mail()] == [["ma@example.cn"]]
