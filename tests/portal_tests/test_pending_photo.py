"""A photo chosen on a form that came back with errors is kept, shown and used later."""

import datetime
import re

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, PendingPhoto
from tests.factories import make_correspondent
from tests.portal_tests.helpers import form_data, jpeg_bytes, make_call, rendered_form_data

pytestmark = pytest.mark.django_db


def upload():
    return SimpleUploadedFile("现场.jpg", jpeg_bytes(), content_type="image/jpeg")


def post_without_caption(client, author, call):
    return client.post(
        reverse("portal:submit"),
        {**form_data(call, author.contributor.zone), "photo": upload(), "submit": "1"},
    )


def test_a_photo_survives_a_form_error_and_is_used_when_the_form_is_complete(client, author):
    call = make_call()
    first = post_without_caption(client, author, call).content.decode()
    data = rendered_form_data(first)

    client.post(
        reverse("portal:submit"),
        {**data, "photo_caption": "项目现场", "photo_credit": "麻洁琼摄", "submit": "1"},
    )

    assert "配图需要填写图片说明" in first and "已上传的配图" in first
    photo = Article.objects.get().photos.get()
    assert photo.caption == "项目现场" and photo.image and photo.thumbnail
    assert not PendingPhoto.objects.exists()


def test_the_pending_thumbnail_is_embedded_not_linked(client, author):
    call = make_call()

    html = post_without_caption(client, author, call).content.decode()

    pending = PendingPhoto.objects.get()
    assert re.search(r'<img src="data:image/jpeg;base64,[A-Za-z0-9+/=]+"', html)
    assert pending.image.name not in html and pending.thumbnail.name not in html


def test_a_pending_photo_can_be_removed(client, author):
    call = make_call()
    data = rendered_form_data(post_without_caption(client, author, call).content.decode())

    client.post(reverse("portal:submit"), {**data, "remove_pending_photo": "on", "submit": "1"})

    assert not Article.objects.get().photos.exists()


def test_another_users_pending_photo_does_not_match(client, author):
    call = make_call()
    data = rendered_form_data(post_without_caption(client, author, call).content.decode())
    thief = make_correspondent()
    client.force_login(thief)

    response = client.post(
        reverse("portal:submit"),
        {
            **data,
            "zone": thief.contributor.zone.pk,
            "photo_caption": "说明",
            "photo_credit": "供图",
            "submit": "1",
        },
    )

    assert "请重新选择图片" in response.content.decode()
    assert not Article.objects.exists()
    assert PendingPhoto.objects.get().user == author


def test_old_pending_photos_are_cleaned_up_on_the_next_upload(
    client, author, django_capture_on_commit_callbacks
):
    call = make_call()
    post_without_caption(client, author, call)
    old = PendingPhoto.objects.get()
    PendingPhoto.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=2)
    )

    with django_capture_on_commit_callbacks(execute=True):
        post_without_caption(client, author, call)

    assert list(PendingPhoto.objects.exclude(pk=old.pk)) == list(PendingPhoto.objects.all())
    assert not default_storage.exists(old.image.name)
    assert not default_storage.exists(old.thumbnail.name)


def test_a_refused_photo_on_a_form_with_errors_says_so(client, author):
    call = make_call()
    fake = SimpleUploadedFile("a.jpg", b"not an image", content_type="image/jpeg")

    response = client.post(
        reverse("portal:submit"),
        {**form_data(call, author.contributor.zone, title=""), "photo": fake, "submit": "1"},
    )

    html = response.content.decode()
    assert "图片未被接受" in html and "朔州经开区" not in html
    assert not PendingPhoto.objects.exists()
