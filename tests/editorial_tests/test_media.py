"""Uploaded photos are served only to those who may see their piece, in every mode."""

from urllib.parse import unquote

import pytest
from django.core.files.base import ContentFile

from articles.models import Photo, Status
from tests.articles_tests.photo_files import jpeg_bytes
from tests.error_pages import is_not_found_page
from tests.factories import make_article, make_correspondent, make_editor

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def piece_with_photo(status, author=None):
    article = make_article(status=status, authors=[author.contributor] if author else [])
    photo = Photo(article=article, caption="现场", position=1)
    photo.image.save("photo.jpg", ContentFile(jpeg_bytes()), save=False)
    photo.thumbnail.save("photo_thumb.jpg", ContentFile(jpeg_bytes((40, 30))), save=False)
    photo.save()
    return photo


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def a_jpeg(response) -> bool:
    return response.status_code == 200 and response["Content-Type"] == "image/jpeg"


def test_a_published_pieces_photo_and_thumbnail_are_public(client):
    photo = piece_with_photo(Status.PUBLISHED)

    image = client.get(photo.image.url)
    thumbnail = client.get(photo.thumbnail.url)

    assert image.status_code == 200 and image["Content-Type"] == "image/jpeg"
    assert body(image) == photo.image.open("rb").read()
    assert a_jpeg(thumbnail)


def test_a_drafts_photo_is_not_served_to_anonymous_readers(client):
    photo = piece_with_photo(Status.DRAFT)

    assert is_not_found_page(client.get(photo.image.url))
    assert is_not_found_page(client.get(photo.thumbnail.url))


def test_a_drafts_photo_is_served_to_its_author_and_the_editors_only(client):
    author = make_correspondent()
    photo = piece_with_photo(Status.SUBMITTED, author=author)

    client.force_login(author)
    by_author = client.get(photo.image.url)
    client.force_login(make_editor())
    by_editor = client.get(photo.thumbnail.url)
    client.force_login(make_correspondent())
    by_stranger = client.get(photo.image.url)

    assert a_jpeg(by_author) and "private" in by_author["Cache-Control"]
    assert a_jpeg(by_editor)
    assert is_not_found_page(by_stranger)


def test_a_file_no_photo_names_is_not_served(client, media_root):
    piece_with_photo(Status.PUBLISHED)
    (media_root / "photos" / "leftover.jpg").write_bytes(jpeg_bytes())

    assert is_not_found_page(client.get("/media/photos/leftover.jpg"))
    assert is_not_found_page(client.get("/media/photos/"))


@pytest.mark.parametrize(
    "path", ["/media/../secret.txt", "/media/photos/../../secret.txt", "/media/%2e%2e/secret.txt"]
)
def test_a_path_out_of_the_media_folder_is_not_served(client, media_root, path):
    piece_with_photo(Status.PUBLISHED)
    (media_root.parent / "secret.txt").write_text("secret")

    response = client.get(path)

    assert is_not_found_page(response)
    assert "secret" not in response.content.decode()


@pytest.fixture
def debug_urls(settings):
    """The URLs as `make run` builds them: with DEBUG on (the old static() route was only
    added then, so this is where a draft's photo used to leak)."""
    import importlib

    from django.urls import clear_url_caches

    import kfq_site.urls

    settings.DEBUG = True
    importlib.reload(kfq_site.urls)
    clear_url_caches()
    yield
    settings.DEBUG = False
    importlib.reload(kfq_site.urls)
    clear_url_caches()


def test_under_make_run_a_drafts_photo_is_still_not_public(client, debug_urls):
    photo = piece_with_photo(Status.DRAFT)

    # With DEBUG on, Django's own 404 page shows the view's message instead of the site's.
    for response in (client.get(photo.image.url), client.get(photo.thumbnail.url)):
        assert response.status_code == 404 and "没有这个文件" in response.content.decode()
    assert a_jpeg(client.get(piece_with_photo(Status.PUBLISHED).image.url))


@pytest.fixture
def behind_nginx(settings):
    """As deploy/nginx.conf runs the site: Django checks, nginx sends the bytes."""
    settings.KFQ_MEDIA_ACCEL_REDIRECT = "/protected-media/"


def test_behind_nginx_a_published_photo_is_handed_to_nginx(client, behind_nginx):
    photo = piece_with_photo(Status.PUBLISHED)

    response = client.get(photo.image.url)

    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/protected-media/{photo.image.name}"
    assert response["Content-Type"] == "image/jpeg"
    assert response.content == b""


def test_behind_nginx_a_chinese_file_name_is_quoted(client, behind_nginx):
    article = make_article(status=Status.PUBLISHED)
    photo = Photo(article=article, caption="现场", position=1)
    photo.image.save("开工 现场.jpg", ContentFile(jpeg_bytes()), save=True)

    response = client.get(photo.image.url)

    header = response["X-Accel-Redirect"]
    assert header.isascii() and " " not in header
    assert unquote(header) == f"/protected-media/{photo.image.name}"
    assert "开工" in photo.image.name


def test_behind_nginx_a_drafts_photo_is_still_refused_to_anonymous_readers(client, behind_nginx):
    photo = piece_with_photo(Status.DRAFT)

    response = client.get(photo.image.url)

    assert is_not_found_page(response)
    assert "X-Accel-Redirect" not in response


def test_behind_nginx_a_drafts_photo_reaches_its_author_privately(client, behind_nginx):
    author = make_correspondent()
    photo = piece_with_photo(Status.SUBMITTED, author=author)
    client.force_login(author)

    response = client.get(photo.thumbnail.url)

    assert response["X-Accel-Redirect"] == f"/protected-media/{photo.thumbnail.name}"
    assert "private" in response["Cache-Control"]


def test_behind_nginx_a_name_out_of_the_media_folder_is_not_handed_on(client, behind_nginx):
    photo = piece_with_photo(Status.PUBLISHED)
    Photo.objects.filter(pk=photo.pk).update(image="../secret.txt")

    response = client.get("/media/../secret.txt")

    assert is_not_found_page(response)
    assert "X-Accel-Redirect" not in response
