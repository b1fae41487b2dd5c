"""Every awards URL for every role. Only the certificate check is public; everything else is
for editors: anonymous visitors and correspondents are sent to the admin login, staff outside
the 编辑 group get a 403."""

import datetime

import pytest
from django.urls import reverse

from awards import services
from awards.models import Award
from tests.error_pages import FORBIDDEN_TEXT
from tests.factories import make_editor
from tests.roles import ROLES

from .helpers import YEAR, year_of_contributors

pytestmark = pytest.mark.django_db

OK, FORBIDDEN, REDIRECT = 200, 403, 302
ADMIN_LOGIN = "admin_login"
XLSX = "PK\x03\x04"  # an .xlsx file is a zip archive
EDITORS_ONLY = [ADMIN_LOGIN, ADMIN_LOGIN, FORBIDDEN]

# url name, args (by name, filled in the test), method, what the page or file says when it
# opens, expected per role (in ROLES order)
MATRIX = [
    ("awards:certificate_lookup", [], "get", "证书与用稿证明核验", [OK] * 5),
    ("awards:certificate", ["number"], "get", "证书 KFQ-2024-YXZG-01", [OK] * 5),
    ("admin:awards_credit_changelist", [], "get", None, [*EDITORS_ONLY, REDIRECT, REDIRECT]),
    (
        "admin:awards_credit_year",
        ["year"],
        "get",
        "2024年度投稿人稿件清单和篇目",
        [*EDITORS_ONLY, OK, OK],
    ),
    (
        "admin:awards_credit_ranking",
        ["year"],
        "get",
        "2024年度优秀撰稿人评分排名",
        [*EDITORS_ONLY, OK, OK],
    ),
    ("admin:awards_credit_xlsx", ["year"], "get", XLSX, [*EDITORS_ONLY, OK, OK]),
    (
        "admin:awards_credit_csv",
        ["year", "sheet"],
        "get",
        "开发区,所在市,作者",
        [*EDITORS_ONLY, OK, OK],
    ),
    ("admin:awards_award_changelist", [], "get", "选择优秀撰稿人证书查看", [*EDITORS_ONLY, OK, OK]),
    ("admin:awards_award_certificate", ["award"], "get", "荣誉证书", [*EDITORS_ONLY, OK, OK]),
    ("admin:awards_award_letter", ["year", "zone"], "get", "表 扬 信", [*EDITORS_ONLY, OK, OK]),
    (
        "admin:awards_award_revoke",
        ["year"],
        "get",
        "撤销2024年度优秀撰稿人评定",
        [*EDITORS_ONLY, OK, OK],
    ),
    ("admin:awards_award_revoke", ["year"], "post", None, [*EDITORS_ONLY, REDIRECT, REDIRECT]),
    (
        "admin:awards_award_fix",
        ["next_year"],
        "get",
        "确定2025年度优秀撰稿人",
        [*EDITORS_ONLY, OK, OK],
    ),
    ("admin:awards_award_fix", ["next_year"], "post", None, [*EDITORS_ONLY, REDIRECT, REDIRECT]),
    ("admin:awards_rubric_changelist", [], "get", "评分办法", [*EDITORS_ONLY, OK, OK]),
    ("admin:awards_rubric_add", [], "get", "增加 评分办法", [*EDITORS_ONLY, OK, OK]),
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


@pytest.mark.parametrize(
    ("url_name", "args", "method", "says", "expected"),
    MATRIX,
    ids=[f"{row[0]}-{row[2]}" for row in MATRIX],
)
@pytest.mark.parametrize("role", ROLES)
def test_access(client, scene, people, role, url_name, args, method, says, expected):
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
    if want == FORBIDDEN:
        assert FORBIDDEN_TEXT in response.content.decode()
    elif want == OK:
        assert says.encode() in response.content
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
