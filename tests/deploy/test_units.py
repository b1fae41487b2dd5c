"""The systemd units and the gunicorn config name things that exist, and agree with nginx.conf."""

import configparser
import getpass
import multiprocessing
import re
import runpy
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import get_commands

PROJECT = Path(__file__).resolve().parents[2]
DEPLOY = PROJECT / "deploy"
UNITS = ["kfq.service", "kfq-mail.service", "kfq-fetch-mail.service"]
SITE = "/srv/kfq"


def unit(name: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str
    # systemd repeats keys (ExecStartPre); configparser keeps the last, which is enough here.
    parser.read_string((DEPLOY / name).read_text())
    return parser


def exec_lines(name: str) -> list[list[str]]:
    text = (DEPLOY / name).read_text()
    return [shlex.split(line) for line in re.findall(r"^Exec\w+=(.+)$", text, re.M)]


@pytest.mark.parametrize("name", UNITS)
def test_a_unit_runs_the_site_as_kfq_from_srv_kfq_with_the_env_file(name):
    service = unit(name)["Service"]

    assert service["User"] == "kfq"
    assert service["WorkingDirectory"] == SITE
    assert service["EnvironmentFile"] == "/etc/kfq/kfq.env"
    assert service["Restart"] == "on-failure"
    assert service["ReadWritePaths"] == f"{SITE}/var"


@pytest.mark.parametrize("name", UNITS)
def test_every_command_a_unit_runs_exists(name):
    for command in exec_lines(name):
        program = command[0]
        if program.startswith(f"{SITE}/.venv/bin/"):
            assert (Path(sys.executable).parent / Path(program).name).exists(), program
        else:
            assert Path(program).exists(), program
        if "manage.py" in command:
            assert command[command.index("manage.py") + 1] in get_commands(), command
        if "-c" in command:
            config = command[command.index("-c") + 1]
            assert (PROJECT / Path(config).relative_to(SITE)).exists(), config


def test_the_web_unit_runs_gunicorn_with_the_repos_config_and_the_mail_units_their_workers():
    assert exec_lines("kfq.service")[-2][-2:] == ["-c", f"{SITE}/deploy/gunicorn.conf.py"]
    assert exec_lines("kfq-mail.service") == [
        [f"{SITE}/.venv/bin/python", "manage.py", "send_mail", "--loop"]
    ]
    assert exec_lines("kfq-fetch-mail.service") == [
        [f"{SITE}/.venv/bin/python", "manage.py", "fetch_submissions", "--every", "60"]
    ]


def test_nginx_serves_the_folders_the_site_writes_and_proxies_to_gunicorns_address():
    nginx = (DEPLOY / "nginx.conf").read_text()
    gunicorn = runpy.run_path(str(DEPLOY / "gunicorn.conf.py"))

    # STATIC_ROOT and MEDIA_ROOT default to var/static and var/media below the code.
    assert f"alias {SITE}/var/static/;" in nginx
    assert f"alias {SITE}/var/media/;" in nginx
    assert f"alias {SITE}/deploy/errors/;" in nginx and (DEPLOY / "errors" / "413.html").exists()
    # The upstream's one server line, with its passive health check parameters after it.
    assert f"\n    server {gunicorn['bind'][0]} max_fails=" in nginx


def test_nginx_passes_a_dead_nodes_requests_on_but_never_a_submission_twice():
    directives = [
        line.split("#")[0].strip() for line in (DEPLOY / "nginx.conf").read_text().splitlines()
    ]

    assert "proxy_next_upstream error timeout http_502 http_503;" in directives
    # With non_idempotent nginx would resend a POST the dead node may already have saved.
    assert not any("non_idempotent" in directive for directive in directives)


def test_gunicorns_workers_follow_the_cpu_count_unless_kfq_workers_says(monkeypatch):
    monkeypatch.delenv("KFQ_WORKERS", raising=False)
    monkeypatch.delenv("KFQ_BIND", raising=False)
    default = runpy.run_path(str(DEPLOY / "gunicorn.conf.py"))
    monkeypatch.setenv("KFQ_WORKERS", "3")
    monkeypatch.setenv("KFQ_BIND", "127.0.0.1:9000")
    chosen = runpy.run_path(str(DEPLOY / "gunicorn.conf.py"))

    assert default["workers"] == 2 * multiprocessing.cpu_count() + 1
    assert default["bind"] == ["127.0.0.1:8000"]
    assert chosen["workers"] == 3 and chosen["bind"] == ["127.0.0.1:9000"]
    assert default["accesslog"] == "-" and default["errorlog"] == "-"


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="systemd-analyze not installed")
@pytest.mark.parametrize("name", UNITS)
def test_systemd_accepts_the_unit(tmp_path, name):
    # Checked here with this checkout, this virtualenv and this user in place of the server's.
    user = getpass.getuser()
    text = (
        (DEPLOY / name)
        .read_text()
        .replace(f"{SITE}/.venv/bin/", f"{Path(sys.executable).parent}/")
        .replace(SITE, str(PROJECT))
        .replace("User=kfq", f"User={user}")
        .replace("Group=kfq", f"Group={user}")
    )
    (tmp_path / name).write_text(text)

    result = subprocess.run(
        ["systemd-analyze", "verify", str(tmp_path / name)],
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == "", result.stderr
