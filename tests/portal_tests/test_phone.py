"""On a phone the photo can come straight from the camera, through the same checks."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.models import Article
from tests.portal_tests.helpers import form_data, jpeg_bytes, make_call

pytestmark = pytest.mark.django_db


def test_the_form_offers_the_camera_as_well_as_the_gallery(client, author):
    make_call()

    html = client.get(reverse("portal:submit")).content.decode()

    assert 'name="photo_camera" accept="image/*" capture="environment"' in html
    assert 'name="photo" accept="image/jpeg,image/png,image/webp"' in html


def test_a_photo_taken_with_the_camera_is_kept_with_the_piece(client, author):
    call = make_call()
    taken = SimpleUploadedFile("image.jpg", jpeg_bytes(), content_type="image/jpeg")

    client.post(
        reverse("portal:submit"),
        {
            **form_data(call, author.contributor.zone),
            "photo_camera": taken,
            "photo_caption": "开工现场",
            "photo_credit": "麻洁琼摄",
            "save": "1",
        },
    )

    photo = Article.objects.get().photos.get()
    assert photo.caption == "开工现场" and photo.image and photo.thumbnail


def test_a_camera_file_that_is_no_photo_is_refused_and_the_text_kept(client, author):
    call = make_call()
    not_a_photo = SimpleUploadedFile("image.jpg", b"not a picture", content_type="image/jpeg")

    response = client.post(
        reverse("portal:submit"),
        {**form_data(call, author.contributor.zone), "photo_camera": not_a_photo, "save": "1"},
        follow=True,
    )

    piece = Article.objects.get()
    assert not piece.photos.exists()
    assert "图片未被接受" in response.content.decode()
