"""Upload sizes at nginx: over 10 MB is refused with nginx's Chinese 413 page, while a 10 MB
photo with a long story reaches the site."""

import secrets

import pytest

from tests.deploy.served_site import MB, fetch

pytestmark = pytest.mark.nginx


def multipart(photo_bytes: int, text_chars: int = 0) -> tuple[bytes, str]:
    boundary = secrets.token_hex(16)
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="body"\r\n\r\n'.encode()
        + ("字" * text_chars).encode()
        + b"\r\n",
        f'--{boundary}\r\nContent-Disposition: form-data; name="photo"; filename="大图.jpg"\r\n'
        "Content-Type: image/jpeg\r\n\r\n".encode()
        + secrets.token_bytes(photo_bytes)
        + b"\r\n",
        f"--{boundary}--\r\n".encode(),
    ]
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def test_an_11_mb_upload_is_refused_with_a_chinese_page(site):
    body, content_type = multipart(11 * MB)

    answer = fetch(
        site.https_port,
        "/submit/",
        method="POST",
        body=body,
        headers={"Content-Type": content_type},
    )

    assert answer.status == 413
    assert answer.headers["Content-Type"].startswith("text/html")
    assert "超过 10 MB" in answer.text and "没有保存" in answer.text
    assert "返回" in answer.text
    assert "Request Entity Too Large" not in answer.text
    # The page is about this one refused request: no cache may keep it for another.
    assert answer.headers["Cache-Control"] == "no-store"


def test_a_10_mb_photo_with_a_long_story_reaches_the_site(site):
    # A 10 MB photo and 20,000 Chinese characters of text pass nginx; Django then answers
    # (here: this anonymous, tokenless post is refused by the CSRF check, not by size).
    body, content_type = multipart(10 * MB, text_chars=20_000)

    answer = fetch(
        site.https_port,
        "/submit/",
        method="POST",
        body=body,
        headers={"Content-Type": content_type},
    )

    assert answer.status == 403
    assert "Request Entity Too Large" not in answer.text
