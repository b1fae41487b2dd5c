"""The admin home's desk (editorial/desk.py): counts per stage at one and three review levels,
the pieces waiting too long (amber, red), the next issue's fill, who sees it, its queries."""

import datetime
import re

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Status
from editorial.roles import Role
from tests.error_pages import FORBIDDEN_TEXT
from tests.factories import make_article, make_editor, make_issue
from tests.roles import people_by_role

pytestmark = pytest.mark.django_db

HOME = "/admin/"


def archive():
    """A small archive counted by hand: 2 已投稿, 1 审阅中, 1 初审通过, 1 复审通过, 1 已录用,
    3 退修, and pieces in states the desk does not count."""
    made = {}
    for status, n in [
        (Status.SUBMITTED, 2),
        (Status.IN_REVIEW, 1),
        (Status.FIRST_PASSED, 1),
        (Status.SECOND_PASSED, 1),
        (Status.ACCEPTED, 1),
        (Status.REVISION, 3),
        (Status.DRAFT, 2),
        (Status.REJECTED, 1),
        (Status.PUBLISHED, 1),
    ]:
        made[status] = [make_article(status=status) for _ in range(n)]
    return made


def stages_on(html: str) -> list[tuple[str, str, bool]]:
    """(stage, count, marked as the user's) in the order the home lists them."""
    block = html.split('id="desk-stages"')[1].split("</section>")[0]
    item = r'<span class="stage">(.+?)</span> <strong class="count">(\d+)</strong> 篇</a>(.*?)</li>'
    return [(stage, count, "待你处理" in rest) for stage, count, rest in re.findall(item, block)]


def home(client, user) -> str:
    client.force_login(user)
    response = client.get(HOME)
    assert response.status_code == 200
    return response.content.decode()


def test_one_level_counts_every_stage_and_marks_the_review_stages_as_the_editors(client):
    archive()

    html = home(client, make_editor())

    assert stages_on(html) == [
        ("已投稿", "2", True),
        ("审阅中", "1", True),
        ("已录用，待排期", "1", False),
        ("退修，等待通讯员修改", "3", False),
    ]


@override_settings(KFQ_REVIEW_LEVELS=3)
@pytest.mark.parametrize(
    ("level", "first"),
    [
        (Role.FIRST_REVIEWER, [("已投稿", "2", True), ("审阅中", "1", True)]),
        (Role.SECOND_REVIEWER, [("初审通过", "1", True)]),
        (Role.CHIEF_EDITOR, [("复审通过", "1", True)]),
    ],
)
def test_three_levels_put_the_editors_own_stage_first(client, level, first):
    archive()

    stages = stages_on(home(client, make_editor(levels=[level])))

    assert stages[: len(first)] == first
    assert not any(mine for _, _, mine in stages[len(first) :])
    assert sorted(stage for stage, _, _ in stages) == sorted(
        ["已投稿", "审阅中", "初审通过", "复审通过", "已录用，待排期", "退修，等待通讯员修改"]
    )


@override_settings(KFQ_REVIEW_LEVELS=2)
def test_two_levels_show_no_second_pass_stage(client):
    archive()

    stages = stages_on(home(client, make_editor(levels=[Role.CHIEF_EDITOR])))

    assert stages[0] == ("初审通过", "1", True)
    assert "复审通过" not in [stage for stage, _, _ in stages]


def test_each_count_links_to_the_queue_filtered_by_its_status(client):
    made = archive()
    html = home(client, make_editor())
    link = re.search(r'href="([^"]+status__exact=revision)"', html).group(1)

    queue = client.get(link.replace("&amp;", "&")).content.decode()

    for piece in made[Status.REVISION]:
        assert piece.title in queue
    assert made[Status.SUBMITTED][0].title not in queue


def waited(days: int, status=Status.SUBMITTED, **fields) -> Article:
    piece = make_article(status=status, **fields)
    moved = timezone.now() - datetime.timedelta(days=days)
    Article.objects.filter(pk=piece.pk).update(status_changed_at=moved)
    return piece


