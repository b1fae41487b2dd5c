"""Corrections (更正) of a published piece: the service (editorial/corrections.py) and the
发布更正 page with its confirmation step."""

from unittest import mock

import pytest
from django.urls import reverse

from articles.models import Article, ArticleVersion, Correction, Status, VersionKind
from editorial import corrections
from editorial.corrections import CorrectionRefused, add_correction
from tests.editorial_tests.admin_pieces import submitted_piece
from tests.factories import make_correspondent, make_user
from tests.roles import ROLES, people_by_role

pytestmark = pytest.mark.django_db

NOTICE = "本文第一段“2亿元”应为“3亿元”。"


def published_piece(body="投资2亿元建成投产"):
    piece = submitted_piece(body=body)
    Article.objects.filter(pk=piece.pk).update(status=Status.PUBLISHED)
    piece.refresh_from_db()
    return piece


def test_a_correction_changes_the_text_keeps_a_version_and_refreshes_the_readers(editor):
    piece = published_piece()

    with (
        mock.patch.object(corrections, "index_articles", wraps=corrections.index_articles) as index,
        mock.patch.object(corrections, "bump_archive_version") as bump,
    ):
        correction = add_correction(
            article=piece, by=editor, notice=NOTICE, body="投资3亿元建成投产"
        )

    piece.refresh_from_db()
    latest = piece.versions.order_by("number").last()
    assert piece.body == "投资3亿元建成投产"
    assert (latest.number, latest.kind, latest.by, latest.body) == (
        2,
        VersionKind.CORRECTION,
        editor,
        "投资3亿元建成投产",
    )
    assert list(piece.corrections.all()) == [correction] and correction.notice == NOTICE
    index.assert_called_once_with([piece.pk])
    bump.assert_called_once()


def test_a_notice_without_a_text_change_keeps_no_new_version(editor):
    piece = published_piece()

    add_correction(article=piece, by=editor, notice="本文作者单位更正为太原经开区管委会。")

    assert piece.versions.count() == 1 and piece.corrections.count() == 1


def test_two_corrections_by_one_editor_are_two_versions(editor):
    piece = published_piece()

    add_correction(article=piece, by=editor, notice="一", body="投资3亿元建成投产")
    add_correction(article=piece, by=editor, notice="二", body="投资3亿元全面建成投产")

    assert list(piece.versions.values_list("kind", flat=True)) == [
        VersionKind.SUBMITTED,
        VersionKind.CORRECTION,
        VersionKind.CORRECTION,
    ]


@pytest.mark.parametrize("status", [Status.IN_REVIEW, Status.ACCEPTED, Status.SCHEDULED])
def test_an_unpublished_piece_cannot_be_corrected_and_nothing_is_written(editor, status):
    piece = submitted_piece(body="投资2亿元建成投产")
    Article.objects.filter(pk=piece.pk).update(status=status)

    with pytest.raises(CorrectionRefused, match="只有已刊发的稿件可以发布更正"):
        add_correction(article=piece, by=editor, notice=NOTICE, body="投资3亿元建成投产")

    piece.refresh_from_db()
    assert piece.body == "投资2亿元建成投产"
    assert not Correction.objects.exists() and ArticleVersion.objects.count() == 1


@pytest.mark.parametrize("person", [make_correspondent, lambda: make_user(staff=True)])
def test_only_editors_may_correct(person):
    piece = published_piece()

    with pytest.raises(CorrectionRefused, match="只有编辑部"):
        add_correction(article=piece, by=person(), notice=NOTICE, body="改过")

    assert not Correction.objects.exists()
    assert Article.objects.get(pk=piece.pk).body == "投资2亿元建成投产"


def test_a_correction_needs_a_notice(editor):
    piece = published_piece()

    with pytest.raises(CorrectionRefused, match="更正说明"):
        add_correction(article=piece, by=editor, notice="  ", body="投资3亿元建成投产")

    assert not Correction.objects.exists()


def test_the_printed_text_of_a_piece_edited_before_versions_were_kept_is_kept_first(editor):
    piece = published_piece()
    Article.objects.filter(pk=piece.pk).update(body="投资2亿元全面建成投产")  # an untracked edit
    piece.refresh_from_db()

    add_correction(article=piece, by=editor, notice=NOTICE, body="投资3亿元全面建成投产")

    assert list(piece.versions.values_list("kind", "by", "body")) == [
        (VersionKind.SUBMITTED, piece.authorships.get().contributor.user_id, "投资2亿元建成投产"),
        (VersionKind.EDITOR_EDIT, None, "投资2亿元全面建成投产"),
        (VersionKind.CORRECTION, editor.pk, "投资3亿元全面建成投产"),
    ]


# --- the 发布更正 page -----------------------------------------------------------------------


def correction_url(piece):
    return reverse("admin:articles_article_correction", args=[piece.pk])


def page_data(piece, **changes):
    data = {name: getattr(piece, name) for name in ("kicker", "title", "subtitle", "body")}
    return {**data, "notice": NOTICE, **changes}


def test_the_page_confirms_the_notice_and_the_changes_before_publishing(client, editor):
    piece = published_piece()
    change_page = reverse("admin:articles_article_change", args=[piece.pk])

    form_page = client.get(correction_url(piece)).content.decode()
    preview = client.post(correction_url(piece), page_data(piece, body="投资3亿元建成投产"))
    nothing_yet = Correction.objects.count()
    done = client.post(
        correction_url(piece), {**page_data(piece, body="投资3亿元建成投产"), "confirm": "1"}
    )

    assert "投资2亿元建成投产" in form_page  # the text comes prefilled
    assert f'href="{correction_url(piece)}"' in client.get(change_page).content.decode()
    html = preview.content.decode()
    assert "确认发布更正" in html and NOTICE in html and "<del>2</del><ins>3</ins>" in html
    assert nothing_yet == 0
    assert done.status_code == 302 and done.url == change_page
    piece.refresh_from_db()
    assert piece.body == "投资3亿元建成投产" and piece.corrections.get().notice == NOTICE


def test_line_breaks_sent_back_by_the_browser_are_no_change(client, editor):
    piece = published_piece(body="第一段。\n\n第二段。")

    client.post(
        correction_url(piece),
        {**page_data(piece, body="第一段。\r\n\r\n第二段。"), "confirm": "1"},
    )

    assert piece.versions.count() == 1 and piece.corrections.count() == 1


def test_an_unpublished_pieces_correction_page_sends_the_editor_back(client, editor):
    piece = submitted_piece()

    response = client.get(correction_url(piece))

    assert response.status_code == 302
    assert response.url == reverse("admin:articles_article_change", args=[piece.pk])


@pytest.mark.parametrize("role", ROLES)
def test_the_correction_page_is_for_editors_only(client, role):
    piece = published_piece()
    person = people_by_role()[role]
    if person:
        client.force_login(person)

    shown = client.get(correction_url(piece))
    posted = client.post(correction_url(piece), {**page_data(piece, body="改"), "confirm": "1"})

    if role in ("editor", "superuser"):
        assert shown.status_code == 200 and posted.status_code == 302
        assert Correction.objects.count() == 1
        return
    if role == "staff":
        assert shown.status_code == posted.status_code == 403
    else:
        assert reverse("admin:login") in shown.url and reverse("admin:login") in posted.url
    assert not Correction.objects.exists()
    assert Article.objects.get(pk=piece.pk).body == "投资2亿元建成投产"
