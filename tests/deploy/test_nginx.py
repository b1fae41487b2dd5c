"""The site as an office runs it: Debian's nginx with deploy/nginx.conf in front of `make serve`.

Once per module: scripts/serve.sh (migrate, collectstatic with the production storage,
gunicorn with deploy/gunicorn.conf.py) on a fresh database of the run's kind (a SQLite file, or a
new database on the run's PostgreSQL server), and nginx with the server block we ship, its
paths and ports replaced (the only changes), on free loopback ports: plain HTTP, and HTTPS with
a throwaway certificate, as certbot would add it. The settings are production's: debug off,
KFQ_HTTPS, X-Accel-Redirect for photos, the client address from X-Real-IP.
"""

import http.client
import json
import os
import re
import secrets
import signal
import socket
import ssl
import subprocess
import sys
import time
import urllib.parse
from dataclasses import dataclass
from http.cookies import SimpleCookie
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.nginx

PROJECT = Path(__file__).resolve().parents[2]
NGINX = "/usr/sbin/nginx"
MB = 1024 * 1024

# What the test changes in deploy/nginx.conf: each must be there, or the test is not testing
# the file we ship.
SHIPPED_PORT = "127.0.0.1:8000"
SHIPPED_LISTEN = "    listen 80;\n    listen [::]:80;\n"
SHIPPED_PATHS = ("/srv/kfq/var/static/", "/srv/kfq/var/media/", "/srv/kfq/deploy/errors/")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Site:
    http_port: int
    https_port: int
    gunicorn_port: int
    media_root: Path
    data: dict
    logs: Path


@dataclass
class Answer:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


def fetch(port, path, *, tls=True, method="GET", headers=None, body=None) -> Answer:
    if tls:
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        connection = http.client.HTTPSConnection("127.0.0.1", port, timeout=30, context=context)
    else:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return Answer(response.status, response.headers, response.read())
    finally:
        connection.close()


