"""Every kind of page carries the site's Content-Security-Policy header.

The policy is what stops an injected script from running in a reader's or an editor's browser;
a page without the header would be the one door left open. Checked on a public page (fresh and
from the page cache), a portal page, an admin page, the login page and the error pages. What
the browser makes of the policy is tests/browser/test_csp.py's part.
"""

import pytest
from django.urls import path

from tests.error_pages import NOT_FOUND_TEXT
from tests.factories import make_correspondent, make_editor

pytestmark = pytest.mark.django_db

POLICY = {
    "default-src": {"'self'"},
    "script-src": {"'self'"},
    "style-src": {"'self'"},
    "img-src": {"'self'", "data:"},
    "font-src": {"'self'"},
    "connect-src": {"'self'"},
    "object-src": {"'none'"},
    "base-uri": {"'self'"},
    "form-action": {"'self'"},
    "frame-ancestors": {"'none'"},
}


def broken_view(request):
    raise RuntimeError("something broke")


urlpatterns = [path("broken/", broken_view)]


def policy_of(response) -> dict[str, set[str]]:
    directives = [part.split() for part in response["Content-Security-Policy"].split(";")]
    return {words[0]: set(words[1:]) for words in directives if words}


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("/", "《开发区建设》周刊"),
        ("/accounts/login/", "<h1>登录</h1>"),
        ("/admin/login/", "《开发区建设》周刊编辑部"),
    ],
)
def test_an_anonymous_page_has_the_policy(client, url, says):
    response = client.get(url)

    assert response.status_code == 200 and says in response.content.decode()
    assert policy_of(response) == POLICY


def test_a_page_from_the_readers_cache_has_the_policy(client, settings):
    settings.KFQ_PAGE_CACHE_SECONDS = 60
    client.get("/")

    response = client.get("/")

    assert policy_of(response) == POLICY


def test_a_portal_page_has_the_policy(client):
    client.force_login(make_correspondent())

    response = client.get("/my/")

    assert response.status_code == 200 and "<h1>我的稿件</h1>" in response.content.decode()
    assert policy_of(response) == POLICY


def test_an_admin_page_has_the_policy(client):
    client.force_login(make_editor())

    response = client.get("/admin/articles/article/")

    assert response.status_code == 200 and "队列" in response.content.decode()
    assert policy_of(response) == POLICY


@pytest.mark.parametrize(
    ("url", "status", "says"),
    [("/no-such-page/", 404, NOT_FOUND_TEXT), ("/search/?q=%00", 400, "<h1>网址有误</h1>")],
)
def test_an_error_page_has_the_policy(client, url, status, says):
    response = client.get(url)

    assert response.status_code == status and says in response.content.decode()
    assert policy_of(response) == POLICY


@pytest.mark.urls(__name__)
def test_the_server_error_page_has_the_policy(client):
    client.raise_request_exception = False

    response = client.get("/broken/")

    assert response.status_code == 500 and "服务器出错" in response.content.decode()
    assert policy_of(response) == POLICY


def test_a_form_without_its_csrf_token_gets_the_sites_own_page(client):
    client.handler.enforce_csrf_checks = True

    response = client.post("/accounts/login/", {"username": "majq", "password": "x"})

    html = response.content.decode()
    assert response.status_code == 403
    assert "页面已过期" in html and "css/site.css" in html and "<style" not in html
    assert policy_of(response) == POLICY
