"""The same story twice, on the editors' side: the queue's flag, the piece page's list, and
the two pieces side by side with their shared passages marked."""

import re

import pytest
from django.urls import reverse

from articles.models import Status
from editorial.workflow import article_transition
from tests.editorial_tests.admin_pieces import submitted_piece
from tests.factories import make_article, make_zone
from tests.roles import ROLES, people_by_role
from tests.search_tests.near_copy_texts import (
    SAME_THEME_BODY,
    SAME_THEME_TITLE,
    ZONE_A_BODY,
    ZONE_A_TITLE,
    ZONE_B_BODY,
    ZONE_B_TITLE,
)

pytestmark = pytest.mark.django_db

SIDE_BY_SIDE_QUERIES = 6


def the_pair():
    """A zone's published piece and another zone's rewrite of the same release, submitted."""
    printed = make_article(
        title=ZONE_A_TITLE, body=ZONE_A_BODY, zone=make_zone(short_name="朔州经开区")
    )
    sent = submitted_piece(title=ZONE_B_TITLE, body=ZONE_B_BODY)
    return sent, printed


def side_by_side_url(piece, other):
    return reverse("admin:articles_article_near_copy", args=[piece.pk, other.pk])


def test_the_queue_flags_a_near_copy_with_the_other_piece_and_the_similarity(client, editor):
    sent, printed = the_pair()
    unrelated = submitted_piece(title=SAME_THEME_TITLE, body=SAME_THEME_BODY)

    html = client.get(reverse("admin:articles_article_changelist")).content.decode()

    flag = re.search(
        r'<a class="near-copy-flag" href="([^"]+)" title="([^"]+)">与《([^》]+)》相似 (\d+)%</a>',
        html,
    )
    assert flag[1] == side_by_side_url(sent, printed)
    assert flag[2] == ZONE_A_TITLE
    shown = flag[3].rstrip(".…")
    assert ZONE_A_TITLE.startswith(shown) and 8 <= len(shown) < len(ZONE_A_TITLE)
    assert 40 <= int(flag[4]) <= 70
    assert html.count('class="near-copy-flag"') == 1
    assert unrelated.manuscript_number in html


def test_the_queue_sorts_by_similarity(client, editor):
    sent, _ = the_pair()
    submitted_piece(title=SAME_THEME_TITLE, body=SAME_THEME_BODY)
    column = 3  # the flag's column, counted from 1 after the checkbox (list_display order)

    response = client.get(reverse("admin:articles_article_changelist"), {"o": str(column)})

    assert response.context["cl"].result_list[0] == sent


def test_the_pieces_page_names_its_near_copies(client, editor):
    sent, printed = the_pair()

    html = client.get(reverse("admin:articles_article_change", args=[sent.pk])).content.decode()

    box = html[html.index('id="near-copies"') :]
    assert "{#" not in html and "search.near_copies" not in html  # no template comment shows
    assert "疑似重复：有 1 篇非常相似的稿件" in box
    assert ZONE_A_TITLE in box and "朔州经开区" in box[: box.index("</table>")]
    assert "已刊发" in box
    assert side_by_side_url(sent, printed) in box


def test_a_piece_without_near_copies_has_no_box(client, editor):
    piece = submitted_piece(title=SAME_THEME_TITLE, body=SAME_THEME_BODY)

    html = client.get(reverse("admin:articles_article_change", args=[piece.pk])).content.decode()

    assert 'id="near-copies"' not in html


def test_side_by_side_marks_the_shared_passages_on_both_sides(client, editor):
    sent, printed = the_pair()

    response = client.get(side_by_side_url(sent, printed))

    html = response.content.decode()
    left, right = html.split('class="near-copy-side"')[1:3]
    marked_left, marked_right = (
        "".join(re.findall(r"<mark>(.*?)</mark>", side, re.S)) for side in (left, right)
    )
    # The release's paragraphs are marked on both sides; each zone's own lead on neither.
    shared = "会议要求，各开发区要深化“承诺制+标准地+全代办”改革"
    assert shared in marked_left and shared in marked_right
    assert "运城经济技术开发区在运城分会场组织收看" in left
    assert "运城分会场组织收看" not in marked_left
    assert "朔州经济开发区党工委" in right and "朔州分会场参加会议" not in marked_right
    # A phrase one zone cut stands unmarked in the other's text.
    assert "让企业办事像网购一样方便" in right and "网购" not in marked_right
    assert "本稿" in left and "相似稿件" in right
    assert f"{response.context['pair'].percent}%" in html


def test_a_pair_that_was_not_found_is_not_found(client, editor):
    sent, printed = the_pair()
    unrelated = make_article(title=SAME_THEME_TITLE, body=SAME_THEME_BODY)

    assert client.get(side_by_side_url(sent, unrelated)).status_code == 404
    assert client.get(side_by_side_url(printed, sent)).status_code == 200


@pytest.mark.parametrize("role", ROLES)
def test_side_by_side_is_for_editors_only(client, role):
    sent, printed = the_pair()
    person = people_by_role()[role]
    if person:
        client.force_login(person)

    response = client.get(side_by_side_url(sent, printed))

    if role in ("editor", "superuser"):
        assert response.status_code == 200
    elif role == "staff":
        assert response.status_code == 403
    else:
        assert response.status_code == 302 and reverse("admin:login") in response.url


def test_side_by_side_query_count_is_pinned(client, editor, django_assert_num_queries):
    sent, printed = the_pair()
    client.get(side_by_side_url(sent, printed))

    # Session, user, the editor's role, the pair with both pieces, and the two permission
    # queries of the admin's app list.
    with django_assert_num_queries(SIDE_BY_SIDE_QUERIES):
        response = client.get(side_by_side_url(sent, printed))

    assert response.status_code == 200


def test_a_withdrawn_piece_stays_flagged_and_a_draft_does_not(client, editor):
    sent, printed = the_pair()
    author = sent.authors.get().user
    article_transition(article=sent, to=Status.WITHDRAWN, by=author, note="重复投稿")
    assert client.get(side_by_side_url(sent, printed)).status_code == 200
    sent.refresh_from_db()
    article_transition(article=sent, to=Status.DRAFT, by=author)
    assert client.get(side_by_side_url(sent, printed)).status_code == 404
