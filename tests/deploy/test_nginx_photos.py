"""Photos through nginx: Django decides who may see one, nginx sends its bytes
(X-Accel-Redirect); a draft's photo only to its author, and never from a shared cache."""

import urllib.parse

import pytest

from tests.deploy.served_site import fetch, logged_in_cookies

pytestmark = pytest.mark.nginx


def test_a_published_pieces_photo_is_sent_by_nginx(site):
    for url, name in [
        (site.data["published_photo_url"], site.data["published_photo"]),
        (site.data["published_thumbnail_url"], site.data["published_thumbnail"]),
    ]:
        answer = fetch(site.https_port, url)

        assert answer.status == 200
        assert answer.headers["Content-Type"] == "image/jpeg"
        assert answer.body == (site.media_root / name).read_bytes()
        # nginx's own file headers: the bytes came from nginx, Django only said yes.
        assert answer.headers["ETag"] and answer.headers["Accept-Ranges"] == "bytes"
        assert "X-Accel-Redirect" not in answer.headers


def test_a_drafts_photo_is_not_served_to_anonymous_readers(site):
    assert fetch(site.https_port, site.data["draft_photo_url"]).status == 404
    # Nor through the internal location, nor the media folder by another path.
    for path in (
        "/protected-media/" + urllib.parse.quote(site.data["draft_photo"]),
        "/protected-media/" + urllib.parse.quote(site.data["published_photo"]),
        "/media/photos/",
    ):
        assert fetch(site.https_port, path).status == 404, path


def test_a_drafts_photo_reaches_its_author_and_no_shared_cache(site):
    answer = fetch(
        site.https_port, site.data["draft_photo_url"], headers={"Cookie": logged_in_cookies(site)}
    )

    assert answer.status == 200
    assert answer.body == (site.media_root / site.data["draft_photo"]).read_bytes()
    assert "private" in answer.headers["Cache-Control"]