@override_settings(KFQ_WAITING_DAYS=3)
def test_pieces_waiting_three_days_are_amber_and_six_red_in_colour_and_words(client):
    waited(2, title="等了两天")
    amber = waited(3, title="等了三天", manuscript_number="KFQ-2026-0001")
    waited(5, status=Status.FIRST_PASSED, title="等了五天")
    red = waited(6, status=Status.ACCEPTED, title="等了六天")
    waited(30, status=Status.REVISION, title="通讯员在改")  # waits for the correspondent

    html = home(client, make_editor())
    block = html.split('id="desk-overdue"')[1].split("</section>")[0]
    rows = re.findall(r'<tr class="(amber|red)">(.*?)</tr>', block, re.S)

    assert "等待超过 3 天的稿件" in block
    assert [(colour, re.search(r"<a[^>]*>(.+?)</a>", row).group(1)) for colour, row in rows] == [
        ("red", "等了六天"),
        ("amber", "等了五天"),
        ("amber", "等了三天"),
    ]
    assert "已等待 6 天，严重超时" in rows[0][1] and "已录用" in rows[0][1]
    assert "已等待 3 天" in rows[2][1] and "KFQ-2026-0001" in rows[2][1]
    assert reverse("admin:articles_article_change", args=[amber.pk]) in block
    assert reverse("admin:articles_article_change", args=[red.pk]) in block


def test_nothing_overdue_says_so(client):
    waited(1)

    html = home(client, make_editor())

    assert "没有等待超过 3 天的稿件" in html


@override_settings(KFQ_PAGE_CHARACTERS=100)
def test_the_next_issue_is_the_earliest_open_one_with_its_fill(client):
    make_issue(date=datetime.date(2026, 1, 1), published_at=timezone.now())
    later = make_issue(date=datetime.date(2026, 3, 5), pages=4)
    issue = make_issue(date=datetime.date(2026, 2, 5), pages=2)
    make_article(status=Status.SCHEDULED, issue=issue, body="一二三四五六七八九十" * 3)
    make_article(status=Status.SCHEDULED, issue=issue, body="开发区，建设！" * 5)  # 5 counted
    make_article(status=Status.SCHEDULED, issue=later, body="别的一期" * 100)

    html = home(client, make_editor())
    block = html.split('id="desk-issue"')[1].split("</section>")[0]

    assert str(issue) in block and "（2 版）" in block
    assert "已排 <strong>2</strong> 篇，共 <strong>55</strong> 字 / 容量 200 字（28%）" in block
    assert reverse("admin:articles_issue_change", args=[issue.pk]) in block
    assert "签发" not in block  # one level: no sign-off asked


@override_settings(KFQ_REVIEW_LEVELS=3)
def test_with_three_levels_the_next_issue_says_whether_it_is_signed_off(client):
    make_issue()

    block = home(client, make_editor()).split('id="desk-issue"')[1]

    assert "尚未签发：总编辑签发后方可发布" in block


def test_without_an_open_issue_the_desk_offers_to_make_one(client):
    html = home(client, make_editor())

    assert "还没有待出版的一期" in html and reverse("admin:articles_issue_add") in html


# Expected per role (tests/roles.py ROLES order): the desk is for editors (a superuser is one).
ACCESS = [("anonymous", "login"), ("correspondent", "login"), ("staff", "plain")]
ACCESS += [("editor", "desk"), ("superuser", "desk")]


@pytest.mark.parametrize(("role", "sees"), ACCESS)
def test_only_editors_see_the_desk(client, role, sees):
    person = people_by_role()[role]
    if person:
        client.force_login(person)

    response = client.get(HOME)

    if sees == "login":
        assert response.status_code == 302 and response.url.startswith(reverse("admin:login"))
        return
    html = response.content.decode()
    assert response.status_code == 200 and FORBIDDEN_TEXT not in html
    assert ('id="desk"' in html) == (sees == "desk")


def test_the_homes_queries_do_not_grow_with_the_archive(client, django_assert_num_queries):
    editor = make_editor()
    client.force_login(editor)
    issue = make_issue()
    waited(10)
    make_article(status=Status.SCHEDULED, issue=issue)
    client.get(HOME)  # warm the session and the content types
    with django_assert_num_queries(HOME_QUERIES):
        client.get(HOME)

    for _ in range(15):
        waited(10)
        waited(4, status=Status.IN_REVIEW)
        make_article(status=Status.SCHEDULED, issue=issue)
        make_article(status=Status.REVISION)

    with django_assert_num_queries(HOME_QUERIES):
        client.get(HOME)


# The session, the user and their permissions (2), the role check (asked once per request),
# the editors without e-mail, the overdue pieces, the stages' counts, the editor's review
# levels (one level: only the role check inside workflow.waiting_for), the next issue and its
# texts, and the admin's recent actions.
HOME_QUERIES = 12
