"""Every URL for every role: anonymous, a correspondent, staff outside the 编辑 group, editor,
superuser, and a correspondent of another zone. Admin changelists are covered model by model in
tests/site/test_admin.py.
"""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from articles.models import Article, CallForPapers, Status
from tests.error_pages import FORBIDDEN_TEXT, NOT_FOUND_TEXT
from tests.factories import make_article, make_issue
from tests.roles import OTHER_CORRESPONDENT, ROLES, people_by_role

pytestmark = pytest.mark.django_db

PORTAL_ROLES = [*ROLES, OTHER_CORRESPONDENT]
LOGIN, ADMIN_LOGIN = "login", "admin_login"
OK, FORBIDDEN, NOT_FOUND = 200, 403, 404
DONE = 302  # the action ran and redirected back to the piece
SENT_BACK = "sent_back"  # refused: redirected back with a message that says so
# What each answer says on the page, so a refusal is the site's own page and not a blank one.
REFUSALS = {FORBIDDEN: FORBIDDEN_TEXT, NOT_FOUND: NOT_FOUND_TEXT}

# url name, which piece, method, what the page says when it opens, expected per role (in
# PORTAL_ROLES order: anonymous, correspondent, staff, editor, superuser, other correspondent)
MATRIX = [
    ("reader:home", None, "get", "《开发区建设》周刊", [OK] * 6),
    ("reader:call_for_papers", None, "get", "征稿启事", [OK] * 6),
    ("portal:my_submissions", None, "get", "我的稿件", [LOGIN, OK, OK, OK, OK, OK]),
    (
        "portal:my_submission",
        "draft",
        "get",
        "草稿稿件",
        [LOGIN, OK, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND],
    ),
    (
        "portal:revise",
        "draft",
        "get",
        "修改稿件",
        [LOGIN, OK, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND],
    ),
    (
        "portal:revise",
        "submitted",
        "get",
        None,
        [LOGIN, FORBIDDEN, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND],
    ),
    (
        "portal:withdraw",
        "submitted",
        "get",
        "确认撤回",
        [LOGIN, OK, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND],
    ),
    (
        "portal:reopen",
        "withdrawn",
        "post",
        None,
        [LOGIN, DONE, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND],
    ),
    ("portal:submit", None, "get", "投稿", [LOGIN, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK]),
    (
        "admin:index",
        None,
        "get",
        "采编管理",
        [ADMIN_LOGIN, ADMIN_LOGIN, OK, OK, OK, ADMIN_LOGIN],
    ),
    ("login", None, "get", "登录", [OK] * 6),
    ("password_reset", None, "get", "找回密码", [OK] * 6),
    ("password_change", None, "get", "修改密码", [LOGIN, OK, OK, OK, OK, OK]),
    ("portal:mail_settings", None, "get", "邮件设置", [LOGIN, OK, OK, OK, OK, OK]),
]


@pytest.fixture
def people():
    return people_by_role(other_correspondent=True)


def assert_answer(response, want, says):
    if want == LOGIN:
        assert response.status_code == 302
        assert response.url.startswith(reverse("login") + "?next=")
    elif want == ADMIN_LOGIN:
        assert response.status_code == 302
        assert response.url.startswith(reverse("admin:login"))
    elif want == SENT_BACK:
        assert response.status_code == 302
        assert any("无权" in str(m) for m in get_messages(response.wsgi_request))
    else:
        assert response.status_code == want
    if want in REFUSALS:
        assert REFUSALS[want] in response.content.decode()
    elif want == OK:
        assert says in response.content.decode()


@pytest.mark.parametrize(
    ("url_name", "piece", "method", "says", "expected"),
    MATRIX,
    ids=[f"{row[0]}-{row[1] or ''}-{row[2]}" for row in MATRIX],
)
@pytest.mark.parametrize("role", PORTAL_ROLES)
def test_access(client, people, role, url_name, piece, method, says, expected):
    CallForPapers.objects.create(date="2023-03-28")
    author = people["correspondent"].contributor
    pieces = {
        "draft": make_article(title="草稿稿件", status=Status.DRAFT, authors=[author]),
        "submitted": make_article(status=Status.SUBMITTED, authors=[author]),
        "withdrawn": make_article(status=Status.WITHDRAWN, authors=[author]),
    }
    args = [pieces[piece].pk] if piece else []
    if people[role]:
        client.force_login(people[role])

    response = getattr(client, method)(reverse(url_name, args=args))

    want = expected[PORTAL_ROLES.index(role)]
    assert_answer(response, want, says)
    if url_name == "portal:reopen":
        reopened = pieces["withdrawn"]
        reopened.refresh_from_db()
        assert (reopened.status == Status.DRAFT) == (want == DONE)


ADMIN_ACTIONS = [
    # url name, object, method, what the page says when it opens, expected per role
    (
        "admin:articles_article_move",
        "submitted",
        "post",
        None,
        [ADMIN_LOGIN, ADMIN_LOGIN, SENT_BACK, DONE, DONE, ADMIN_LOGIN],
    ),
    (
        "admin:articles_issue_publish",
        "issue",
        "post",
        None,
        [ADMIN_LOGIN, ADMIN_LOGIN, FORBIDDEN, DONE, DONE, ADMIN_LOGIN],
    ),
    (
        "admin:articles_contributor_add_correspondent",
        None,
        "get",
        "新建通讯员账号",
        [ADMIN_LOGIN, ADMIN_LOGIN, SENT_BACK, OK, OK, ADMIN_LOGIN],
    ),
]


@pytest.mark.parametrize("role", PORTAL_ROLES)
@pytest.mark.parametrize(("url_name", "target", "method", "says", "expected"), ADMIN_ACTIONS)
def test_access_to_editorial_actions(
    client, people, role, url_name, target, method, says, expected
):
    author = people["correspondent"].contributor
    objects = {
        "submitted": make_article(status=Status.SUBMITTED, authors=[author]),
        "issue": make_issue(),
    }
    args = [objects[target].pk] if target else []
    if people[role]:
        client.force_login(people[role])

    response = getattr(client, method)(reverse(url_name, args=args), {"to": "in_review"})

    want = expected[PORTAL_ROLES.index(role)]
    assert_answer(response, want, says)
    if url_name == "admin:articles_article_move":
        moved = Article.objects.get(pk=objects["submitted"].pk).status == Status.IN_REVIEW
        assert moved == (want == DONE)
