"""导入版面 is for editors only: every role tried on every page of it."""

import pytest
from django.urls import reverse

from articles.models import Article
from importer.models import StagedImport
from tests.error_pages import FORBIDDEN_TEXT
from tests.factories import make_editor
from tests.roles import ROLES

from .admin_uploads import seed_file, upload
from .helpers import PAGE_000, load_zones

pytestmark = pytest.mark.django_db

OK, FORBIDDEN, REDIRECT, ADMIN_LOGIN = 200, 403, 302, "admin_login"
# anonymous, correspondent, staff without the 编辑 group, editor, superuser
EDITORS_ONLY = [ADMIN_LOGIN, ADMIN_LOGIN, FORBIDDEN]
PAGES = [
    ("changelist", "get", "上传并预览", [*EDITORS_ONLY, OK, OK]),
    ("changelist", "post", None, [*EDITORS_ONLY, REDIRECT, REDIRECT]),
    ("preview", "get", "确认导入 1 个版面", [*EDITORS_ONLY, OK, OK]),
    ("confirm", "post", None, [*EDITORS_ONLY, REDIRECT, REDIRECT]),
    ("step", "post", None, [*EDITORS_ONLY, OK, OK]),
    ("cancel", "post", None, [*EDITORS_ONLY, REDIRECT, REDIRECT]),
    ("result", "get", None, [*EDITORS_ONLY, REDIRECT, REDIRECT]),
]


@pytest.mark.parametrize(("view", "method", "says", "expected"), PAGES, ids=lambda v: str(v))
@pytest.mark.parametrize("role", ROLES)
def test_access(client, people, role, view, method, says, expected):
    load_zones()
    # Each editor sees their own uploads only: the upload tried is the role's own, where the
    # role may have one at all.
    owner = people[role] if role in ("editor", "superuser") else make_editor("uploader")
    client.force_login(owner)
    upload(client, seed_file(PAGE_000))
    staged = StagedImport.objects.get()
    client.logout()
    if people[role]:
        client.force_login(people[role])

    args = [] if view == "changelist" else [staged.pk]
    url = reverse(f"admin:importer_stagedimport_{view}", args=args)
    if view == "changelist" and method == "post":
        response = upload(client, seed_file(PAGE_000))
    else:
        response = getattr(client, method)(url)

    want = expected[ROLES.index(role)]
    if want == ADMIN_LOGIN:
        assert response.status_code == 302 and response.url.startswith(reverse("admin:login"))
    else:
        assert response.status_code == want
    if want == FORBIDDEN:
        assert FORBIDDEN_TEXT in response.content.decode()
    if says:
        assert (says in response.content.decode()) == (want == OK)
    if want in (ADMIN_LOGIN, FORBIDDEN):
        # A refused request writes nothing and keeps nothing.
        assert not Article.objects.exists()
        assert StagedImport.objects.count() == 1
        assert StagedImport.objects.get().confirmed_at is None


def test_the_admin_index_shows_the_import_page_to_editors_only(client, people):
    client.force_login(people["staff"])
    assert "导入版面" not in client.get(reverse("admin:index")).content.decode()
    client.force_login(people["editor"])
    html = client.get(reverse("admin:index")).content.decode()
    assert "导入版面" in html
    assert reverse("admin:importer_stagedimport_changelist") in html
