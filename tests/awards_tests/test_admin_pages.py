"""The editors' pages on the seed archive: the year's list, the ranking and its breakdown,
downloads, fixing the awards (and the refusal to fix twice), certificates, letters, rubric lock."""

import io
import re
from pathlib import Path

import openpyxl
import pytest
from django.conf import settings
from django.urls import reverse

from awards.models import Award, Rubric
from tests.error_pages import is_forbidden_page, is_not_found_page
from tests.factories import make_editor

pytestmark = pytest.mark.django_db

YEAR = 2023


@pytest.fixture
def editor(client):
    user = make_editor()
    client.force_login(user)
    return user


def fix(client, year=YEAR, follow=True):
    """Fixing as confirmed on its confirmation page (tests/editorial_tests/test_confirmations.py
    shows the page itself)."""
    return client.post(
        reverse("admin:awards_award_fix", args=[year]),
        {"issued_on": "2024-01-16", "confirm": "True"},
        follow=follow,
    )


def test_the_picker_opens_the_latest_year_or_the_chosen_one(client, seeded, editor):
    changelist = reverse("admin:awards_credit_changelist")
    assert client.get(changelist).url == reverse("admin:awards_credit_year", args=[2025])
    chosen = client.get(changelist, {"year": "2023"})
    assert chosen.url == reverse("admin:awards_credit_year", args=[2023])
    assert client.get(changelist, {"year": "1999"}).url.endswith("/2025/")


def test_the_year_list_shows_every_zone_contributor_and_piece(client, seeded, editor):
    html = client.get(reverse("admin:awards_credit_year", args=[YEAR])).content.decode()

    assert "2023年度投稿人稿件清单和篇目" in html
    assert "按作者登记的所在开发区归类" in html and "另有未署名稿件 1 篇" in html
    for zone in ("太原中北高新技术产业开发区", "沁源经济技术开发区", "盐湖高新技术产业开发区"):
        assert zone in html
    for name in ("王波", "刘记明", "麻洁琼", "常珍珍", "张帆"):
        assert name in html
    assert "全力打好争资金上项目主动战" in html
    assert "第2作者，合作者：常珍珍" in html
    assert reverse("admin:awards_credit_xlsx", args=[YEAR]) in html
    assert reverse("admin:awards_credit_csv", args=[YEAR, "pieces"]) in html


def test_the_ranking_states_the_rules_and_shows_how_each_score_was_made(client, seeded, editor):
    html = client.get(reverse("admin:awards_credit_ranking", args=[YEAR])).content.decode()

    assert "评分办法（默认，尚未为本年度保存）" in html
    assert "消息 3 分" in html and "本版头条（版内顺序为 1）加 2 分" in html
    assert "总分高者在前" in html
    assert "5 + 3 = 8" in html  # 王波's two pieces
    assert "×1/2" in html  # the co-signed piece
    assert "确定本年度优秀撰稿人" in html


def test_fixing_from_the_ranking_numbers_the_certificates(client, seeded, editor):
    response = fix(client)

    html = response.content.decode()
    assert "已确定2023年度优秀撰稿人 11 位" in html
    assert "KFQ-2023-YXZG-01" in html and "KFQ-2023-YXZG-11" in html
    assert "撤销本年度评定" in html and "评分办法已锁定" in html
    first = Award.objects.get(number="KFQ-2023-YXZG-01")
    assert (first.name, first.rank, first.zone_name) == ("王波", 1, "太原中北高新技术产业开发区")


def test_fixing_twice_is_refused_in_chinese_and_changes_nothing(client, seeded, editor):
    fix(client)
    before = list(Award.objects.values_list("pk", "number", "rank"))

    html = fix(client).content.decode()

    assert "2023年度优秀撰稿人已经确定，证书已编号，不能重新评定" in html
    assert list(Award.objects.values_list("pk", "number", "rank")) == before


def test_revoking_needs_the_confirmation(client, seeded, editor):
    fix(client)
    revoke = reverse("admin:awards_award_revoke", args=[YEAR])

    page = client.get(revoke).content.decode()
    unconfirmed = client.post(revoke, {})
    confirmed = client.post(revoke, {"confirm": "on"}, follow=True)

    assert "KFQ-2023-YXZG-01 王波" in page
    assert unconfirmed.status_code == 200 and "请勾选确认" in unconfirmed.content.decode()
    assert "11 张证书作废" in confirmed.content.decode()
    assert not Award.objects.active().exists() and Award.objects.count() == 11


