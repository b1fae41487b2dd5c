"""Plain helpers for the tests of the admin's 导入版面: files to upload and the posts."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from .helpers import seed_path

UPLOAD_URL = "admin:importer_stagedimport_changelist"
ISSUE_DATE = "2031-03-04"


def seed_file(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, seed_path(name).read_bytes(), content_type="text/plain")


def text_file(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="text/plain")


def zip_file(name: str, members: dict[str, bytes]) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, data in members.items():
            archive.writestr(member, data)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="application/zip")


def upload(client, *files, follow=False, **details):
    """Post the upload form: the files, and the issue details (a date unless told otherwise)."""
    data = {"issue_date": ISSUE_DATE, "first_page": "1", **details}
    data["files"] = list(files)
    return client.post(reverse(UPLOAD_URL), data, follow=follow)


def preview_url(staged) -> str:
    return reverse("admin:importer_stagedimport_preview", args=[staged.pk])


def confirm_url(staged) -> str:
    return reverse("admin:importer_stagedimport_confirm", args=[staged.pk])


def step_url(staged) -> str:
    return reverse("admin:importer_stagedimport_step", args=[staged.pk])


def result_url(staged) -> str:
    return reverse("admin:importer_stagedimport_result", args=[staged.pk])


def cancel_url(staged) -> str:
    return reverse("admin:importer_stagedimport_cancel", args=[staged.pk])
