"""Filling the submission form from a Word document (.docx): the fields and the photo come from
the document, the correspondent checks them, and only then saves or submits."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.models import Article, PendingPhoto, Status
from tests.error_pages import is_forbidden_page
from tests.factories import make_article, make_correspondent
from tests.portal_tests.helpers import form_data, make_call, rendered_form_data
from tests.roles import ROLES, people_by_role
from tests.word_documents import PICTURE, word_document

pytestmark = pytest.mark.django_db

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TITLE = "介休经开区8个重点项目集中开工"
BODY = "本刊讯 10月下旬，介休经济技术开发区8个重点项目集中开工。" + "项目建设" * 300 + "。"


def docx_upload(data: bytes, name="稿件.docx"):
    return SimpleUploadedFile(name, data, content_type=DOCX)


def import_word(client, url, data, upload):
    return client.post(url, {**data, "word_file": upload, "import_word": "1"})


def test_a_document_with_a_picture_fills_the_form_and_saves_nothing(client, author):
    call = make_call()
    document = word_document(TITLE, BODY, PICTURE, "开工仪式现场。介休经开区供图")

    page = import_word(
        client,
        reverse("portal:submit"),
        form_data(call, author.contributor.zone, title="", body=""),
        docx_upload(document),
    )

    html = page.content.decode()
    assert page.status_code == 200
    assert "已从 Word 文档填入：标题、正文、图片说明、图片来源、配图。" in html
    assert not Article.objects.exists()
    fields = rendered_form_data(html)
    assert fields["title"] == [TITLE] and fields["body"] == [BODY]
    assert fields["photo_caption"] == ["开工仪式现场。"]
    assert fields["photo_credit"] == ["介休经开区供图"]
    pending = PendingPhoto.objects.get(user=author)
    assert fields["pending_photo"] == [str(pending.token)]
    assert "已上传的配图" in html


def test_the_filled_form_submits_with_the_documents_text_and_photo(client, author):
    call = make_call()
    document = word_document(TITLE, BODY, PICTURE, "开工仪式现场。介休经开区供图")
    page = import_word(
        client,
        reverse("portal:submit"),
        form_data(call, author.contributor.zone, title="", body=""),
        docx_upload(document),
    )

    client.post(
        reverse("portal:submit"), {**rendered_form_data(page.content.decode()), "submit": "1"}
    )

    piece = Article.objects.get()
    assert piece.status == Status.SUBMITTED
    assert (piece.title, piece.body) == (TITLE, BODY)
    photo = piece.photos.get()
    assert (photo.caption, photo.credit) == ("开工仪式现场。", "介休经开区供图")
    assert photo.image and not PendingPhoto.objects.exists()


def test_an_old_wps_file_keeps_what_was_typed_and_says_how_to_save_it(client, author):
    call = make_call()
    typed = form_data(
        call, author.contributor.zone, title="已经写好的标题", body="已经写好的正文。"
    )
    wps = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4000

    page = import_word(client, reverse("portal:submit"), typed, docx_upload(wps, name="稿件.wps"))

    html = page.content.decode()
    assert "另存为" in html and "表单中已填的内容没有改动" in html
    fields = rendered_form_data(html)
    assert fields["title"] == ["已经写好的标题"] and fields["body"] == ["已经写好的正文。"]
    assert not Article.objects.exists()


def test_reading_without_a_document_asks_for_one(client, author):
    call = make_call()

    page = client.post(
        reverse("portal:submit"), {**form_data(call, author.contributor.zone), "import_word": "1"}
    )

    assert "请先选择 Word 文档（.docx）" in page.content.decode()
    assert not Article.objects.exists()


def test_a_revision_from_a_document_says_which_text_it_replaced(client, author):
    make_call()
    piece = make_article(status=Status.REVISION, authors=[author.contributor], title="旧标题")
    url = reverse("portal:revise", args=[piece.pk])
    data = rendered_form_data(client.get(url).content.decode())

    page = import_word(client, url, data, docx_upload(word_document(TITLE, BODY)))

    html = page.content.decode()
    assert "原来填写的标题、正文已被文档中的内容替换" in html
    assert rendered_form_data(html)["title"] == [TITLE]
    piece.refresh_from_db()
    assert piece.title == "旧标题"


def test_a_picture_the_photo_checks_refuse_is_reported_and_the_text_still_fills(client, author):
    call = make_call()
    tiny_gif = (
        b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00"
        b"\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
    )
    document = word_document(TITLE, BODY, PICTURE, "现场", picture=tiny_gif)

    page = import_word(
        client,
        reverse("portal:submit"),
        form_data(call, author.contributor.zone, title="", body=""),
        docx_upload(document),
    )

    html = page.content.decode()
    assert "文档中的图片未被采用" in html
    assert rendered_form_data(html)["title"] == [TITLE]
    assert not PendingPhoto.objects.exists()


def test_nobody_reads_a_document_into_someone_elses_piece(client):
    other = make_correspondent()
    piece = make_article(status=Status.DRAFT, authors=[other.contributor], title="别人的稿件")
    client.force_login(make_correspondent())

    page = import_word(
        client,
        reverse("portal:revise", args=[piece.pk]),
        {"title": "x"},
        docx_upload(word_document(TITLE, BODY)),
    )

    assert page.status_code == 404


# Reading a document on the submit page, per role: only correspondents write pieces.
WHO_MAY_READ = {
    "anonymous": "login",
    "correspondent": "form",
    "staff": "forbidden",
    "editor": "forbidden",
    "superuser": "forbidden",
}


@pytest.mark.parametrize("role", ROLES)
def test_who_may_read_a_document_into_a_new_piece(client, role):
    person = people_by_role()[role]
    if person:
        client.force_login(person)
    call = make_call()

    page = import_word(
        client,
        reverse("portal:submit"),
        form_data(call, person.contributor.zone) if role == "correspondent" else {},
        docx_upload(word_document(TITLE, BODY)),
    )

    want = WHO_MAY_READ[role]
    if want == "login":
        assert page.status_code == 302 and "/accounts/login/" in page["Location"]
    elif want == "forbidden":
        assert is_forbidden_page(page)
    else:
        assert "已从 Word 文档填入：标题、正文。" in page.content.decode()
    assert not Article.objects.exists()
