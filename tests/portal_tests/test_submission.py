from urllib.parse import urlparse

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.models import Article, Status
from editorial.workflow import article_transition
from tests.factories import make_article, make_correspondent, make_editor, make_zone
from tests.mail import sent_mail
from tests.portal_tests.helpers import form_data, jpeg_bytes, make_call, rendered_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def author(client):
    zone = make_zone(official_name="朔州经济开发区")
    user = make_correspondent(zone=zone, name="麻洁琼")
    client.force_login(user)
    return user


def test_submitting_a_piece_numbers_it_and_shows_it_under_my_submissions(client, author):
    call = make_call()

    response = client.post(
        reverse("portal:submit"), {**form_data(call, author.contributor.zone), "submit": "1"}
    )

    piece = Article.objects.get()
    assert response.status_code == 302 and response.url == reverse(
        "portal:my_submission", args=[piece.pk]
    )
    assert piece.status == Status.SUBMITTED
    assert piece.manuscript_number.startswith("KFQ-")
    assert piece.author_names() == ["麻洁琼"]
    listing = client.get(reverse("portal:my_submissions")).content.decode()
    assert piece.manuscript_number in listing and "已投稿" in listing


def test_saving_a_draft_gives_no_number(client, author):
    call = make_call()

    client.post(reverse("portal:submit"), {**form_data(call, author.contributor.zone), "save": "1"})

    piece = Article.objects.get()
    assert piece.status == Status.DRAFT and piece.manuscript_number is None


def test_a_piece_far_over_the_ceiling_is_not_submitted_but_kept_as_a_draft(client, author):
    call = make_call()

    response = client.post(
        reverse("portal:submit"),
        {**form_data(call, author.contributor.zone, genre="消息", body="字" * 1700), "submit": "1"},
        follow=True,
    )

    piece = Article.objects.get()
    assert piece.status == Status.DRAFT and piece.body == "字" * 1700
    assert piece.manuscript_number is None
    assert "超过上限1600字，请删减后再投。 稿件已保存为草稿。" in response.content.decode()
    assert response.redirect_chain[-1][0] == reverse("portal:revise", args=[piece.pk])


def test_a_piece_far_over_the_ceiling_can_be_saved_as_a_draft_with_a_warning(client, author):
    call = make_call()

    response = client.post(
        reverse("portal:submit"),
        {**form_data(call, author.contributor.zone, genre="消息", body="字" * 1700), "save": "1"},
        follow=True,
    )

    piece = Article.objects.get()
    assert piece.status == Status.DRAFT and piece.body == "字" * 1700
    assert "已保存草稿，但投稿时会被退回" in response.content.decode()


def test_a_revision_far_over_the_ceiling_keeps_the_text_and_stays_with_the_author(client, author):
    call = make_call()
    piece = make_article(
        status=Status.REVISION, authors=[author.contributor], call=call, genre="消息"
    )
    url = reverse("portal:revise", args=[piece.pk])
    data = {**rendered_form_data(client.get(url).content.decode()), "body": "改" * 1700}

    client.post(url, {**data, "submit": "1"})

    piece.refresh_from_db()
    assert piece.status == Status.REVISION and piece.body == "改" * 1700


def test_a_piece_far_from_its_target_gets_a_gentle_warning_but_goes_in(client, author):
    call = make_call()

    response = client.post(
        reverse("portal:submit"),
        {
            **form_data(call, author.contributor.zone, genre="消息", body="短" * 300 + "。"),
            "submit": "1",
        },
        follow=True,
    )

    assert "与要求相差较多" in response.content.decode()
    assert Article.objects.get().status == Status.SUBMITTED


def test_a_photo_is_stored_re_encoded_with_a_thumbnail(client, author):
    call = make_call()
    upload = SimpleUploadedFile("现场.jpg", jpeg_bytes(), content_type="image/jpeg")

    client.post(
        reverse("portal:submit"),
        {
            **form_data(
                call, author.contributor.zone, photo_caption="项目现场", photo_credit="麻洁琼摄"
            ),
            "photo": upload,
            "submit": "1",
        },
    )

    photo = Article.objects.get().photos.get()
    assert (photo.caption, photo.credit) == ("项目现场", "麻洁琼摄")
    assert photo.image.name.endswith(".jpg") and photo.thumbnail


