"""Tracked changes (留痕): a version for every save of a piece's text once it is submitted, with
who and why (editorial/versions.py), and the versions page that compares any two."""

from importlib import import_module

import pytest
from django.apps import apps
from django.urls import reverse

from articles.models import ArticleVersion, Status, VersionKind
from editorial.workflow import article_transition
from tests.editorial_tests.admin_pieces import change_form_data, submitted_piece
from tests.factories import make_article
from tests.roles import ROLES, people_by_role

pytestmark = pytest.mark.django_db

# Session, user, the 编辑 role, the piece, its versions (with who), and the user's and groups'
# permissions for the admin's menu: the same for any number of versions. The first admin page
# of a process costs more (content types), so the test opens the page once before counting.
VERSIONS_PAGE_QUERIES = 7


def trace(piece):
    return list(
        ArticleVersion.objects.filter(article=piece)
        .order_by("number")
        .values_list("number", "kind", "by__username")
    )


def sent_back(piece, editor):
    article_transition(article=piece, to=Status.REVISION, by=editor, note="请补充投资额。")
    piece.refresh_from_db()
    return piece


def editor_saves(client, piece, **changes):
    change = reverse("admin:articles_article_change", args=[piece.pk])
    data = {**change_form_data(client.get(change)), **changes}
    response = client.post(change, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    piece.refresh_from_db()


def test_the_submission_is_the_first_version_by_its_author(editor):
    piece = submitted_piece()
    author = piece.authorships.get().contributor.user

    assert trace(piece) == [(1, VersionKind.SUBMITTED, author.username)]


def test_an_editors_save_is_a_version_by_the_editor_and_an_unchanged_save_is_none(client, editor):
    piece = submitted_piece(body="本刊讯 开发区项目开工。")
    author = piece.authorships.get().contributor.user

    editor_saves(client, piece, body="本刊讯 开发区重点项目开工。")
    editor_saves(client, piece)

    assert trace(piece) == [
        (1, VersionKind.SUBMITTED, author.username),
        (2, VersionKind.EDITOR_EDIT, editor.username),
    ]
    assert piece.versions.get(number=2).body == "本刊讯 开发区重点项目开工。"


def test_a_save_that_only_sends_the_browsers_line_breaks_is_no_version(client, editor):
    piece = submitted_piece(body="第一段。\n\n第二段。")

    editor_saves(client, piece, body="第一段。\r\n\r\n第二段。")

    assert piece.versions.count() == 1


def test_an_editors_run_of_saves_is_one_version_until_the_status_moves(client, editor):
    piece = submitted_piece(body="本刊讯 开发区项目开工。")

    editor_saves(client, piece, body="本刊讯 开发区重点项目开工。")
    editor_saves(client, piece, body="本刊讯 开发区三个重点项目开工。")
    article_transition(article=piece, to=Status.IN_REVIEW, by=editor)
    editor_saves(client, piece, body="本刊讯 开发区三个重点项目集中开工。")

    assert [kind for _, kind, _ in trace(piece)] == [
        VersionKind.SUBMITTED,
        VersionKind.EDITOR_EDIT,
        VersionKind.EDITOR_EDIT,
    ]
    assert piece.versions.get(number=2).body == "本刊讯 开发区三个重点项目开工。"


def test_the_authors_autosaves_while_sent_back_are_one_version_ending_in_the_resubmission(
    client, editor
):
    piece = sent_back(submitted_piece(body="本刊讯 开发区项目开工。"), editor)
    author = piece.authorships.get().contributor.user
    client.force_login(author)
    autosave = reverse("portal:autosave", args=[piece.pk])

    client.post(autosave, {"title": piece.title, "body": "本刊讯 开发区项目开工，投资"})
    client.post(autosave, {"title": piece.title, "body": "本刊讯 开发区项目开工，投资2亿元。"})
    during_revision = trace(piece)
    piece.refresh_from_db()
    article_transition(article=piece, to=Status.SUBMITTED, by=author)

    assert during_revision == [
        (1, VersionKind.SUBMITTED, author.username),
        (2, VersionKind.AUTHOR_EDIT, author.username),
    ]
    assert trace(piece) == [
        (1, VersionKind.SUBMITTED, author.username),
        (2, VersionKind.RESUBMITTED, author.username),
    ]
    assert piece.versions.get(number=2).body == "本刊讯 开发区项目开工，投资2亿元。"


def test_a_published_pieces_text_cannot_be_changed_in_its_form(client, editor):
    piece = submitted_piece(body="本刊讯 开发区项目开工。")
    piece.__class__.objects.filter(pk=piece.pk).update(status=Status.PUBLISHED)
    change = reverse("admin:articles_article_change", args=[piece.pk])

    form = client.get(change).context["adminform"].form
    client.post(change, {**change_form_data(client.get(change)), "body": "改过的正文"})

    piece.refresh_from_db()
    assert not {"kicker", "title", "subtitle", "body"} & set(form.fields)
    assert piece.body == "本刊讯 开发区项目开工。" and piece.versions.count() == 1


def test_a_piece_imported_from_print_stays_editable_to_mend_how_the_page_was_read(client, editor):
    piece = make_article(title="太原经开区项目开工", source_file="001.txt", source_position=1)
    change = reverse("admin:articles_article_change", args=[piece.pk])

    form = client.get(change).context["adminform"].form

    assert {"kicker", "title", "subtitle", "body"} <= set(form.fields)


def test_the_migration_credits_existing_versions_to_a_sole_author():
    piece = submitted_piece()
    ArticleVersion.objects.update(by=None)
    migration = import_module("articles.migrations.0013_version_trace")

    migration.attribute_existing_versions(apps, None)

    author = piece.authorships.get().contributor.user
    assert trace(piece) == [(1, VersionKind.SUBMITTED, author.username)]


# --- the versions page ------------------------------------------------------------------


def versions_url(piece, **query):
    url = reverse("admin:articles_article_versions", args=[piece.pk])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def test_the_versions_page_marks_additions_and_deletions_between_any_two(client, editor):
    piece = submitted_piece(title="开发区项目开工", body="投资2亿元建成投产")
    editor_saves(client, piece, body="投资3亿元全面建成投产")
    article_transition(article=piece, to=Status.IN_REVIEW, by=editor)
    editor_saves(client, piece, title="开发区重点项目开工")

    html = client.get(versions_url(piece, a=1, b=3)).content.decode()

    assert "第1稿" in html and "第3稿" in html and "编辑修改" in html and editor.username in html
    assert "<del>2</del><ins>3</ins>亿元<ins>全面</ins>建成投产" in html
    assert "开发区<ins>重点</ins>项目开工" in html
    assert "增加 3 字，删除 1 字" in html


def test_a_published_piece_shows_the_original_against_the_printed_text(client, editor):
    piece = submitted_piece(body="开发区建设")
    editor_saves(client, piece, body="开发区的建设")
    piece.__class__.objects.filter(pk=piece.pk).update(status=Status.PUBLISHED)

    html = client.get(versions_url(piece)).content.decode()

    assert "通讯员原稿 vs 刊发稿" in html and "改动率 20.0%" in html


@pytest.mark.parametrize("role", ROLES)
def test_the_versions_page_is_for_editors_only(client, role):
    piece = submitted_piece()
    person = people_by_role()[role]
    if person:
        client.force_login(person)

    response = client.get(versions_url(piece))

    if role in ("editor", "superuser"):
        assert response.status_code == 200
    elif role == "staff":
        assert response.status_code == 403
    else:
        assert response.status_code == 302 and reverse("admin:login") in response.url


def test_the_versions_page_query_count_does_not_grow_with_versions(
    client, editor, django_assert_num_queries
):
    piece = submitted_piece(body="第一稿")
    author = piece.authorships.get().contributor.user
    client.get(versions_url(piece))
    with django_assert_num_queries(VERSIONS_PAGE_QUERIES):
        client.get(versions_url(piece))

    for round_ in range(3):
        editor_saves(client, piece, body=f"第{round_ + 2}稿")
        article_transition(article=piece, to=Status.REVISION, by=editor, note="再改。")
        article_transition(article=piece, to=Status.SUBMITTED, by=author)

    with django_assert_num_queries(VERSIONS_PAGE_QUERIES):
        response = client.get(versions_url(piece))
    assert response.context["versions"][-1].number > 3


def test_the_pieces_page_lists_versions_with_a_link_to_the_comparison(client, editor):
    piece = submitted_piece(body="本刊讯 开发区项目开工。")
    editor_saves(client, piece, body="本刊讯 开发区重点项目开工。")

    html = client.get(reverse("admin:articles_article_change", args=[piece.pk])).content.decode()

    assert versions_url(piece) in html
    assert f"{versions_url(piece)}?a=1&amp;b=2" in html
    assert "本刊讯 开发区项目开工。" not in html  # the old text is on the versions page only