def test_the_xlsx_download_is_a_real_workbook(client, seeded, editor):
    response = client.get(reverse("admin:awards_credit_xlsx", args=[YEAR]))

    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in response["Content-Disposition"]
    assert "filename*=utf-8''" in response["Content-Disposition"]
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["稿件清单", "开发区汇总", "评分排名", "计分明细"]
    assert workbook["稿件清单"].max_row == 1 + 13


def test_each_view_downloads_as_csv_and_an_unknown_one_is_404(client, seeded, editor):
    for key, header in [("pieces", "开发区"), ("zones", "开发区"), ("ranking", "名次")]:
        response = client.get(reverse("admin:awards_credit_csv", args=[YEAR, key]))
        assert response.content.startswith(b"\xef\xbb\xbf" + header.encode())
    assert is_not_found_page(client.get(reverse("admin:awards_credit_csv", args=[YEAR, "nope"])))
    assert is_not_found_page(client.get(reverse("admin:awards_credit_year", args=[1999])))


def test_the_certificate_print_view_says_everything_a_certificate_must(client, seeded, editor):
    fix(client)
    award = Award.objects.get(number="KFQ-2023-YXZG-02")

    html = client.get(reverse("admin:awards_award_certificate", args=[award.pk])).content.decode()

    for text in (
        "荣誉证书",
        "KFQ-2023-YXZG-02",
        "麻洁琼",
        "朔州经济开发区",
        "2023年度优秀撰稿人",
        "《开发区建设》周刊编辑部",
        "二〇二四年一月十六日",
        "/certificates/KFQ-2023-YXZG-02/",
    ):
        assert text in html
    assert "css/certificate.css" in html
    css = (Path(settings.BASE_DIR) / "static/css/certificate.css").read_text()
    assert re.search(r"@page\s*{\s*size:\s*A4 landscape", css)


def test_the_letter_names_the_zones_awardees_and_their_pieces(client, seeded, editor):
    fix(client)
    award = Award.objects.get(name="刘记明")

    html = client.get(
        reverse("admin:awards_award_letter", args=[YEAR, award.zone_id])
    ).content.decode()

    assert "盐湖高新技术产业开发区管委会：" in html
    assert "刘记明同志被评为《开发区建设》周刊2023年度优秀撰稿人" in html
    assert "共在本刊刊发稿件2篇" in html
    assert "采取有力措施 护航经济运行" in html and "筑牢党建根基 助力高质量发展" in html
    css = (Path(settings.BASE_DIR) / "static/css/letter.css").read_text()
    assert "size: A4 portrait" in css


def test_a_letter_for_a_zone_without_awardees_is_404(client, seeded, editor):
    fix(client)
    other = Award.objects.get(name="王波").zone
    assert is_not_found_page(
        client.get(reverse("admin:awards_award_letter", args=[2024, other.pk]))
    )


def test_the_rubric_is_editable_until_the_year_is_fixed(client, seeded, editor):
    add = client.post(
        reverse("admin:awards_rubric_add"),
        {
            "year": YEAR,
            "news_points": 3,
            "feature_points": 6,
            "commentary_points": 4,
            "survey_points": 5,
            "photo_news_points": 2,
            "other_points": 2,
            "lead_bonus": 2,
            "photo_points": 1,
            "photo_limit": 1,
            "sharing": "equal",
            "first_author_percent": 60,
        },
    )
    assert add.status_code == 302
    rubric = Rubric.objects.get(year=YEAR)
    assert rubric.updated_by == editor
    ranking = client.get(reverse("admin:awards_credit_ranking", args=[YEAR])).content.decode()
    assert "通讯 6 分" in ranking

    fix(client)
    change = reverse("admin:awards_rubric_change", args=[rubric.pk])
    refused = client.post(change, {"feature_points": 9})

    assert is_forbidden_page(refused)
    rubric.refresh_from_db()
    assert rubric.feature_points == 6
    assert Award.objects.get(name="麻洁琼").score == 8  # 通讯 6 + 头条 2
