"""Several app servers, one archive: the site as issue 12 runs it, started for a test.

start_cluster() starts, on free loopback ports and under one tmp folder: a fresh database on
the run's PostgreSQL server, optionally Debian's redis-server (no persistence) as the shared
cache, N gunicorn nodes from deploy/gunicorn.conf.py sharing the database, the cache, the
secret key and the media folder, and Debian's nginx with the server block we ship, its upstream
listing every node. Everything it started is stopped on exit, also when a test failed.
"""

import contextlib
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest

from tests.deploy.served_site import (
    NGINX,
    PROJECT,
    SHIPPED_LISTEN,
    SHIPPED_PATHS,
    fetch,
    free_port,
    fresh_database,
    nginx_main_conf,
    stop,
    wait_for,
)

REDIS = "/usr/bin/redis-server"
# The one upstream server line deploy/nginx.conf ships; the test puts one line per node there.
SHIPPED_UPSTREAM_SERVER = re.compile(r"^    server 127\.0\.0\.1:8000( [^;]*)?;$", re.MULTILINE)


@dataclass
class Node:
    name: str
    port: int
    env: dict
    log: Path
    process: subprocess.Popen | None = None

    def start(self):
        with open(self.log, "ab") as log:
            # A session of its own: the master and its workers are one process group, killed
            # together as a crashed machine would lose them.
            self.process = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py"],
                cwd=PROJECT,
                env={**self.env, "KFQ_BIND": f"127.0.0.1:{self.port}"},
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def kill(self):
        """SIGKILL to the master and every worker at once: no graceful shutdown."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)

    def is_up(self) -> bool:
        return fetch(self.port, "/healthz", tls=False).status == 200


@dataclass
class Cluster:
    nginx_port: int
    nodes: list[Node]
    database_url: str
    data: dict
    logs: Path

    def wait_until_up(self, node: Node):
        wait_for(node.is_up, f"gunicorn {node.name}", [node.process], self.logs, timeout=60)


def nginx_server_block(
    *, tmp: Path, static_root: Path, node_ports: list[int], http_port: int
) -> str:
    shipped = (PROJECT / "deploy" / "nginx.conf").read_text()
    for known in (SHIPPED_LISTEN, *SHIPPED_PATHS):
        assert known in shipped, f"deploy/nginx.conf no longer holds {known!r}"
    server_line = SHIPPED_UPSTREAM_SERVER.search(shipped)
    assert server_line, "deploy/nginx.conf no longer has the upstream's server 127.0.0.1:8000"
    parameters = server_line.group(1) or ""
    servers = "\n".join(f"    server 127.0.0.1:{port}{parameters};" for port in node_ports)
    return (
        SHIPPED_UPSTREAM_SERVER.sub(servers, shipped, count=1)
        .replace(SHIPPED_LISTEN, f"    listen 127.0.0.1:{http_port};\n")
        .replace("/srv/kfq/var/static/", f"{static_root}/")
        .replace("/srv/kfq/var/media/", f"{tmp / 'media'}/")
        .replace("/srv/kfq/deploy/errors/", f"{PROJECT / 'deploy' / 'errors'}/")
    )


def redis_answers(port: int) -> bool:
    with socket.create_connection(("127.0.0.1", port), timeout=2) as connection:
        connection.sendall(b"PING\r\n")
        return connection.recv(16).startswith(b"+PONG")


def node_env(
    tmp: Path, *, database_url: str, static_root: Path, cache_url: str = "", workers: int = 1
) -> dict:
    dropped = ("KFQ_", "DATABASE_URL", "DJANGO_")
    clean = {k: v for k, v in os.environ.items() if not k.startswith(dropped)}
    env = {
        **clean,
        "DJANGO_SETTINGS_MODULE": "kfq_site.settings",
        "KFQ_DEBUG": "false",
        # Shared by every node: a session or CSRF cookie made on one is good on the others.
        "KFQ_SECRET_KEY": secrets.token_urlsafe(50),
        "KFQ_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": database_url,
        "KFQ_STATIC_ROOT": str(static_root),
        "KFQ_MEDIA_ROOT": str(tmp / "media"),
        "KFQ_PAGE_CACHE_SECONDS": "86400",
        "KFQ_WORKERS": str(workers),
    }
    if cache_url:
        env["KFQ_CACHE_URL"] = cache_url
    return env


def manage(env: dict, *args: str, module: str = "") -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", module] if module else [sys.executable, "manage.py", *args]
    done = subprocess.run(
        command, cwd=PROJECT, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, f"{' '.join(command)}:\n{done.stdout}\n{done.stderr}"
    return done


@dataclass
class Prepared:
    """What every cluster of a run starts from, made once: migrating takes a while."""

    database_url: str  # migrated, copied for each cluster, never served itself
    static_root: Path  # collectstatic's output, which the nodes only read


@contextlib.contextmanager
def prepare(tmp: Path):
    """Yield a migrated database and the static files; drop the database on exit."""
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        pytest.fail("tests/cluster needs PostgreSQL: several nodes share one database server")
    database_url, drop_database = fresh_database(tmp)
    try:
        env = node_env(tmp, database_url=database_url, static_root=tmp / "static")
        manage(env, "migrate", "--noinput")
        manage(env, "collectstatic", "--noinput", "--verbosity", "0")
        yield Prepared(database_url=database_url, static_root=tmp / "static")
    finally:
        drop_database()


def database_copy(template_url: str):
    """A new database holding what template_url holds, and how to drop it afterwards."""
    template = urllib.parse.urlsplit(template_url)
    name = f"kfq_cluster_{secrets.token_hex(4)}"
    with psycopg.connect(template_url, autocommit=True) as admin:
        # A template must have no other connection while it is copied; after prepare() none has.
        admin.execute(f"CREATE DATABASE {name} TEMPLATE {template.path.lstrip('/')}")

    def drop():
        with psycopg.connect(template_url, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    return template._replace(path=f"/{name}").geturl(), drop


@contextlib.contextmanager
def start_cluster(tmp: Path, prepared: Prepared, *, nodes: int, workers: int, with_redis: bool):
    """Yield a running Cluster; stop everything and drop its database on exit."""
    for program in (NGINX, REDIS):
        if not os.access(program, os.X_OK):
            pytest.fail(f"{program} not found: scripts/install-system-deps.sh installs it")
    (tmp / "nginx").mkdir()
    (tmp / "redis").mkdir()
    with contextlib.ExitStack() as cleanup:
        database_url, drop_database = database_copy(prepared.database_url)
        cleanup.callback(drop_database)
        cache_url = ""
        if with_redis:
            redis_port = free_port()
            redis_log = cleanup.enter_context(open(tmp / "redis.log", "wb"))
            redis = subprocess.Popen(
                [REDIS, "--port", str(redis_port), "--bind", "127.0.0.1", "--save", ""]
                + ["--appendonly", "no", "--dir", str(tmp / "redis")],
                stdout=redis_log,
                stderr=subprocess.STDOUT,
            )
            cleanup.callback(stop, redis, group=False)
            wait_for(lambda: redis_answers(redis_port), "redis-server", [redis], tmp, 30)
            cache_url = f"redis://127.0.0.1:{redis_port}/0"

        env = node_env(
            tmp,
            database_url=database_url,
            static_root=prepared.static_root,
            cache_url=cache_url,
            workers=workers,
        )
        data = json.loads(
            manage(env, module="tests.cluster.cluster_data").stdout.strip().splitlines()[-1]
        )

        started = [
            Node(name=chr(ord("A") + n), port=free_port(), env=env, log=tmp / f"node-{n}.log")
            for n in range(nodes)
        ]
        for node in started:
            node.start()
            cleanup.callback(lambda node=node: stop(node.process, group=True))

        http_port = free_port()
        (tmp / "nginx" / "kfq.conf").write_text(
            nginx_server_block(
                tmp=tmp,
                static_root=prepared.static_root,
                node_ports=[node.port for node in started],
                http_port=http_port,
            )
        )
        (tmp / "nginx" / "nginx.conf").write_text(
            nginx_main_conf(tmp).replace("worker_connections 64", "worker_connections 512")
        )
        nginx_log = cleanup.enter_context(open(tmp / "nginx.log", "wb"))
        nginx = subprocess.Popen(
            [NGINX, "-p", str(tmp / "nginx"), "-c", str(tmp / "nginx" / "nginx.conf")]
            + ["-e", str(tmp / "nginx" / "error.log")],
            stdout=nginx_log,
            stderr=subprocess.STDOUT,
        )
        cleanup.callback(stop, nginx, group=False)

        cluster = Cluster(
            nginx_port=http_port, nodes=started, database_url=database_url, data=data, logs=tmp
        )
        for node in started:
            cluster.wait_until_up(node)
        wait_for(
            lambda: fetch(http_port, "/healthz", tls=False).status == 200, "nginx", [nginx], tmp
        )
        yield cluster


def wait_gone(node: Node, timeout: float = 10.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            fetch(node.port, "/healthz", tls=False)
        except OSError:
            return
        time.sleep(0.1)
    pytest.fail(f"gunicorn {node.name} still answers after SIGKILL")
