"""Photos added or replaced in the admin pass the same checks and re-encoding as the portal's,
and a photo's files leave storage with it (only once the change is committed)."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse
from PIL import Image

from articles.models import Photo, Status
from tests.articles_tests.photo_files import gps_exif, jpeg_bytes
from tests.editorial_tests.admin_pieces import change_form_data
from tests.factories import make_article, make_editor

pytestmark = pytest.mark.django_db

PAYLOAD = b"<script>alert('admin')</script>"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def editor(client):
    user = make_editor()
    client.force_login(user)
    return user


def hostile_jpeg(name="现场.jpg"):
    return SimpleUploadedFile(name, jpeg_bytes(exif=gps_exif()) + PAYLOAD, "image/jpeg")


def stored(media_root, field) -> bytes:
    return (media_root / field.name).read_bytes()


def assert_cleaned(photo, media_root):
    image = stored(media_root, photo.image)
    assert b"Exif\0\0" not in image and b"Canon" not in image and PAYLOAD not in image
    thumbnail = Image.open(io.BytesIO(stored(media_root, photo.thumbnail)))
    assert max(thumbnail.size) == 400 and len(thumbnail.getexif()) == 0


def photo_with_files(article, position=1):
    photo = Photo(article=article, caption="旧图", position=position)
    photo.image.save("old.jpg", ContentFile(jpeg_bytes()), save=False)
    photo.thumbnail.save("old_thumb.jpg", ContentFile(jpeg_bytes((40, 30))), save=False)
    photo.save()
    return photo


def test_the_photo_add_page_stores_a_clean_re_encoding_with_a_thumbnail(client, editor, media_root):
    article = make_article(status=Status.SUBMITTED)

    response = client.post(
        reverse("admin:articles_photo_add"),
        {
            "article": article.pk,
            "caption": "项目现场",
            "credit": "",
            "position": 1,
            "image": hostile_jpeg(),
        },
    )

    assert response.status_code == 302
    assert_cleaned(article.photos.get(), media_root)


def test_the_article_photo_inline_stores_a_clean_re_encoding(client, editor, media_root):
    article = make_article(status=Status.SUBMITTED)
    change = reverse("admin:articles_article_change", args=[article.pk])
    data = change_form_data(client.get(change))
    data.update(
        {
            "photos-TOTAL_FORMS": 1,
            "photos-0-caption": "园区全景",
            "photos-0-position": 1,
            "photos-0-image": hostile_jpeg(),
        }
    )

    response = client.post(change, data)

    assert response.status_code == 302
    assert_cleaned(article.photos.get(), media_root)


def test_a_refused_photo_is_a_field_error_and_the_rest_of_the_form_stays(client, editor):
    article = make_article(status=Status.SUBMITTED)
    fake = SimpleUploadedFile("现场.jpg", b"GIF89a not really a photo", "image/jpeg")

    response = client.post(
        reverse("admin:articles_photo_add"),
        {"article": article.pk, "caption": "项目现场说明", "position": 1, "image": fake},
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["image"] == ["只接受 JPEG、PNG 或 WebP 图片。"]
    assert "项目现场说明" in response.content.decode()
    assert not Photo.objects.exists()


def test_replacing_a_photo_in_the_admin_deletes_its_old_files_after_the_commit(
    client, editor, media_root, django_capture_on_commit_callbacks
):
    photo = photo_with_files(make_article(status=Status.SUBMITTED))
    old = [media_root / photo.image.name, media_root / photo.thumbnail.name]

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:articles_photo_change", args=[photo.pk]),
            {
                "article": photo.article_id,
                "caption": "新图",
                "position": 1,
                "image": hostile_jpeg(),
            },
        )

    assert response.status_code == 302
    photo.refresh_from_db()
    assert_cleaned(photo, media_root)
    assert not any(path.exists() for path in old)


def test_a_deleted_photo_takes_its_files_along(media_root, django_capture_on_commit_callbacks):
    article = make_article(status=Status.SUBMITTED)
    photo = photo_with_files(article)
    files = [media_root / photo.image.name, media_root / photo.thumbnail.name]

    with django_capture_on_commit_callbacks(execute=True):
        article.delete()

    assert not any(path.exists() for path in files)


def test_a_rolled_back_deletion_keeps_the_files(media_root, django_capture_on_commit_callbacks):
    photo = photo_with_files(make_article(status=Status.SUBMITTED))
    pk = photo.pk
    files = [media_root / photo.image.name, media_root / photo.thumbnail.name]

    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        photo.delete()
        raise RuntimeError("rolled back")

    assert Photo.objects.filter(pk=pk).exists()
    assert all(path.exists() for path in files)


def test_a_file_another_photo_still_names_is_kept(media_root, django_capture_on_commit_callbacks):
    photo = photo_with_files(make_article(status=Status.SUBMITTED))
    twin = Photo.objects.create(article=make_article(), caption="同一张图", image=photo.image.name)

    with django_capture_on_commit_callbacks(execute=True):
        photo.delete()

    assert (media_root / twin.image.name).exists()


def test_clearing_a_photo_in_the_admin_drops_its_thumbnail_too(
    client, editor, media_root, django_capture_on_commit_callbacks
):
    photo = photo_with_files(make_article(status=Status.SUBMITTED))
    thumbnail, thumbnail_url = media_root / photo.thumbnail.name, photo.thumbnail.url
    change = reverse("admin:articles_photo_change", args=[photo.pk])
    page = client.get(change).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            change,
            {"article": photo.article_id, "caption": "旧图", "position": 1, "image-clear": "on"},
        )

    photo.refresh_from_db()
    assert thumbnail_url in page
    assert (photo.image.name, photo.thumbnail.name) == ("", "")
    assert not thumbnail.exists()
