"""Irreversible acts ask first: rejecting a piece (不予采用), fixing the year's awards, revoking
them. The first request shows what will happen and changes nothing; only the confirming POST
acts; cancelling leaves everything as it was."""

import pytest
from django.urls import reverse

from articles.models import ArticleTransition, Status
from awards.models import Award
from tests.awards_tests.helpers import YEAR, year_of_contributors
from tests.factories import make_article, make_correspondent
from tests.roles import ROLES, people_by_role

pytestmark = pytest.mark.django_db

NOTE = "题材与本刊定位不符，\n建议改投地方版。"


@pytest.fixture
def piece():
    author = make_correspondent(name="李通讯")
    return make_article(
        status=Status.IN_REVIEW, authors=[author.contributor], manuscript_number="KFQ-2026-0042"
    )


def move(client, piece, **data):
    url = reverse("admin:articles_article_move", args=[piece.pk])
    return client.post(url, {"to": Status.REJECTED.value, "note": NOTE, **data})


def unchanged(piece) -> bool:
    piece.refresh_from_db()
    return piece.status == Status.IN_REVIEW and not ArticleTransition.objects.exists()


def test_rejecting_first_shows_the_piece_and_the_note_and_changes_nothing(client, editor, piece):
    response = move(client, piece)

    html = response.content.decode()
    assert response.status_code == 200
    assert "确认不予采用" in html and "不能再恢复处理" in html
    assert "KFQ-2026-0042" in html and piece.title in html and "李通讯" in html
    assert "题材与本刊定位不符，<br>建议改投地方版。" in html
    assert reverse("admin:articles_article_change", args=[piece.pk]) in html  # 取消
    assert unchanged(piece)


def test_the_confirming_post_rejects_with_the_note(client, editor, piece):
    first = move(client, piece).content.decode()
    assert 'name="confirmed" value="on"' in first

    response = move(client, piece, confirmed="on")

    assert response.status_code == 302
    piece.refresh_from_db()
    assert piece.status == Status.REJECTED
    assert ArticleTransition.objects.get().note == NOTE


def test_cancelling_goes_back_to_the_piece_unchanged(client, editor, piece):
    move(client, piece)

    page = client.get(reverse("admin:articles_article_change", args=[piece.pk]))

    assert page.status_code == 200 and unchanged(piece)


def test_a_rejection_without_a_note_is_refused_at_once(client, editor, piece):
    response = move(client, piece, note="  ")

    assert response.status_code == 302
    messages = client.get(response.url).content.decode()
    assert "需要写明意见" in messages and unchanged(piece)


def test_reversible_moves_need_no_confirmation(client, editor, piece):
    response = client.post(
        reverse("admin:articles_article_move", args=[piece.pk]),
        {"to": Status.REVISION.value, "note": "请补充数据来源。"},
    )

    assert response.status_code == 302
    piece.refresh_from_db()
    assert piece.status == Status.REVISION


# Expected per role (ROLES order): only editors reach the confirmation; others are refused as
# before and nothing changes.
REJECT_ACCESS = ["admin_login", "admin_login", "sent_back", "confirm", "confirm"]


@pytest.mark.parametrize("role", ROLES)
def test_who_reaches_the_rejection_confirmation(client, piece, role):
    person = people_by_role()[role]
    if person:
        client.force_login(person)

    response = move(client, piece)

    want = REJECT_ACCESS[ROLES.index(role)]
    if want == "admin_login":
        assert response.status_code == 302 and response.url.startswith(reverse("admin:login"))
    elif want == "sent_back":
        assert response.status_code == 302 and "确认不予采用" not in response.content.decode()
    else:
        assert response.status_code == 200 and "确认不予采用" in response.content.decode()
    assert unchanged(piece)


# --- the year's awards ----------------------------------------------------------------


@pytest.fixture
def year():
    year_of_contributors(3)
    return YEAR


def fix_url(year):
    return reverse("admin:awards_award_fix", args=[year])


@pytest.mark.parametrize("method", ["get", "post"])
def test_fixing_first_shows_the_certificates_it_will_make(client, editor, year, method):
    if method == "get":
        response = client.get(fix_url(year))
    else:
        response = client.post(fix_url(year), {"issued_on": "2025-01-16"})

    html = response.content.decode()
    assert response.status_code == 200 and f"确定{year}年度优秀撰稿人" in html
    assert f"KFQ-{year}-YXZG-01" in html and f"KFQ-{year}-YXZG-03" in html
    assert "确认，编发证书" in html
    assert reverse("admin:awards_credit_ranking", args=[year]) in html  # 取消
    if method == "post":
        assert "2025年1月16日" in html and 'value="2025-01-16"' in html
    assert not Award.objects.exists()


def test_the_confirming_post_fixes_the_year(client, editor, year):
    page = client.post(fix_url(year), {"issued_on": "2025-01-16"}).content.decode()
    assert 'name="confirm" value="True"' in page

    response = client.post(fix_url(year), {"issued_on": "2025-01-16", "confirm": "True"})

    assert response.status_code == 302
    assert Award.objects.active().count() == 3
    assert {a.issued_on.isoformat() for a in Award.objects.all()} == {"2025-01-16"}


def test_a_year_already_fixed_shows_the_refusal_instead_of_a_confirmation(client, editor, year):
    client.post(fix_url(year), {"issued_on": "2025-01-16", "confirm": "True"})

    response = client.post(fix_url(year), {"issued_on": "2025-02-01"}, follow=True)

    assert "已经确定，证书已编号，不能重新评定" in response.content.decode()
    assert Award.objects.count() == 3


def test_revoking_shows_the_certificates_and_cancel_changes_nothing(client, editor, year):
    client.post(fix_url(year), {"issued_on": "2025-01-16", "confirm": "True"})
    revoke = reverse("admin:awards_award_revoke", args=[year])

    page = client.get(revoke).content.decode()
    unconfirmed = client.post(revoke, {})

    assert f"KFQ-{year}-YXZG-01" in page and "撤销本年度评定" in page
    assert reverse("admin:awards_credit_ranking", args=[year]) in page  # 取消
    assert unconfirmed.status_code == 200
    assert Award.objects.active().count() == 3

    client.post(revoke, {"confirm": "on"})
    assert not Award.objects.active().exists()


def test_a_staff_non_editor_cannot_open_either_confirmation(client, year):
    client.force_login(people_by_role()["staff"])

    assert client.get(fix_url(year)).status_code == 403
    assert client.get(reverse("admin:awards_award_revoke", args=[year])).status_code == 403
