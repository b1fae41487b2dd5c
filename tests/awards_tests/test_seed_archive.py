"""The year-end list and ranking on the imported seed archive, checked against the rubric by hand.

The seed pages span 2023–2025 (issue dates inferred); 2023 holds the most pieces: 13 published,
12 of them signed, by 11 contributors. With the default rubric (消息 3, 通讯 5, 综述 5, 头条 +2,
each photo +1 up to 1 per piece, co-authors split equally):

- 王波: 2023-05-23 p.1 #1 消息 3 + 头条 2 = 5; 2023-07-11 p.1 #2 消息 3 → 8
- 麻洁琼: 2023-07-11 p.1 #1 通讯 5 + 头条 2 → 7
- 刘记明: 2023-05-23 #2 消息 3; 2023-07-11 #6 消息 3 → 6
- 常珍珍 and 张帆: one 消息 (#7) of 3 points, signed by both → 1.5 each
- six others: one 消息 each, not a lead → 3
"""

import io
from fractions import Fraction

import openpyxl
import pytest

from articles.models import Article, Contributor, Status
from awards import export
from awards.models import Credit, Rubric, Sharing
from awards.report import year_report

pytestmark = pytest.mark.django_db

YEAR = 2023


def by_name(report):
    return {entry.contributor.name: entry for entry in report.ranking}


def test_2023_is_the_year_with_the_most_pieces(seeded):
    counts = {
        year: Article.objects.published().filter(issue__date__year=year).count()
        for year in Credit.objects.years()
    }
    assert Credit.objects.years() == [2025, 2024, 2023]
    assert max(counts, key=counts.get) == YEAR
    assert counts == {2023: 13, 2024: 9, 2025: 6}


def test_scores_match_the_rubric_worked_by_hand(seeded):
    scores = by_name(year_report(YEAR))
    assert scores["王波"].total == 8  # (3 + 2) + 3
    assert scores["麻洁琼"].total == 7  # 5 + 2
    assert scores["刘记明"].total == 6  # 3 + 3
    assert scores["常珍珍"].total == scores["张帆"].total == Fraction(3, 2)  # 3 / 2
    assert scores["赵娟秀"].total == 3
    wang = [
        (line.base, line.lead_bonus, line.photo_bonus, line.share) for line in scores["王波"].lines
    ]
    assert wang == [(3, 2, 0, 1), (3, 0, 0, 1)]


def test_the_ranking_is_deterministic_and_follows_the_tie_rule(seeded):
    first = [(e.rank, e.contributor.name, e.total) for e in year_report(YEAR).ranking]
    second = [(e.rank, e.contributor.name, e.total) for e in year_report(YEAR).ranking]
    assert first == second
    names = [name for _, name, _ in first]
    assert names[:3] == ["王波", "麻洁琼", "刘记明"]
    # Six contributors tie on 3 points and one piece: 2023-05-23 comes before 2023-07-11,
    # then the contributor id decides.
    tied = [e for e in year_report(YEAR).ranking if e.total == 3]
    assert [e.first_date.isoformat() for e in tied] == ["2023-05-23"] * 2 + ["2023-07-11"] * 4
    for earlier, later in zip(tied, tied[1:], strict=False):
        if earlier.first_date == later.first_date:
            assert earlier.contributor.pk < later.contributor.pk
    assert names[-2:] in (["常珍珍", "张帆"], ["张帆", "常珍珍"])
    assert len(names) == 11


def test_contributors_with_several_pieces_have_all_of_them_listed_and_tallied(seeded):
    report = year_report(YEAR)
    scores = by_name(report)
    for name in ("王波", "刘记明"):
        expected = set(
            Article.objects.published()
            .filter(issue__date__year=YEAR, authors__name=name)
            .values_list("title", flat=True)
        )
        assert len(expected) == 2
        assert {line.piece.title for line in scores[name].lines} == expected
        assert scores[name].piece_count == 2
        [entry] = [
            person
            for group in report.groups
            for person in group.contributors
            if person.contributor.name == name
        ]
        assert {e.piece.title for e in entry.entries} == expected


def test_ma_jieqiong_is_tallied_in_each_year_she_published(seeded):
    # One piece a year: 2023 通讯 lead (5 + 2); 2024 综述 lead with 17 photos (5 + 2 + 1);
    # 2025 消息 lead (3 + 2).
    totals = {year: by_name(year_report(year))["麻洁琼"].total for year in (2023, 2024, 2025)}
    assert totals == {2023: 7, 2024: 8, 2025: 5}


