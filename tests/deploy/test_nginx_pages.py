"""Pages and static files through nginx: HTTPS only, hashed static names cached for a year,
and the same static files from gunicorn alone."""

import re

import pytest

from tests.deploy.served_site import fetch

pytestmark = pytest.mark.nginx


def test_a_public_page_is_served_over_https_with_its_style(site):
    page = fetch(site.https_port, site.data["published_url"])

    assert page.status == 200
    assert site.data["published_title"] in page.text
    # Only a request Django sees as secure gets HSTS: X-Forwarded-Proto from nginx counted.
    assert "max-age=31536000" in page.headers["Strict-Transport-Security"]
    assert re.search(r'href="/static/css/site\.[0-9a-f]{12}\.css"', page.text)


def test_a_monitor_on_the_server_asks_gunicorn_directly_over_plain_http(site):
    assert fetch(site.gunicorn_port, "/healthz", tls=False).status == 200
    assert fetch(site.gunicorn_port, "/", tls=False).status == 301


def test_plain_http_is_redirected_to_https_whatever_the_client_claims(site):
    for headers in ({}, {"X-Forwarded-Proto": "https"}):
        answer = fetch(site.http_port, "/", tls=False, headers=headers)

        assert answer.status == 301
        assert answer.headers["Location"].startswith("https://127.0.0.1")


@pytest.mark.parametrize("page", ["/", "/admin/login/"])
def test_static_files_have_hashed_names_and_far_future_cache_headers(site, page):
    html = fetch(site.https_port, page).text
    links = re.findall(r'(?:href|src)="(/static/[^"]+\.[0-9a-f]{12}\.(?:css|js))"', html)
    assert links, html

    for link in links:
        answer = fetch(site.https_port, link, headers={"Accept-Encoding": "gzip"})

        assert answer.status == 200, link
        assert answer.headers["Cache-Control"] == "public, max-age=31536000, immutable"
        assert answer.headers["Content-Encoding"] == "gzip"


def test_without_nginx_whitenoise_serves_the_same_static_files(site):
    # `make serve` alone: gunicorn answers /static/ itself (X-Forwarded-Proto as nginx says).
    proxied = {"X-Forwarded-Proto": "https", "Accept-Encoding": "gzip"}
    html = fetch(site.gunicorn_port, "/admin/login/", tls=False, headers=proxied).text
    link = re.search(r'href="(/static/admin/css/base\.[0-9a-f]{12}\.css)"', html).group(1)

    answer = fetch(site.gunicorn_port, link, tls=False, headers=proxied)

    assert answer.status == 200
    assert "immutable" in answer.headers["Cache-Control"]
    assert answer.headers["Content-Encoding"] == "gzip"
