"""Editors hear of new submissions only at an address they have; the admin home names the
editors who have none."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Status
from editorial.workflow import article_transition
from tests.factories import make_article, make_correspondent, make_editor, make_user
from tests.mail import sent_mail
from tests.roles import ROLES

pytestmark = pytest.mark.django_db


def editor(username, email):
    user = make_editor(username)
    user.first_name, user.email = f"{username}姓名", email
    user.save()
    return user


def test_new_submission_mail_goes_only_to_editors_with_an_address(
    django_capture_on_commit_callbacks,
):
    author = make_correspondent(email="a@example.cn")
    editor("with_mail", "e@example.cn")
    editor("without_mail", "")
    gone = editor("gone", "gone@example.cn")
    gone.is_active = False
    gone.save()
    plain_staff = make_user("plain", staff=True)
    plain_staff.email = "staff@example.cn"
    plain_staff.save()
    piece = make_article(status=Status.DRAFT, authors=[author.contributor])

    with django_capture_on_commit_callbacks(execute=True):
        article_transition(article=piece, to=Status.SUBMITTED, by=author)

    alerts = [m for m in sent_mail() if "新投稿" in m.subject]
    assert [m.to for m in alerts] == [["e@example.cn"]]
    assert all(address for m in sent_mail() for address in m.to)


WARNING = 'id="editors-without-email"'

# Who sees the warning on the admin home (in ROLES order); correspondents never reach it.
SEES_WARNING = [None, None, False, True, True]


@pytest.mark.parametrize("role", ROLES)
def test_the_admin_home_warns_editors_and_superusers_of_editors_without_an_address(
    client, people, role
):
    missing = editor("meiyou", "")
    editor("youle", "y@example.cn")
    inactive = editor("likai", "")
    inactive.is_active = False
    inactive.save()
    if people[role]:
        client.force_login(people[role])

    response = client.get(reverse("admin:index"))

    sees = SEES_WARNING[ROLES.index(role)]
    if sees is None:
        assert response.status_code == 302 and response.url.startswith(reverse("admin:login"))
        return
    html = response.content.decode()
    assert (WARNING in html) == sees
    if sees:
        warning = html.split(WARNING)[1].split("</ul>")[0]
        assert "没有登记电子邮箱" in warning and "meiyou姓名（meiyou）" in warning
        assert "youle" not in warning and "likai" not in warning
        # people["editor"] (made by the factory) has no address either
        assert "editor1" in warning
        link = f'href="{reverse("admin:auth_user_change", args=[missing.pk])}"'
        # Only superusers may open a user's page; editors are told whom to ask.
        assert (link in warning) == (role == "superuser")
        assert ("请系统管理员" in warning) == (role == "editor")


def test_no_warning_when_every_editor_has_an_address(client):
    editor("youle", "y@example.cn")
    client.force_login(make_user("root", superuser=True))

    assert WARNING not in client.get(reverse("admin:index")).content.decode()


# Session, user, admin log, the editors without an address (one query for all of them) and the
# desk's (tests/editorial_tests/test_desk.py: stages, overdue pieces, the next issue); editors
# add their two permission lists, the role (asked once per request) and the role check of
# workflow.waiting_for, which a superuser needs none of.
@pytest.mark.parametrize(("role", "queries"), [("editor", 11), ("superuser", 7)])
def test_the_warnings_query_count_does_not_grow_with_the_editors_listed(
    client, people, role, queries
):
    for n in range(5):
        editor(f"meiyou{n}", "")
    client.force_login(people[role])
    client.get(reverse("admin:index"))

    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("admin:index"))

    assert "meiyou4" in response.content.decode()
    assert len(captured) == queries, [q["sql"] for q in captured.captured_queries]
