"""The public certificate check: anyone may look a number up; it shows only what the
certificate says."""

import datetime

import pytest
from django.urls import reverse

from awards import services
from awards.models import Award
from tests.factories import make_editor

from .helpers import YEAR, year_of_contributors

pytestmark = pytest.mark.django_db


@pytest.fixture
def award():
    best = year_of_contributors(2)[0]
    best.phone, best.email = "0351-1234567", "secret@example.cn"
    best.save()
    services.fix_awards(year=YEAR, by=make_editor(), issued_on=datetime.date(2025, 1, 10))
    return Award.objects.get(contributor=best)


def test_the_page_shows_name_zone_year_and_award_only(client, award):
    response = client.get(reverse("awards:certificate", args=[award.number]))

    html = response.content.decode()
    assert response.status_code == 200
    assert "此证书真实有效" in html
    for shown in (award.number, award.name, award.zone_name, f"{YEAR}年度", "优秀撰稿人"):
        assert shown in html
    for hidden in ("0351-1234567", "secret@example.cn", "得分", str(award.score)):
        assert hidden not in html


def test_an_unknown_number_is_a_chinese_404(client, award):
    response = client.get(reverse("awards:certificate", args=["KFQ-2024-YXZG-99"]))

    assert response.status_code == 404
    html = response.content.decode()
    assert "没有编号为“KFQ-2024-YXZG-99”的证书" in html
    assert award.name not in html


def test_the_form_finds_a_number_typed_in_lower_case_with_spaces(client, award):
    response = client.get(
        reverse("awards:certificate_lookup"), {"number": f"  {award.number.lower()} "}
    )

    assert response.status_code == 302
    assert response.url == reverse("awards:certificate", args=[award.number])


def test_the_form_explains_a_malformed_number(client):
    response = client.get(reverse("awards:certificate_lookup"), {"number": "12345"})

    assert response.status_code == 200
    assert "编号的格式应为 KFQ-年份-YXZG-序号" in response.content.decode()


def test_the_empty_form_is_just_the_form(client):
    response = client.get(reverse("awards:certificate_lookup"))
    assert response.status_code == 200
    assert "证书核验" in response.content.decode()
    assert "格式应为" not in response.content.decode()


def test_a_revoked_certificate_says_so_and_no_longer_names_anyone(client, award):
    services.revoke_awards(year=YEAR, by=make_editor())

    response = client.get(reverse("awards:certificate", args=[award.number]))

    html = response.content.decode()
    assert "已撤销，不再有效" in html
    assert award.name not in html and "真实有效" not in html
