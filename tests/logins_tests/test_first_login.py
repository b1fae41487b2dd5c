"""A password someone else chose must be replaced at first login, for every kind of account
made for a person; until then every page but the password change page sends them there."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Article
from editorial.correspondents import add_correspondent
from editorial.editors import add_editor
from logins.passwords import must_change_password, require_password_change
from tests.factories import make_article, make_correspondent, make_editor, make_user, make_zone
from tests.mail import sent_mail

pytestmark = pytest.mark.django_db

PASSWORD = "Chu-Shi-2026!"
NEW_PASSWORD = "Zi-Ji-De-2026"
HOME_HEADING = '<h1 id="issue-heading">《开发区建设》周刊</h1>'
ADMIN_HEADING = "采编管理"


def log_in(client, username, password=PASSWORD):
    response = client.post(reverse("login"), {"username": username, "password": password})
    assert response.status_code == 302, "the login itself must work"
    return response


def opens(client, url, says) -> bool:
    """The page opens itself (no detour to the password change) and shows what it should."""
    response = client.get(url)
    return response.status_code == 200 and says in response.content.decode()


def new_correspondent(username="xin"):
    user, _, _ = add_correspondent(
        username=username, zone=make_zone(), name="新通讯员", password=PASSWORD
    )
    return user


def new_editor(username="xinbianji"):
    user, _ = add_editor(username=username, name="新编辑", email="x@example.cn", password=PASSWORD)
    return user


def flagged_staff(username="xinstaff"):
    user = make_user(username, staff=True, password=PASSWORD)
    require_password_change(user=user)
    return user


def flagged_superuser(username="xinroot"):
    user = make_user(username, superuser=True, password=PASSWORD)
    require_password_change(user=user)
    return user


NEW_ACCOUNTS = {
    "correspondent": new_correspondent,
    "staff": flagged_staff,
    "editor": new_editor,
    "superuser": flagged_superuser,
}


def test_accounts_made_by_the_commands_must_change_their_password():
    zone = make_zone()
    out = io.StringIO()
    call_command("add_correspondent", "c1", zone=zone.official_name, name="甲", stdout=out)
    call_command("add_editor", "e1", name="乙", email="e1@example.cn", stdout=out)

    User = get_user_model()
    assert must_change_password(User.objects.get(username="c1"))
    assert must_change_password(User.objects.get(username="e1"))


def test_the_demo_accounts_are_not_asked_to_change_their_password():
    call_command("create_demo_accounts", stdout=io.StringIO())

    for user in get_user_model().objects.all():
        assert not must_change_password(user)


@pytest.mark.parametrize("role", NEW_ACCOUNTS)
def test_the_first_login_leads_to_the_password_change_page(client, role):
    user = NEW_ACCOUNTS[role]()
    log_in(client, user.username)

    page = client.get(reverse("reader:home"), follow=True)

    assert page.redirect_chain == [(reverse("password_change"), 302)]
    assert "请先设置一个只有您自己知道的新密码" in page.content.decode()


def pages_for(piece):
    return [
        reverse("reader:home"),
        reverse("portal:my_submissions"),
        reverse("portal:my_submission", args=[piece.pk]),
        reverse("portal:mail_settings"),
        reverse("password_reset"),
        reverse("admin:index"),
        reverse("admin:articles_article_changelist"),
        reverse("admin:auth_user_changelist"),
        reverse("admin:auth_user_add_editor"),
        "/admin/password_change/",
    ]


@pytest.mark.parametrize("role", NEW_ACCOUNTS)
def test_no_page_can_be_reached_directly_before_the_password_is_changed(client, role):
    user = NEW_ACCOUNTS[role]()
    piece = make_article(authors=[user.contributor] if role == "correspondent" else [])
    log_in(client, user.username)

    for url in pages_for(piece):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url == reverse("password_change"), url


def test_logging_in_through_the_admin_login_page_asks_the_same(client):
    user = new_editor()
    client.post(reverse("admin:login"), {"username": user.username, "password": PASSWORD})

    response = client.get(reverse("admin:index"))

    assert response.status_code == 302 and response.url == reverse("password_change")


def test_a_post_elsewhere_changes_nothing_and_leads_to_the_password_change_page(client):
    user = new_correspondent()
    piece = make_article(authors=[user.contributor], status="submitted")
    log_in(client, user.username)

    submitted = client.post(reverse("portal:submit"), {"title": "偷跑的稿件", "body": "正文"})
    withdrawn = client.post(reverse("portal:withdraw", args=[piece.pk]))

    assert submitted.url == withdrawn.url == reverse("password_change")
    assert not Article.objects.filter(title="偷跑的稿件").exists()
    piece.refresh_from_db()
    assert piece.status == "submitted"


def test_logging_out_is_still_possible(client):
    user = new_correspondent()
    log_in(client, user.username)

    client.post(reverse("logout"))

    assert client.get(reverse("portal:my_submissions")).url.startswith(reverse("login"))


@pytest.mark.parametrize("role", NEW_ACCOUNTS)
def test_after_changing_the_password_every_page_opens(client, role):
    user = NEW_ACCOUNTS[role]()
    log_in(client, user.username)

    done = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        follow=True,
    )

    assert "密码已修改" in done.content.decode()
    assert not must_change_password(user)
    assert opens(client, reverse("reader:home"), HOME_HEADING)
    if user.is_staff:
        assert opens(client, reverse("admin:index"), ADMIN_HEADING)
    client.logout()
    log_in(client, user.username, NEW_PASSWORD)
    assert opens(client, reverse("reader:home"), HOME_HEADING)


def test_a_reset_link_counts_as_setting_ones_own_password(client):
    user = new_editor()
    client.post(reverse("password_reset"), {"email": "x@example.cn"})
    (message,) = sent_mail()
    link = message.body.split("http://127.0.0.1:8000")[1].split()[0]
    form = client.get(link, follow=True)

    client.post(
        form.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )

    assert not must_change_password(user)
    log_in(client, user.username, NEW_PASSWORD)
    assert opens(client, reverse("admin:index"), ADMIN_HEADING)


def test_a_password_changed_in_another_session_frees_this_one(client):
    user = new_correspondent()
    log_in(client, user.username)
    user.password_change_required.delete()

    assert opens(client, reverse("portal:my_submissions"), "<h1>我的稿件</h1>")


@pytest.mark.parametrize("make", [make_correspondent, make_editor], ids=["correspondent", "editor"])
def test_logins_without_the_flag_pay_no_extra_query(client, make):
    client.force_login(make())
    client.get(reverse("portal:mail_settings"))  # the session and the user are loaded once

    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("portal:mail_settings"))

    assert not any("logins_passwordchangerequired" in q["sql"] for q in queries.captured_queries)


def test_accounts_made_in_the_admin_must_change_their_password(client):
    client.force_login(make_user("root", superuser=True))
    zone = make_zone()

    client.post(
        reverse("admin:articles_contributor_add_correspondent"),
        {"username": "c2", "name": "丙", "zone": zone.pk, "password": PASSWORD},
    )
    client.post(
        reverse("admin:auth_user_add_editor"),
        {"username": "e2", "name": "丁", "email": "e2@example.cn"},
    )

    User = get_user_model()
    assert must_change_password(User.objects.get(username="c2"))
    assert must_change_password(User.objects.get(username="e2"))


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("/robots.txt", "User-agent: *"),
        ("/feed/", "<rss"),
        ("/sitemap.xml", "<sitemapindex"),
        ("/healthz", "ok"),
    ],
)
def test_readers_responses_vary_neither_by_cookie_nor_by_language(client, url, says):
    response = client.get(url)

    assert response.status_code == 200 and says in response.content.decode()
    varies = response.get("Vary", "")
    assert "Cookie" not in varies and "Accept-Language" not in varies


def test_a_password_a_superuser_sets_on_the_users_page_must_be_replaced(client):
    user = make_correspondent("wangji")
    client.force_login(make_user("root", superuser=True))

    response = client.post(
        reverse("admin:auth_user_password_change", args=[user.pk]),
        {"password1": PASSWORD, "password2": PASSWORD, "set_usable_password": "true"},
    )
    client.logout()
    log_in(client, "wangji")

    assert response.status_code == 302
    assert must_change_password(user)
    assert client.get(reverse("portal:my_submissions")).url == reverse("password_change")