def test_another_rubric_changes_the_shares_as_stated(seeded):
    first_author = Rubric(year=YEAR, sharing=Sharing.FIRST_AUTHOR, first_author_percent=60)
    scores = by_name(year_report(YEAR, rubric=first_author))
    assert scores["常珍珍"].total == Fraction(9, 5)  # 3 × 60% = 1.8
    assert scores["张帆"].total == Fraction(6, 5)  # 3 × 40% = 1.2
    full = by_name(year_report(YEAR, rubric=Rubric(year=YEAR, sharing=Sharing.FULL)))
    assert full["常珍珍"].total == full["张帆"].total == 3
    no_lead = by_name(year_report(YEAR, rubric=Rubric(year=YEAR, lead_bonus=0)))
    assert no_lead["王波"].total == 6 and no_lead["麻洁琼"].total == 5


def test_the_list_groups_by_the_contributors_zone_and_sums_per_zone(seeded):
    report = year_report(YEAR)
    groups = {group.label: group for group in report.groups}
    # 王波 is registered in 中北高新区: his piece on 云冈经开区 is listed there too.
    wang = groups["太原中北高新技术产业开发区"]
    assert [p.contributor.name for p in wang.contributors] == ["王波"]
    assert len(wang.pieces) == 2
    # 常珍珍 and 张帆 co-signed one piece: two contributors, one piece for 沁源.
    qinyuan = groups["沁源经济技术开发区"]
    assert (len(qinyuan.contributors), len(qinyuan.pieces)) == (2, 1)
    assert dict(report.genre_counts()) == {
        "消息": 11,
        "通讯": 1,
        "评论": 0,
        "综述": 0,
        "图片新闻": 0,
        "其他": 0,
    }
    assert report.unsigned_count == 1
    assert sum(len(person.entries) for g in report.groups for person in g.contributors) == 13


def test_the_xlsx_opens_with_openpyxl_and_holds_the_rows(seeded):
    report = year_report(YEAR)
    workbook = openpyxl.load_workbook(io.BytesIO(export.workbook_bytes(report)))

    assert workbook.sheetnames == ["稿件清单", "开发区汇总", "评分排名", "计分明细"]
    pieces = list(workbook["稿件清单"].iter_rows(values_only=True))
    assert pieces[0] == (
        "开发区",
        "所在市",
        "作者",
        "署名顺序",
        "合作者",
        "标题",
        "体裁",
        "出版日期",
        "版次",
        "归类依据",
    )
    assert len(pieces) == 1 + 13  # one row per contributor and piece
    wang = [row for row in pieces[1:] if row[2] == "王波"]
    assert len(wang) == 2 and {row[0] for row in wang} == {"太原中北高新技术产业开发区"}
    zhang = next(row for row in pieces if row[2] == "张帆")
    assert (zhang[3], zhang[4]) == (2, "常珍珍")
    assert pieces[1][7].date().isoformat() == "2023-05-23"

    zones = list(workbook["开发区汇总"].iter_rows(values_only=True))
    assert zones[0][:4] == ("开发区", "所在市", "作者人数", "稿件篇数")
    assert zones[-1][:4] == ("合计", None, 11, 12)
    assert len(zones) == 1 + 8 + 1

    ranking = list(workbook["评分排名"].iter_rows(values_only=True))
    assert ranking[0][:5] == ("名次", "作者", "所在开发区", "稿件篇数", "得分")
    assert [row[:2] for row in ranking[1:4]] == [(1, "王波"), (2, "麻洁琼"), (3, "刘记明")]
    assert [float(row[4]) for row in ranking[1:4]] == [8.0, 7.0, 6.0]
    assert len(ranking) == 1 + 11

    breakdown = list(workbook["计分明细"].iter_rows(values_only=True))
    assert len(breakdown) == 1 + 13
    chang = next(row for row in breakdown if row[1] == "常珍珍")
    assert chang[6:] == (3, 0, 0, 3, 1, "1/2", 1.5)


def test_the_csv_has_a_bom_and_chinese_headers(seeded):
    content = export.csv_bytes(year_report(YEAR), "pieces")
    assert content.startswith(b"\xef\xbb\xbf")
    lines = content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("开发区,所在市,作者")
    assert len(lines) == 1 + 13


def test_unsigned_pieces_are_counted_apart_and_never_credited(seeded):
    unsigned = Article.objects.published().filter(issue__date__year=YEAR, authorships__isnull=True)
    assert unsigned.count() == 1
    titles = {p.title for p in year_report(YEAR).pieces}
    assert unsigned.get().title not in titles


def test_only_published_pieces_count(seeded):
    wang = Contributor.objects.get(name="王波")
    piece = Article.objects.filter(issue__date__year=YEAR, authors=wang).first()
    Article.objects.filter(pk=piece.pk).update(status=Status.ACCEPTED)
    assert by_name(year_report(YEAR))["王波"].piece_count == 1
