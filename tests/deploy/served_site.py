"""The site as an office runs it: Debian's nginx with deploy/nginx.conf in front of `make serve`.

serve() starts scripts/serve.sh (migrate, collectstatic with the production storage, gunicorn
with deploy/gunicorn.conf.py) on a fresh database of the run's kind (a SQLite file, or a new
database on the run's PostgreSQL server), and nginx with the server block we ship, its paths and
ports replaced (the only changes), on free loopback ports: plain HTTP, and HTTPS with a
throwaway certificate, as certbot would add it. The settings are production's: debug off,
KFQ_HTTPS, X-Accel-Redirect for photos, the client address from X-Real-IP. The tests in
tests/deploy/test_nginx_*.py share one such site (the `site` fixture in conftest.py) and talk to
it with fetch() and log_in() from here.
"""

import contextlib
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
        "KFQ_CACHE_DIR": str(tmp / "cache"),
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


@contextlib.contextmanager
def serve(tmp: Path):
    """Start the served site with its files under tmp; stop it and drop its database on exit."""
    if not os.access(NGINX, os.X_OK):
        pytest.fail(f"{NGINX} not found: scripts/install-system-deps.sh installs nginx")
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
