"""Before 投稿: a correspondent is told that a very similar piece exists, and the piece waits
as a draft until they confirm it is not the same story sent twice. Of another correspondent's
unpublished piece they learn only that it exists."""

import re

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from articles.models import Article, Status
from editorial.workflow import article_transition
from portal.views import SIMILAR_HELD_BACK
from search.models import NearCopy
from tests.factories import (
    make_article,
    make_correspondent,
    make_editor,
    make_issue,
    make_zone,
)
from tests.portal_tests.helpers import form_data, make_call
from tests.search_tests.near_copy_texts import (
    RELEASE_PARAGRAPHS,
    SAME_THEME_BODY,
    SAME_THEME_TITLE,
    ZONE_A_BODY,
    ZONE_A_TITLE,
    ZONE_B_BODY,
    ZONE_B_TITLE,
    with_small_edits,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def author(client):
    user = make_correspondent(zone=make_zone(official_name="运城经济技术开发区"), name="王波")
    client.force_login(user)
    return user


def submit(client, author, **fields):
    data = form_data(make_call(), author.contributor.zone, genre="消息", **fields)
    return client.post(reverse("portal:submit"), {**data, "submit": "1"})


def warning_of(html: str) -> str:
    match = re.search(r'<div class="similar-warning".*?</div>', html, re.S)
    return match[0] if match else ""


def test_a_near_copy_of_a_published_piece_waits_as_a_draft_with_the_warning(client, author):
    printed = make_article(title=ZONE_A_TITLE, body=ZONE_A_BODY, issue=make_issue())

    response = submit(client, author, title=ZONE_B_TITLE, body=ZONE_B_BODY)

    piece = Article.objects.get(title=ZONE_B_TITLE)
    assert piece.status == Status.DRAFT and piece.body == ZONE_B_BODY
    assert response.url == reverse("portal:revise", args=[piece.pk])
    assert [str(m) for m in get_messages(response.wsgi_request)] == [SIMILAR_HELD_BACK]
    warning = warning_of(client.get(response.url).content.decode())
    assert "已有一篇非常相似的稿件" in warning
    assert f'已刊发的<a href="{printed.get_absolute_url()}">《{ZONE_A_TITLE}》</a>' in warning
    assert re.search(r"相似度 \d+%", warning)


def test_confirming_submits_the_piece_and_the_editors_see_the_pair(client, author):
    printed = make_article(title=ZONE_A_TITLE, body=ZONE_A_BODY)
    submit(client, author, title=ZONE_B_TITLE, body=ZONE_B_BODY)
    piece = Article.objects.get(title=ZONE_B_TITLE)
    data = form_data(make_call(), author.contributor.zone, genre="消息")
    data.update(title=ZONE_B_TITLE, body=ZONE_B_BODY, submit="1", similar_confirmed="1")

    response = client.post(reverse("portal:revise", args=[piece.pk]), data)

    piece.refresh_from_db()
    assert response.url == reverse("portal:my_submission", args=[piece.pk])
    assert piece.status == Status.SUBMITTED
    assert list(NearCopy.objects.of(piece).values_list("other_id", flat=True)) == [printed.pk]


def test_another_zones_unpublished_piece_is_told_of_but_never_shown(client, author):
    """The other piece's title, text, zone, author and number stay out of the page."""
    other_zone = make_zone(official_name="朔州经济开发区", short_name="朔州经开区")
    rival = make_correspondent(zone=other_zone, name="麻洁琼")
    theirs = make_article(
        title=ZONE_A_TITLE,
        body=ZONE_A_BODY,
        zone=other_zone,
        status=Status.DRAFT,
        authors=[rival.contributor],
    )
    theirs = article_transition(article=theirs, to=Status.SUBMITTED, by=rival)

    response = submit(client, author, title=ZONE_B_TITLE, body=ZONE_B_BODY)

    html = client.get(response.url).content.decode()
    warning = warning_of(html)
    assert "编辑部已收到的一篇稿件（尚未刊发，不显示其内容）" in warning
    assert ZONE_A_TITLE not in html and theirs.manuscript_number not in html
    # The form's lists name every zone and every correspondent; the warning names none.
    assert "朔州" not in warning and "开发区" not in warning and "麻洁琼" not in warning
    # Nothing of their text that ours does not hold: their own lead and closing.
    their_own = [p for p in ZONE_A_BODY.split("\n\n") if p not in RELEASE_PARAGRAPHS]
    assert their_own and not any(paragraph[:12] in html for paragraph in their_own)
    assert f"/my/{theirs.pk}/" not in html and f"/articles/{theirs.pk}/" not in html


def test_ones_own_earlier_piece_is_named(client, author):
    earlier = make_article(
        title=ZONE_B_TITLE,
        body=ZONE_B_BODY,
        zone=author.contributor.zone,
        status=Status.REJECTED,
        authors=[author.contributor],
    )

    response = submit(client, author, title=ZONE_B_TITLE, body=with_small_edits(ZONE_B_BODY))

    warning = warning_of(client.get(response.url).content.decode())
    mine = reverse("portal:my_submission", args=[earlier.pk])
    assert f'你自己的稿件<a href="{mine}">《{ZONE_B_TITLE}》</a>' in warning


def test_an_unrelated_piece_on_the_same_theme_goes_straight_in(client, author):
    make_article(title=ZONE_A_TITLE, body=ZONE_A_BODY)

    response = submit(client, author, title=SAME_THEME_TITLE, body=SAME_THEME_BODY)

    piece = Article.objects.get(title=SAME_THEME_TITLE)
    assert piece.status == Status.SUBMITTED
    assert response.url == reverse("portal:my_submission", args=[piece.pk])
    assert 'class="similar-warning"' not in client.get(response.url).content.decode()


def test_a_piece_sent_back_and_resubmitted_is_not_its_own_copy(client, author):
    submit(client, author, title=ZONE_B_TITLE, body=ZONE_B_BODY)
    piece = Article.objects.get(title=ZONE_B_TITLE)
    assert piece.status == Status.SUBMITTED
    article_transition(article=piece, to=Status.REVISION, by=make_editor(), note="请补充数据。")
    data = form_data(make_call(), author.contributor.zone, genre="消息")
    data.update(title=ZONE_B_TITLE, body=with_small_edits(ZONE_B_BODY), submit="1")

    client.post(reverse("portal:revise", args=[piece.pk]), data)

    piece.refresh_from_db()
    assert piece.status == Status.SUBMITTED


def test_the_warning_waits_on_the_draft_until_confirmed(client, author):
    make_article(title=ZONE_A_TITLE, body=ZONE_A_BODY)
    response = submit(client, author, title=ZONE_B_TITLE, body=ZONE_B_BODY)
    piece = Article.objects.get(title=ZONE_B_TITLE)
    data = form_data(make_call(), author.contributor.zone, genre="消息")
    data.update(title=ZONE_B_TITLE, body=ZONE_B_BODY, submit="1")

    again = client.post(response.url, data)

    piece.refresh_from_db()
    assert piece.status == Status.DRAFT
    assert again.url == reverse("portal:revise", args=[piece.pk])
    html = client.get(again.url).content.decode()
    assert 'name="similar_confirmed" value="1"' in warning_of(html)