def test_a_photo_needs_a_caption_and_a_credit(client, author):
    call = make_call()
    upload = SimpleUploadedFile("a.jpg", jpeg_bytes(), content_type="image/jpeg")

    response = client.post(
        reverse("portal:submit"),
        {**form_data(call, author.contributor.zone), "photo": upload, "submit": "1"},
    )

    html = response.content.decode()
    assert "配图需要填写图片说明" in html and "配图需要填写图片来源" in html
    assert not Article.objects.exists()


def test_a_refused_photo_keeps_the_rest_of_the_submission(client, author):
    call = make_call()
    fake = SimpleUploadedFile(
        "photo.jpg", b"this is not an image at all", content_type="image/jpeg"
    )

    response = client.post(
        reverse("portal:submit"),
        {
            **form_data(call, author.contributor.zone, photo_caption="说明", photo_credit="供图"),
            "photo": fake,
            "submit": "1",
        },
        follow=True,
    )

    piece = Article.objects.get()
    assert piece.title == "朔州经开区新能源重卡项目投产"
    assert piece.status == Status.DRAFT
    assert not piece.photos.exists()
    assert "图片未被接受" in response.content.decode()


def test_revising_after_revision_keeps_the_number_and_the_earlier_version(client, author):
    call = make_call()
    client.post(
        reverse("portal:submit"), {**form_data(call, author.contributor.zone), "submit": "1"}
    )
    piece = Article.objects.get()
    article_transition(article=piece, to=Status.REVISION, by=make_editor(), note="请补充投资额。")

    page = client.get(reverse("portal:revise", args=[piece.pk])).content.decode()
    client.post(
        reverse("portal:revise", args=[piece.pk]),
        {**form_data(call, author.contributor.zone, title="修改后的标题"), "submit": "1"},
    )

    piece.refresh_from_db()
    assert "请补充投资额。" in page
    assert piece.status == Status.SUBMITTED and piece.title == "修改后的标题"
    assert list(piece.versions.values_list("title", flat=True)) == [
        "朔州经开区新能源重卡项目投产",
        "修改后的标题",
    ]


def test_co_authors_see_the_piece_and_bylines_keep_their_order(client, author):
    call = make_call()
    partner = make_correspondent(name="张帆")
    client.post(
        reverse("portal:submit"),
        {
            **form_data(call, author.contributor.zone, extra_authors="常珍珍"),
            "co_authors": [partner.contributor.pk],
            "submit": "1",
        },
    )
    piece = Article.objects.get()
    client.force_login(partner)

    response = client.get(reverse("portal:my_submission", args=[piece.pk]))

    assert piece.author_names() == ["麻洁琼", "张帆", "常珍珍"]
    assert response.status_code == 200 and piece.title in response.content.decode()


def test_the_revise_form_shows_the_current_photo_caption_and_credit(client, author):
    call = make_call()
    upload = SimpleUploadedFile("a.jpg", jpeg_bytes(), content_type="image/jpeg")
    client.post(
        reverse("portal:submit"),
        {
            **form_data(
                call, author.contributor.zone, photo_caption="项目现场", photo_credit="麻洁琼摄"
            ),
            "photo": upload,
            "save": "1",
        },
    )
    piece = Article.objects.get()

    html = client.get(reverse("portal:revise", args=[piece.pk])).content.decode()

    assert 'value="项目现场"' in html and 'value="麻洁琼摄"' in html


def test_password_reset_sends_a_chinese_mail_with_a_working_link(client):
    user = make_correspondent(email="reset@example.cn")

    response = client.post(reverse("password_reset"), {"email": "reset@example.cn"})

    assert response.status_code == 302
    assert len(sent_mail()) == 1 and sent_mail()[0].to == ["reset@example.cn"]
    link = next(line for line in sent_mail()[0].body.splitlines() if "/reset/" in line).strip()
    page = client.get(urlparse(link).path, follow=True)
    assert user.username in sent_mail()[0].body
    assert page.status_code == 200 and "新密码" in page.content.decode()


def test_the_live_counter_gets_its_thresholds_from_the_server_rule(client, author):
    from editorial.lengths import CEILING, WARN_ABOVE, WARN_BELOW

    make_call()

    html = client.get(reverse("portal:submit")).content.decode()

    assert f'data-warn-below="{WARN_BELOW}"' in html
    assert f'data-warn-above="{WARN_ABOVE}"' in html
    assert f'data-ceiling="{CEILING}"' in html
    assert 'data-target="1500"' in html
