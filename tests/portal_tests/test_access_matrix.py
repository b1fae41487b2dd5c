"""Every URL for every role: anonymous, correspondent A, correspondent B of another zone,
editor and superuser. Admin changelists are covered model by model in tests/site/test_admin.py.
"""

import pytest
from django.urls import reverse

from articles.models import Article, CallForPapers, Status
from tests.factories import make_article, make_correspondent, make_editor, make_user

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "correspondent_a", "correspondent_b", "editor", "superuser"]
LOGIN = "login"
OK, FORBIDDEN, NOT_FOUND = 200, 403, 404
DONE = 302  # the action ran and redirected back to the piece

# url name, how to build args, method, expected per role (in ROLES order)
MATRIX = [
    ("reader:home", None, "get", [OK, OK, OK, OK, OK]),
    ("reader:call_for_papers", None, "get", [OK, OK, OK, OK, OK]),
    ("portal:my_submissions", None, "get", [LOGIN, OK, OK, OK, OK]),
    ("portal:my_submission", "draft", "get", [LOGIN, OK, NOT_FOUND, NOT_FOUND, NOT_FOUND]),
    ("portal:revise", "draft", "get", [LOGIN, OK, NOT_FOUND, NOT_FOUND, NOT_FOUND]),
    ("portal:revise", "submitted", "get", [LOGIN, FORBIDDEN, NOT_FOUND, NOT_FOUND, NOT_FOUND]),
    ("portal:withdraw", "submitted", "post", [LOGIN, DONE, NOT_FOUND, NOT_FOUND, NOT_FOUND]),
    ("portal:submit", None, "get", [LOGIN, OK, OK, FORBIDDEN, FORBIDDEN]),
    ("admin:index", None, "get", ["admin_login", "admin_login", "admin_login", OK, OK]),
    ("login", None, "get", [OK, OK, OK, OK, OK]),
    ("password_reset", None, "get", [OK, OK, OK, OK, OK]),
    ("password_change", None, "get", [LOGIN, OK, OK, OK, OK]),
]


@pytest.fixture
def people():
    a = make_correspondent("corr_a")
    return {
        "anonymous": None,
        "correspondent_a": a,
        "correspondent_b": make_correspondent("corr_b"),
        "editor": make_editor("editor1"),
        "superuser": make_user("root", superuser=True),
    }


@pytest.mark.parametrize(
    ("url_name", "piece", "method", "expected"),
    MATRIX,
    ids=[f"{row[0]}-{row[1] or ''}-{row[2]}" for row in MATRIX],
)
@pytest.mark.parametrize("role", ROLES)
def test_access(client, people, role, url_name, piece, method, expected):
    CallForPapers.objects.create(date="2023-03-28")
    author = people["correspondent_a"].contributor
    pieces = {
        "draft": make_article(status=Status.DRAFT, authors=[author]),
        "submitted": make_article(status=Status.SUBMITTED, authors=[author]),
    }
    args = [pieces[piece].pk] if piece else []
    if people[role]:
        client.force_login(people[role])

    response = getattr(client, method)(reverse(url_name, args=args))

    want = expected[ROLES.index(role)]
    if want == LOGIN:
        assert response.status_code == 302
        assert response.url.startswith(reverse("login") + "?next=")
    elif want == "admin_login":
        assert response.status_code == 302
        assert response.url.startswith(reverse("admin:login"))
    else:
        assert response.status_code == want
    if url_name == "portal:withdraw":
        withdrawn = pieces["submitted"]
        withdrawn.refresh_from_db()
        assert (withdrawn.status == Status.WITHDRAWN) == (want == DONE)


MATRIX_EXTRA = [("portal:mail_settings", [LOGIN, OK, OK, OK, OK])]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("url_name", "expected"), MATRIX_EXTRA)
def test_access_to_personal_settings(client, people, role, url_name, expected):
    if people[role]:
        client.force_login(people[role])

    response = client.get(reverse(url_name))

    want = expected[ROLES.index(role)]
    if want == LOGIN:
        assert response.status_code == 302 and response.url.startswith(reverse("login"))
    else:
        assert response.status_code == want


ADMIN_ACTIONS = [
    # url name, object, method, expected per role
    ("admin:articles_article_move", "submitted", "post", ["admin_login"] * 3 + [DONE, DONE]),
    ("admin:articles_issue_publish", "issue", "post", ["admin_login"] * 3 + [DONE, DONE]),
    (
        "admin:articles_contributor_add_correspondent",
        None,
        "get",
        ["admin_login"] * 3 + [OK, OK],
    ),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("url_name", "target", "method", "expected"), ADMIN_ACTIONS)
def test_access_to_editorial_actions(client, people, role, url_name, target, method, expected):
    from tests.factories import make_issue

    author = people["correspondent_a"].contributor
    objects = {
        "submitted": make_article(status=Status.SUBMITTED, authors=[author]),
        "issue": make_issue(),
    }
    args = [objects[target].pk] if target else []
    if people[role]:
        client.force_login(people[role])

    response = getattr(client, method)(reverse(url_name, args=args), {"to": "in_review"})

    want = expected[ROLES.index(role)]
    if want == "admin_login":
        assert response.status_code == 302 and response.url.startswith(reverse("admin:login"))
    else:
        assert response.status_code == want
    if url_name == "admin:articles_article_move":
        moved = Article.objects.get(pk=objects["submitted"].pk).status == Status.IN_REVIEW
        assert moved == (want == DONE)
