"""Photos in an S3-compatible object store (KFQ_S3_BUCKET): several servers share them without
a shared folder, and the bucket stays private: every file still goes through the access check
of editorial/media.py, for every role, as on the file system."""

import urllib.error
import urllib.request

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse

from articles.models import Article, Photo, Status
from tests.articles_tests.photo_files import jpeg_bytes
from tests.editorial_tests.test_media import body, piece_with_photo
from tests.error_pages import is_not_found_page
from tests.factories import make_correspondent, make_editor
from tests.object_store import running_object_store
from tests.portal_tests.helpers import form_data, make_call

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def object_store():
    with running_object_store() as store:
        yield store


@pytest.fixture(autouse=True)
def photos_in_the_bucket(settings, object_store, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {**settings.STORAGES, "default": object_store.storage_settings()}
    return object_store


def test_a_correspondents_photo_goes_to_the_bucket_not_to_the_servers_disk(
    client, object_store, settings
):
    author = make_correspondent(name="麻洁琼")
    client.force_login(author)
    call = make_call()
    photo = SimpleUploadedFile("现场.jpg", jpeg_bytes(), content_type="image/jpeg")

    response = client.post(
        reverse("portal:submit"),
        {
            **form_data(call, author.contributor.zone),
            "photo": photo,
            "photo_caption": "项目现场",
            "photo_credit": "麻洁琼摄",
            "submit": "1",
        },
    )

    stored = Article.objects.get().photos.get()
    assert response.status_code == 302
    assert {stored.image.name, stored.thumbnail.name} <= object_store.object_names()
    assert not settings.MEDIA_ROOT.exists()
    served = client.get(stored.image.url)
    assert served.status_code == 200 and served["Content-Type"] == "image/jpeg"
    assert (
        body(served)
        == object_store.client()
        .get_object(Bucket=object_store.bucket, Key=stored.image.name)["Body"]
        .read()
    )


def test_a_published_pieces_photo_is_public(client):
    photo = piece_with_photo(Status.PUBLISHED)

    image = client.get(photo.image.url)

    assert image.status_code == 200 and image["Content-Type"] == "image/jpeg"
    assert body(image) == jpeg_bytes()


def test_a_drafts_photo_reaches_its_author_and_the_editors_only(client):
    author = make_correspondent()
    photo = piece_with_photo(Status.SUBMITTED, author=author)

    anonymous = client.get(photo.image.url)
    client.force_login(author)
    by_author = client.get(photo.image.url)
    client.force_login(make_editor())
    by_editor = client.get(photo.thumbnail.url)
    client.force_login(make_correspondent())
    by_stranger = client.get(photo.image.url)

    assert is_not_found_page(anonymous) and is_not_found_page(by_stranger)
    assert by_author.status_code == 200 and "private" in by_author["Cache-Control"]
    assert by_editor.status_code == 200


def test_the_bucket_itself_does_not_serve_the_photo_to_anyone(object_store):
    photo = piece_with_photo(Status.PUBLISHED)
    unsigned = f"{object_store.endpoint_url}/{object_store.bucket}/{photo.image.name}"

    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(unsigned, timeout=10)
    assert refused.value.code == 403


def test_a_photo_whose_object_is_gone_is_a_not_found_page(client, object_store):
    photo = piece_with_photo(Status.PUBLISHED)
    object_store.client().delete_object(Bucket=object_store.bucket, Key=photo.image.name)

    assert is_not_found_page(client.get(photo.image.url))


def test_a_stored_name_that_leaves_the_sites_prefix_is_a_not_found_page(
    client, settings, object_store
):
    # Two sites share one bucket under two prefixes: a name must not reach the other's files.
    settings.STORAGES = {
        **settings.STORAGES,
        "default": object_store.storage_settings(prefix="kfq"),
    }
    object_store.client().put_object(
        Bucket=object_store.bucket, Key="other-site/photo.jpg", Body=jpeg_bytes()
    )
    photo = piece_with_photo(Status.PUBLISHED)
    Photo.objects.filter(pk=photo.pk).update(image="../other-site/photo.jpg")

    assert photo.image.name.startswith("photos/")
    assert f"kfq/{photo.image.name}" in object_store.object_names()
    assert is_not_found_page(client.get("/media/..%2Fother-site%2Fphoto.jpg"))


def test_deleting_a_photo_deletes_its_objects_once_the_change_is_committed(
    django_capture_on_commit_callbacks, object_store
):
    photo = piece_with_photo(Status.PUBLISHED)
    names = {photo.image.name, photo.thumbnail.name}

    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        photo.delete()

    assert len(names) == 2
    assert not names & object_store.object_names()
