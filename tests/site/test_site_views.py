"""The site's own answers: the health check, the favicon, the 500 page."""

from unittest import mock

import pytest
from django.db import OperationalError, connection
from django.templatetags.static import static
from django.urls import path

pytestmark = pytest.mark.django_db


def broken_view(request):
    raise RuntimeError("something broke")


urlpatterns = [path("broken/", broken_view)]


def test_the_health_check_says_ok_when_the_database_answers(client):
    response = client.get("/healthz")

    assert response.status_code == 200 and response.content == b"ok\n"
    assert "no-cache" in response["Cache-Control"]


def test_the_health_check_says_unavailable_when_the_database_does_not(client):
    with mock.patch.object(connection, "cursor", side_effect=OperationalError("down")):
        response = client.get("/healthz")

    assert response.status_code == 503 and response.content == b"unavailable\n"


def test_favicon_ico_leads_to_the_icon(client, settings):
    response = client.get("/favicon.ico")

    assert response.status_code == 301 and response.url == static("favicon.ico")
    assert (settings.BASE_DIR / "static" / "favicon.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"


@pytest.mark.urls(__name__)
def test_an_error_shows_the_sites_own_chinese_page(client):
    client.raise_request_exception = False

    response = client.get("/broken/")

    html = response.content.decode()
    assert response.status_code == 500
    assert "服务器出错了" in html and "《开发区建设》" in html and "css/site.css" in html
