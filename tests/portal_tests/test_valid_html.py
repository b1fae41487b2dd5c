"""The portal's pages are valid HTML, as the W3C Nu HTML checker (vnu.jar) reads them.

Each page is fetched with the Django test client in the states a correspondent meets (empty and
refused forms, a piece in each stage, the proof, the password pages), written to a file, and all
files go to ONE run of vnu.jar (node_modules/vnu-jar, pinned in package.json): the JVM takes
seconds to start. Errors fail the test; warnings are printed.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from articles.models import Status
from tests.factories import make_article, make_correspondent, make_issue
from tests.portal_tests.helpers import form_data, make_call
from tests.search_tests.near_copy_texts import ZONE_A_BODY, ZONE_A_TITLE, ZONE_B_BODY, ZONE_B_TITLE

pytestmark = pytest.mark.django_db

NODE_MODULES = Path(__file__).resolve().parents[2] / "node_modules"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"


def fetched(client, url, data=None):
    response = client.post(url, data) if data is not None else client.get(url)
    assert response.status_code == 200, f"{url}: {response.status_code}"
    return response.content.decode()


def portal_pages(client) -> dict[str, str]:
    """Page name -> HTML, for every portal page a correspondent can open."""
    call = make_call()
    author = make_correspondent(name="麻洁琼")
    pieces = {
        status: make_article(
            status=status,
            authors=[author.contributor],
            zone=author.contributor.zone,
            title=f"介休经开区重点项目集中开工（{status.label}）",
            manuscript_number=f"KFQ-2026-{number:04d}",
        )
        for number, status in enumerate(
            [Status.DRAFT, Status.SUBMITTED, Status.REVISION, Status.WITHDRAWN, Status.SCHEDULED],
            start=1,
        )
    }
    published = make_article(
        status=Status.PUBLISHED,
        authors=[author.contributor],
        zone=author.contributor.zone,
        issue=make_issue(number=12),
        page=2,
        title="介休经开区8个重点项目集中开工",
        manuscript_number="KFQ-2026-0009",
    )
    uid = urlsafe_base64_encode(force_bytes(author.pk))
    token = default_token_generator.make_token(author)

    pages = {
        "login": fetched(client, reverse("login")),
        "login-refused": fetched(client, reverse("login"), {"username": "x", "password": "y"}),
        "password-reset": fetched(client, reverse("password_reset")),
        "password-reset-done": fetched(client, reverse("password_reset_done")),
        "password-reset-complete": fetched(client, reverse("password_reset_complete")),
    }
    # The confirm link redirects once to a URL without the token, which then shows the form.
    confirm = client.get(reverse("password_reset_confirm", args=[uid, token]))
    pages["password-reset-confirm"] = fetched(client, confirm.url)

    client.force_login(author)
    submit, zone = reverse("portal:submit"), author.contributor.zone
    pages |= {
        "submit": fetched(client, submit),
        "submit-refused": fetched(client, submit, form_data(call, zone, title="", submit="1")),
        "my": fetched(client, reverse("portal:my_submissions")),
        "withdraw": fetched(client, reverse("portal:withdraw", args=[pieces[Status.SUBMITTED].pk])),
        "withdraw-refused": fetched(
            client, reverse("portal:withdraw", args=[pieces[Status.SUBMITTED].pk]), {"reason": ""}
        ),
        "proof": fetched(client, reverse("portal:proof", args=[published.pk])),
        "published-list": fetched(
            client, reverse("portal:published_list", args=[published.issue.date.year])
        ),
        "mail-settings": fetched(client, reverse("portal:mail_settings")),
        "password-change": fetched(client, reverse("password_change")),
        "password-change-done": fetched(client, reverse("password_change_done")),
    }
    for status, piece in pieces.items():
        pages[f"my-{status}"] = fetched(client, reverse("portal:my_submission", args=[piece.pk]))
    pages["my-published"] = fetched(client, reverse("portal:my_submission", args=[published.pk]))
    for status in (Status.DRAFT, Status.REVISION):
        revise = reverse("portal:revise", args=[pieces[status].pk])
        pages[f"revise-{status}"] = fetched(client, revise)
    # A draft nearly the same as a published piece: the form carries the warning.
    make_article(title=ZONE_A_TITLE, body=ZONE_A_BODY)
    near_copy = make_article(
        status=Status.DRAFT, authors=[author.contributor], title=ZONE_B_TITLE, body=ZONE_B_BODY
    )
    pages["revise-near-copy"] = fetched(client, reverse("portal:revise", args=[near_copy.pk]))
    assert 'id="similar-warning"' in pages["revise-near-copy"]
    return pages


def nu_messages(files: list[Path]) -> list[dict]:
    """The Nu checker's messages about the files, from one java run."""
    java = shutil.which("java")
    if java is None:
        pytest.fail("java not found: install default-jre-headless (scripts/install-system-deps.sh)")
    if not VNU.exists():
        pytest.fail(f"{VNU} is missing: run `make node-deps` (npm ci)", pytrace=False)
    run = subprocess.run(
        [java, "-jar", str(VNU), "--format", "json", "--exit-zero-always", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    # vnu writes its report to stderr.
    return json.loads(run.stderr)["messages"]


def describe(message: dict) -> str:
    where = Path(message.get("url", "")).name
    line = message.get("lastLine", "?")
    extract = message.get("extract", "").replace("\n", " ").strip()
    return f"{where}:{line}: {message['message']}\n    {extract}"


# A page with one known error goes into the same run: a checker that read nothing (a wrong
# path, a changed report format) would otherwise pass every page.
CONTROL = '<!doctype html><html lang="zh-Hans"><title>对照</title><img src="x.jpg"></html>'


def test_the_portal_pages_are_valid_html(client, tmp_path):
    control = tmp_path / "control.html"
    control.write_text(CONTROL, encoding="utf-8")
    files = [control]
    for name, html in portal_pages(client).items():
        path = tmp_path / f"{name}.html"
        path.write_text(html, encoding="utf-8")
        files.append(path)

    messages = nu_messages(files)

    control_errors = [m for m in messages if m.get("url", "").endswith("/control.html")]
    assert [m["message"] for m in control_errors if m["type"] == "error"] == [
        "An “img” element must have an “alt” attribute, except under certain conditions. "
        "For details, consult guidance on providing text alternatives for images."
    ]
    messages = [m for m in messages if m not in control_errors]
    warnings = [m for m in messages if m.get("subType") == "warning"]
    errors = [m for m in messages if m["type"] in {"error", "non-document-error"}]
    for warning in warnings:
        print("Nu warning:", describe(warning))
    assert not errors, f"Nu checker: {len(errors)} errors\n" + "\n".join(map(describe, errors))
