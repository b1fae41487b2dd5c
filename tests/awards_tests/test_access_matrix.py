"""Every awards URL for every role. Only the certificate check is public; everything else is
for editors: anonymous visitors and correspondents are sent to the admin login, staff outside
the 编辑 group get a 403."""

import datetime

import pytest
from django.urls import reverse

from awards import services
from awards.models import Award
from tests.factories import make_correspondent, make_editor, make_user

from .helpers import YEAR, year_of_contributors

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "correspondent", "staff", "editor", "superuser"]
OK, FORBIDDEN, REDIRECT = 200, 403, 302
ADMIN_LOGIN = "admin_login"
EDITORS_ONLY = [ADMIN_LOGIN, ADMIN_LOGIN, FORBIDDEN]

# url name, args (by name, filled in the test), method, expected per role (in ROLES order)
MATRIX = [
    ("awards:certificate_lookup", [], "get", [OK] * 5),
    ("awards:certificate", ["number"], "get", [OK] * 5),
    ("admin:awards_credit_changelist", [], "get", [*EDITORS_ONLY, REDIRECT, REDIRECT]),
    ("admin:awards_credit_year", ["year"], "get", [*EDITORS_ONLY, OK, OK]),
    ("admin:awards_credit_ranking", ["year"], "get", [*EDITORS_ONLY, OK, OK]),
    ("admin:awards_credit_xlsx", ["year"], "get", [*EDITORS_ONLY, OK, OK]),
    ("admin:awards_credit_csv", ["year", "sheet"], "get", [*EDITORS_ONLY, OK, OK]),
    ("admin:awards_award_changelist", [], "get", [*EDITORS_ONLY, OK, OK]),
    ("admin:awards_award_certificate", ["award"], "get", [*EDITORS_ONLY, OK, OK]),
    ("admin:awards_award_letter", ["year", "zone"], "get", [*EDITORS_ONLY, OK, OK]),
    ("admin:awards_award_revoke", ["year"], "get", [*EDITORS_ONLY, OK, OK]),
    ("admin:awards_award_revoke", ["year"], "post", [*EDITORS_ONLY, REDIRECT, REDIRECT]),
    ("admin:awards_award_fix", ["next_year"], "post", [*EDITORS_ONLY, REDIRECT, REDIRECT]),
    ("admin:awards_rubric_changelist", [], "get", [*EDITORS_ONLY, OK, OK]),
    ("admin:awards_rubric_add", [], "get", [*EDITORS_ONLY, OK, OK]),
]


@pytest.fixture
def scene():
    year_of_contributors(2)
    year_of_contributors(2, year=YEAR + 1)
    services.fix_awards(year=YEAR, by=make_editor(), issued_on=datetime.date(2025, 1, 10))
    award = Award.objects.order_by("rank").first()
    return {
        "number": award.number,
        "year": YEAR,
        "next_year": YEAR + 1,
        "sheet": "pieces",
        "award": award.pk,
        "zone": award.zone_id,
    }


@pytest.fixture
def people():
    return {
        "anonymous": None,
        "correspondent": make_correspondent("corr"),
        "staff": make_user("staff_only", staff=True),
        "editor": make_editor("editor1"),
        "superuser": make_user("root", superuser=True),
    }


@pytest.mark.parametrize(
    ("url_name", "args", "method", "expected"),
    MATRIX,
    ids=[f"{row[0]}-{row[2]}" for row in MATRIX],
)
@pytest.mark.parametrize("role", ROLES)
def test_access(client, scene, people, role, url_name, args, method, expected):
    if people[role]:
        client.force_login(people[role])
    awards_before = list(Award.objects.values_list("pk", "revoked_at"))

    url = reverse(url_name, args=[scene[a] for a in args])
    if method == "post":
        response = client.post(url, {"confirm": "on", "issued_on": "2025-01-10"})
    else:
        response = client.get(url)

    want = expected[ROLES.index(role)]
    if want == ADMIN_LOGIN:
        assert response.status_code == 302 and response.url.startswith(reverse("admin:login"))
    else:
        assert response.status_code == want
    if method == "post" and want != REDIRECT:
        # A refused request writes nothing.
        assert list(Award.objects.values_list("pk", "revoked_at")) == awards_before
    if method == "post" and want == REDIRECT:
        assert list(Award.objects.values_list("pk", "revoked_at")) != awards_before


def test_the_admin_index_shows_the_awards_app_to_editors_only(client, people):
    client.force_login(people["staff"])
    assert "年度评选" not in client.get(reverse("admin:index")).content.decode()
    client.force_login(people["editor"])
    html = client.get(reverse("admin:index")).content.decode()
    assert "年度评选" in html and "投稿人稿件清单" in html and "评分办法" in html
