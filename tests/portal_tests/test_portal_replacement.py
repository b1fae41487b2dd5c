"""A correspondent replacing their photo in the portal leaves no old file behind: the clean-up
is the Photo model's, whichever door replaced it."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.models import Article, Status
from editorial.workflow import article_transition
from tests.articles_tests.photo_files import jpeg_bytes
from tests.factories import make_correspondent, make_editor
from tests.portal_tests.helpers import form_data, make_call

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def test_a_photo_replaced_in_the_portal_deletes_the_old_files(
    client, media_root, django_capture_on_commit_callbacks
):
    author = make_correspondent()
    client.force_login(author)
    call = make_call()
    data = form_data(call, author.contributor.zone, photo_caption="现场", photo_credit="供图")
    client.post(
        reverse("portal:submit"),
        {**data, "photo": SimpleUploadedFile("a.jpg", jpeg_bytes()), "submit": "1"},
    )
    piece = Article.objects.get()
    old = piece.photos.get()
    old_files = [media_root / old.image.name, media_root / old.thumbnail.name]
    article_transition(article=piece, to=Status.REVISION, by=make_editor(), note="换一张图。")

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("portal:revise", args=[piece.pk]),
            {**data, "photo": SimpleUploadedFile("b.jpg", jpeg_bytes((640, 480))), "submit": "1"},
        )

    new = piece.photos.get()
    assert new.image.name != old.image.name
    assert (media_root / new.image.name).exists()
    assert not any(path.exists() for path in old_files)