def wait_for(check, what: str, processes, logs: Path, timeout: float = 120.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for process in processes:
            if process.poll() is not None:
                pytest.fail(f"{what}: a server exited early; logs in {logs}", pytrace=False)
        try:
            if check():
                return
        except OSError:
            pass
        time.sleep(0.3)
    pytest.fail(f"{what}: not ready after {timeout:.0f} s; logs in {logs}", pytrace=False)


def fresh_database(tmp: Path):
    """A database URL of the run's kind, and how to drop it afterwards."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        return f"sqlite:///{tmp / 'site.sqlite3'}", lambda: None
    import psycopg

    name = f"kfq_nginx_{secrets.token_hex(4)}"
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")

    def drop():
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    return urllib.parse.urlsplit(url)._replace(path=f"/{name}").geturl(), drop


def nginx_server_block(*, tmp: Path, gunicorn_port: int, http_port: int, https_port: int):
    shipped = (PROJECT / "deploy" / "nginx.conf").read_text()
    for known in (SHIPPED_PORT, SHIPPED_LISTEN, *SHIPPED_PATHS):
        assert known in shipped, f"deploy/nginx.conf no longer holds {known!r}"
    listen = (
        f"    listen 127.0.0.1:{http_port};\n"
        f"    listen 127.0.0.1:{https_port} ssl;\n"
        f"    ssl_certificate {tmp / 'cert.pem'};\n"
        f"    ssl_certificate_key {tmp / 'key.pem'};\n"
    )
    return (
        shipped.replace(SHIPPED_PORT, f"127.0.0.1:{gunicorn_port}")
        .replace(SHIPPED_LISTEN, listen)
        .replace("/srv/kfq/var/static/", f"{tmp / 'static'}/")
        .replace("/srv/kfq/var/media/", f"{tmp / 'media'}/")
        .replace("/srv/kfq/deploy/errors/", f"{PROJECT / 'deploy' / 'errors'}/")
    )


def nginx_main_conf(tmp: Path) -> str:
    # Every file nginx writes stays under tmp. As root (CI), the workers must run as root to
    # read the test's files; the shipped server block runs under Debian's www-data.
    user = "user root;\n" if os.geteuid() == 0 else ""
    temp_paths = "".join(
        f"    {kind}_temp_path {tmp / 'nginx' / kind};\n"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return (
        f"{user}worker_processes 1;\ndaemon off;\npid {tmp / 'nginx' / 'nginx.pid'};\n"
        f"error_log {tmp / 'nginx' / 'error.log'} info;\n"
        "events { worker_connections 64; }\n"
        "http {\n"
        "    include /etc/nginx/mime.types;\n"
        "    default_type application/octet-stream;\n"
        f"    access_log {tmp / 'nginx' / 'access.log'};\n"
        f"{temp_paths}"
        f"    include {tmp / 'nginx' / 'kfq.conf'};\n"
        "}\n"
    )


def server_env(tmp: Path, database_url: str, gunicorn_port: int) -> dict:
    dropped = ("KFQ_", "DATABASE_URL", "DJANGO_")
    clean = {k: v for k, v in os.environ.items() if not k.startswith(dropped)}
    return {
        **clean,
        "DJANGO_SETTINGS_MODULE": "kfq_site.settings",
        "KFQ_VENV_PYTHON": sys.executable,
        "KFQ_DEBUG": "false",
        "KFQ_SECRET_KEY": secrets.token_urlsafe(50),
        "KFQ_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "KFQ_HTTPS": "true",
        "KFQ_MEDIA_ACCEL_REDIRECT": "/protected-media/",
        "KFQ_TRUST_X_REAL_IP": "true",
        "DATABASE_URL": database_url,
        "KFQ_STATIC_ROOT": str(tmp / "static"),
        "KFQ_MEDIA_ROOT": str(tmp / "media"),
        "KFQ_BIND": f"127.0.0.1:{gunicorn_port}",
        "KFQ_WORKERS": "2",
    }


def stop(process: subprocess.Popen, *, group: bool):
    if process.poll() is None:
        if group:
            os.killpg(process.pid, signal.SIGTERM)
        else:
            process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL) if group else process.kill()
            process.wait()


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Site:
    if not os.access(NGINX, os.X_OK):
        pytest.fail(f"{NGINX} not found: scripts/install-system-deps.sh installs nginx")
    tmp = tmp_path_factory.mktemp("nginx-site")
    (tmp / "nginx").mkdir()
    gunicorn_port, http_port, https_port = free_port(), free_port(), free_port()
    database_url, drop_database = fresh_database(tmp)
    env = server_env(tmp, database_url, gunicorn_port)
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1"]
        + ["-nodes", "-days", "1", "-subj", "/CN=127.0.0.1"]
        + ["-keyout", str(tmp / "key.pem"), "-out", str(tmp / "cert.pem")],
        check=True,
        capture_output=True,
    )
    (tmp / "nginx" / "kfq.conf").write_text(
        nginx_server_block(
            tmp=tmp, gunicorn_port=gunicorn_port, http_port=http_port, https_port=https_port
        )
    )
    (tmp / "nginx" / "nginx.conf").write_text(nginx_main_conf(tmp))

    with open(tmp / "serve.log", "wb") as serve_log, open(tmp / "nginx.log", "wb") as nginx_log:
        # A session of its own: the script, gunicorn and the mail worker stop as one group.
        server = subprocess.Popen(
            ["scripts/serve.sh"],
            cwd=PROJECT,
            env=env,
            stdout=serve_log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        nginx = subprocess.Popen(
            [NGINX, "-p", str(tmp / "nginx"), "-c", str(tmp / "nginx" / "nginx.conf")]
            + ["-e", str(tmp / "nginx" / "error.log")],
            stdout=nginx_log,
            stderr=subprocess.STDOUT,
        )
        try:
            both = (server, nginx)
            wait_for(
                lambda: fetch(gunicorn_port, "/healthz", tls=False).status == 200,
                "gunicorn",
                both,
                tmp,
            )
            wait_for(lambda: fetch(https_port, "/healthz").status == 200, "nginx", both, tmp)
            made = subprocess.run(
                [sys.executable, "-m", "tests.deploy.site_data"],
                cwd=PROJECT,
                env=env,
                capture_output=True,
                text=True,
                check=False,
            )
            assert made.returncode == 0, made.stderr
            yield Site(
                http_port=http_port,
                https_port=https_port,
                gunicorn_port=gunicorn_port,
                media_root=tmp / "media",
                data=json.loads(made.stdout.strip().splitlines()[-1]),
                logs=tmp,
            )
        finally:
            stop(nginx, group=False)
            stop(server, group=True)
            drop_database()


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


def log_in(site, username: str, password: str, headers=None) -> Answer:
    """POST the login form over HTTPS, as a browser would (CSRF cookie, token and Referer)."""
    form = fetch(site.https_port, "/accounts/login/")
    csrf = SimpleCookie(form.headers["Set-Cookie"])["csrftoken"].value
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
    return fetch(
        site.https_port,
        "/accounts/login/",
        method="POST",
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={csrf}",
            "Referer": f"https://127.0.0.1:{site.https_port}/accounts/login/",
            **(headers or {}),
        },
        body=urllib.parse.urlencode(
            {"csrfmiddlewaretoken": token, "username": username, "password": password}
        ),
    )


def logged_in_cookies(site) -> str:
    answer = log_in(site, site.data["username"], site.data["password"])
    assert answer.status == 302, answer.text
    cookies = SimpleCookie()
    for header in answer.headers.get_all("Set-Cookie"):
        cookies.load(header)
    return f"sessionid={cookies['sessionid'].value}"


def test_a_client_cannot_dodge_the_login_lockout_by_claiming_another_address(site):
    # Failures sent with a made-up X-Real-IP: nginx replaces it with the address it saw, so
    # they count against this client, whose next login is refused even with the right password.
    # Were the client's header believed, the lockout would hit 203.0.113.9 and this one pass.
    username = site.data["lockout_username"]
    for _ in range(5):
        failed = log_in(site, username, "wrong-password", headers={"X-Real-IP": "203.0.113.9"})
        assert failed.status in (200, 429)

    answer = log_in(site, username, site.data["password"])

    assert answer.status == 429
    assert "sessionid" not in (answer.headers["Set-Cookie"] or "")


def test_a_drafts_photo_reaches_its_author_and_no_shared_cache(site):
    answer = fetch(
        site.https_port, site.data["draft_photo_url"], headers={"Cookie": logged_in_cookies(site)}
    )

    assert answer.status == 200
    assert answer.body == (site.media_root / site.data["draft_photo"]).read_bytes()
    assert "private" in answer.headers["Cache-Control"]


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


@pytest.mark.browser
def test_in_chromium_the_page_is_styled_and_its_photo_shown(site, browser, screenshot):
    context = browser.new_context(
        ignore_https_errors=True, viewport={"width": 1280, "height": 900}, locale="zh-CN"
    )
    try:
        page = context.new_page()
        failed = []
        page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
        base = f"https://127.0.0.1:{site.https_port}"

        page.goto(base + site.data["published_url"])
        photo = page.locator(".story-photos img").first
        photo.scroll_into_view_if_needed()
        page.wait_for_function(
            "img => img.complete && img.naturalWidth > 0", arg=photo.element_handle()
        )

        # site.css came through nginx: the masthead wears the site's red.
        masthead = page.locator(".masthead").evaluate("a => getComputedStyle(a).color")
        assert masthead == "rgb(164, 22, 26)"
        assert failed == []
        screenshot(page, "nginx-article-with-photo.png")

        page.goto(base + site.data["published_photo_url"])
        screenshot(page, "nginx-photo.png", full_page=False)
        page.goto(base + "/admin/login/")
        screenshot(page, "nginx-admin-login.png", full_page=False)
        assert failed == []

        # What a correspondent sees when a too large photo gets past the form's own check.
        page.set_content(
            f'<form method="post" enctype="multipart/form-data" action="{base}/submit/">'
            '<input type="file" name="photo"><button>投稿</button></form>'
        )
        page.set_input_files(
            "input",
            files=[{"name": "大图.jpg", "mimeType": "image/jpeg", "buffer": b"0" * 11 * MB}],
        )
        page.click("button")
        expect(page.locator("h1")).to_contain_text("图片超过 10 MB")
        assert page.locator(".masthead").evaluate("a => getComputedStyle(a).color") == masthead
        screenshot(page, "nginx-413.png", full_page=False)
    finally:
        context.close()


@pytest.mark.browser
def test_back_from_the_413_page_the_typed_story_is_still_in_the_form(
    site, browser, screenshot, tmp_path
):
    # The 413 page promises that the browser's 返回 keeps what was typed. It is reached only
    # without JavaScript (static/js/photo-size.js clears a too large choice before any upload),
    # so the journey runs with JavaScript off, as a browser that did not load the script would.
    context = browser.new_context(
        ignore_https_errors=True,
        viewport={"width": 1280, "height": 900},
        locale="zh-CN",
        java_script_enabled=False,
    )
    try:
        page = context.new_page()
        base = f"https://127.0.0.1:{site.https_port}"
        page.goto(base + "/accounts/login/")
        page.fill("#id_username", site.data["username"])
        page.fill("#id_password", site.data["password"])
        page.get_by_role("button", name="登录").click()
        page.goto(base + "/submit/")
        title = "产业园二期今天开工"
        body = "开发区新建的产业园二期今天开工，首批十二家企业签约入驻。" * 15
        page.fill("#id_title", title)
        page.fill("#id_body", body)
        page.fill("#id_photo_caption", "产业园二期开工现场")
        page.fill("#id_photo_credit", "通讯员摄")
        too_large = tmp_path / "现场大图.jpg"
        too_large.write_bytes(secrets.token_bytes(11 * MB))
        page.set_input_files("#id_photo", too_large)

        with page.expect_response(lambda r: r.request.method == "POST") as posted:
            page.get_by_role("button", name="投稿").click()

        assert posted.value.status == 413
        expect(page.locator("h1")).to_have_text("图片超过 10 MB，这次没有提交成功")
        expect(page.locator("main")).to_contain_text("刚才填写的文字仍在表单里")

        page.go_back()

        expect(page.locator("h1")).to_have_text("投稿")
        assert page.input_value("#id_title") == title
        assert page.input_value("#id_body") == body
        assert page.input_value("#id_photo_caption") == "产业园二期开工现场"
        screenshot(page, "nginx-back-from-413.png")

        # Chromium also keeps the 11 MB photo chosen, so the page asks for another one; with a
        # smaller photo the typed story is saved whole.
        assert page.eval_on_selector("#id_photo", "input => input.files[0].size") == 11 * MB
        from tests.articles_tests.photo_files import jpeg_bytes

        small = tmp_path / "现场.jpg"
        small.write_bytes(jpeg_bytes())
        page.set_input_files("#id_photo", small)
        page.get_by_role("button", name="保存草稿").click()

        expect(page.get_by_text("稿件已保存为草稿。")).to_be_visible()
        expect(page.locator("h1")).to_contain_text(title)
        expect(page.locator("main")).to_contain_text(body)
    finally:
        context.close()
