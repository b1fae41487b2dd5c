"""A correspondent's save never undoes an editor's decision, and 保存并投稿 is all or nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import OperationalError
from django.urls import reverse

from articles.models import Article, ArticleTransition, Status
from editorial import workflow
from portal import views as portal
from portal.submissions import SubmissionRefused, save_submission
from tests.factories import make_article, make_correspondent, make_editor
from tests.portal_tests.helpers import form_data, jpeg_bytes, make_call

pytestmark = pytest.mark.django_db


def piece_in_revision(author, call):
    piece = make_article(
        status=Status.DRAFT, authors=[author.contributor], call=call, title="原标题"
    )
    editor = make_editor()
    workflow.article_transition(article=piece, to=Status.SUBMITTED, by=author)
    workflow.article_transition(article=piece, to=Status.REVISION, by=editor, note="请补充数据。")
    return piece, editor


def test_an_editors_rejection_during_the_save_stands_and_the_text_is_shown_again(
    client, author, monkeypatch
):
    call = make_call()
    piece, editor = piece_in_revision(author, call)
    real_process_photo = portal.process_photo

    def editor_rejects_meanwhile(*, upload):
        # The view has loaded the piece; the editor's move lands before the save locks it.
        workflow.article_transition(article=piece, to=Status.REJECTED, by=editor, note="不采用。")
        return real_process_photo(upload=upload)

    monkeypatch.setattr(portal, "process_photo", editor_rejects_meanwhile)
    upload = SimpleUploadedFile("a.jpg", jpeg_bytes(), content_type="image/jpeg")

    response = client.post(
        reverse("portal:revise", args=[piece.pk]),
        {
            **form_data(
                call,
                author.contributor.zone,
                title="改过的标题",
                photo_caption="现场",
                photo_credit="麻洁琼摄",
            ),
            "photo": upload,
            "save": "1",
        },
    )

    piece.refresh_from_db()
    html = response.content.decode()
    assert response.status_code == 200
    assert "稿件状态已变更，请刷新后再改" in html and 'value="改过的标题"' in html
    assert piece.status == Status.REJECTED and piece.title == "原标题"
    last = ArticleTransition.objects.filter(article=piece).order_by("at", "pk").last()
    assert (last.from_status, last.to_status) == (Status.REVISION, Status.REJECTED)
    assert not piece.photos.exists()


def test_a_save_with_a_stale_copy_is_refused():
    author = make_correspondent()
    call = make_call()
    piece, editor = piece_in_revision(author, call)
    stale = Article.objects.get(pk=piece.pk)
    workflow.article_transition(article=piece, to=Status.REJECTED, by=editor, note="不采用。")

    with pytest.raises(SubmissionRefused, match="稿件状态已变更，请刷新后再改"):
        save_submission(user=author, article=stale, fields={"title": "改过的标题"})

    piece.refresh_from_db()
    assert piece.status == Status.REJECTED and piece.title == "原标题"


def test_a_save_writes_only_the_fields_the_author_owns():
    author = make_correspondent()
    piece = make_article(status=Status.DRAFT, authors=[author.contributor], title="原标题")
    stale = Article.objects.get(pk=piece.pk)
    Article.objects.filter(pk=piece.pk).update(dateline="本刊讯", byline="（麻洁琼）")

    save_submission(user=author, article=stale, fields={"title": "改过的标题"})

    piece.refresh_from_db()
    assert piece.title == "改过的标题"
    assert (piece.dateline, piece.byline) == ("本刊讯", "（麻洁琼）")


def test_a_failure_while_submitting_leaves_no_draft_behind(client, author, monkeypatch):
    call = make_call()

    def database_locked(year):
        raise OperationalError("database is locked")

    monkeypatch.setattr(workflow, "next_manuscript_number", database_locked)

    with pytest.raises(OperationalError):
        client.post(
            reverse("portal:submit"),
            {**form_data(call, author.contributor.zone), "submit": "1"},
        )

    assert not Article.objects.exists()


def test_a_form_posted_after_the_piece_moved_on_comes_back_with_the_text(client, author):
    call = make_call()
    piece, editor = piece_in_revision(author, call)
    workflow.article_transition(article=piece, to=Status.REJECTED, by=editor, note="不采用。")

    response = client.post(
        reverse("portal:revise", args=[piece.pk]),
        {**form_data(call, author.contributor.zone, title="改过的标题"), "submit": "1"},
    )

    piece.refresh_from_db()
    html = response.content.decode()
    assert response.status_code == 200
    assert "稿件状态已变更，请刷新后再改" in html and 'value="改过的标题"' in html
    assert piece.status == Status.REJECTED and piece.title == "原标题"
