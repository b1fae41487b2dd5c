"""The five seed pages, imported: every article as read off the printed pages.

The tables (seed_pages.py) were written from reading the page files, not from the importer's
output.
"""

import datetime
from collections import Counter

import pytest

from articles.models import (
    Article,
    CallForPapers,
    Genre,
    ImportLeftover,
    Issue,
    Photo,
    Status,
)
from zones.models import Zone

from .helpers import (
    PAGE_000,
    PAGE_001,
    PAGE_002,
    PAGE_003,
    PAGE_004,
    SEED_FILES,
    manifest_entry,
)
from .seed_pages import ARTICLES, CAPTIONS_004, COLUMN_JOINS, LEFTOVERS, PAGE_COUNTS


def article_at(file: str, position: int) -> Article:
    return Article.objects.select_related("zone", "issue").get(
        source_file=file, source_position=position
    )


def find_article(file: str, fragment: str) -> Article:
    return Article.objects.get(source_file=file, title__contains=fragment)


pytestmark = pytest.mark.django_db


def test_import_reported_no_failure(seeded):
    assert seeded["stderr"] == ""
    assert "共导入 5 个文件、28 篇稿件。" in seeded["stdout"]


def test_twenty_eight_articles_in_all(seeded):
    assert len(ARTICLES) == 28
    assert Article.objects.count() == 28


@pytest.mark.parametrize("file,count", PAGE_COUNTS.items())
def test_articles_per_page(seeded, file, count):
    assert Article.objects.filter(source_file=file).count() == count
    positions = sorted(Article.objects.filter(source_file=file).values_list("position", flat=True))
    assert positions == list(range(1, count + 1))


@pytest.mark.parametrize("row", ARTICLES, ids=lambda row: f"{row.file[:3]}-{row.position}")
def test_article(seeded, row):
    article = article_at(row.file, row.position)
    assert article.position == row.position
    assert article.page == 1
    assert article.title == row.title
    assert article.kicker == row.kicker
    assert article.subtitle == row.subtitle
    assert article.zone_label == row.zone_label
    assert article.dateline == row.dateline
    assert article.byline == row.byline
    assert article.author_names() == row.authors
    assert article.zone is not None, "no zone"
    assert article.zone.official_name == row.zone
    paragraphs = article.paragraphs
    assert row.first in paragraphs[0]
    assert row.last in paragraphs[-1]
    # The dateline and the byline are fields of their own, not text of the body.
    assert not article.body.startswith(("科学导报讯", "本刊讯"))
    if row.byline:
        assert not paragraphs[-1].endswith(row.byline)


def test_every_article_is_published(seeded):
    assert set(Article.objects.values_list("status", flat=True)) == {Status.PUBLISHED}


@pytest.mark.parametrize("file", SEED_FILES)
def test_issue_comes_from_manifest(seeded, file):
    issue_data = manifest_entry(file)["issue"]
    issues = {a.issue for a in Article.objects.filter(source_file=file).select_related("issue")}
    assert len(issues) == 1
    (issue,) = issues
    assert issue.date == datetime.date.fromisoformat(issue_data["date"])
    assert issue.date_inferred is True
    assert issue.title == issue_data["title"]
    assert issue.is_special is issue_data["is_special"]
    assert issue.number is None


def test_special_issue_of_page_004(seeded):
    issue = Issue.objects.get(date=datetime.date(2024, 3, 5))
    assert issue.title == "两会特刊·开发区篇"
    assert issue.is_special
    assert Issue.objects.filter(is_special=True).count() == 1
    assert Issue.objects.count() == 5


# --- the split article on page 000 --------------------------------------------------------


def test_split_article_is_one_article(seeded):
    article = find_article(PAGE_000, "筑牢党建根基")
    assert article.zone_label == "盐湖高新技术产业开发区"
    assert article.title == "筑牢党建根基 助力高质量发展"
    assert article.dateline == "本刊讯"
    assert article.byline == "(刘记明)"
    assert article.paragraphs[0].startswith("为深入学习贯彻习近平总书记")
    # The half before 吉林威创… and the half after the heading are one article, re-joined
    # where the column broke "盐湖高新区党" / "工委突出工作重点".
    assert "盐湖高新区党工委突出工作重点，扭住关键环节" in article.body
    assert article.paragraphs[1].startswith("作为运城市唯一一家高新区")
    assert article.paragraphs[1].endswith("推动党建和发展双向互促、提质增效。")
    assert [p[:2] for p in article.paragraphs[2:]] == ["一是", "二是", "三是", "四是"]
    assert "构建“链条+链主+支部”的组织体系" in article.body
    # Neither half shows up anywhere else.
    assert Article.objects.filter(body__contains="为深入学习贯彻习近平总书记").count() == 1
    assert Article.objects.filter(body__contains="工委突出工作重点").count() == 1
    weichuang = find_article(PAGE_000, "吉林威创")
    assert "盐湖" not in weichuang.body
    assert weichuang.paragraphs[-1].endswith("携手实现共同发展。")


# --- column breaks and subheadings --------------------------------------------------------


@pytest.mark.parametrize(
    "file,position,joined", COLUMN_JOINS, ids=[f"{f[:3]}-{p}-{j[:6]}" for f, p, j in COLUMN_JOINS]
)
def test_column_break_rejoined(seeded, file, position, joined):
    article = article_at(file, position)
    assert any(joined in paragraph for paragraph in article.paragraphs)


def test_column_break_paragraph_on_page_000(seeded):
    article = article_at(PAGE_000, 1)
    matches = [p for p in article.paragraphs if p.startswith("其实际发展中，财政资金起着")]
    assert matches == [
        "其实际发展中，财政资金起着引领和托底的双重作用，在经开区，财政管理运营部始终树立"
        "有解思维，坚信办法总比困难多，以财政杠杆撬动经济高质量发展。"
    ]
    # Page lines 7, 9, 11, 13+15, 17, 19, 21, 23, 25+27, 29, 31.
    assert len(article.paragraphs) == 11


def test_single_paragraph_after_two_column_breaks(seeded):
    # 屯留: three blocks on the page, broken mid-sentence twice, are one paragraph.
    article = article_at(PAGE_001, 7)
    assert len(article.paragraphs) == 1


def test_subheadings_of_wuxiang_story_stay_paragraphs(seeded):
    article = article_at(PAGE_002, 6)
    paragraphs = article.paragraphs
    for heading in ("完善机制，建强“组织链”", "培育集群，锻造“产业链”", "纾困解难，优化“服务链”"):
        assert heading in paragraphs
        following = paragraphs[paragraphs.index(heading) + 1]
        assert not following.startswith(heading)
    assert paragraphs.index("完善机制，建强“组织链”") == 2
    assert paragraphs[3].startswith("自成立以来，园区按照")
    assert paragraphs[paragraphs.index("培育集群，锻造“产业链”") + 1].startswith("通过梳理产业链")
    assert paragraphs[paragraphs.index("纾困解难，优化“服务链”") + 1].startswith("园区聚焦企业")


def test_subheadings_of_page_004_stay_paragraphs(seeded):
    paragraphs = article_at(PAGE_004, 1).paragraphs
    headings = ["向上而行——驭势而智抓党建", "向高而攀——因势而谋强招引", "向强而进——乘势而上塑格局"]
    indexes = [paragraphs.index(h) for h in headings]
    assert indexes == sorted(indexes)
    assert paragraphs[indexes[0] + 1].startswith("“党建工作难点在基层")
    assert paragraphs[indexes[1] + 1].startswith("“招商去，去招商……”")
    assert paragraphs[indexes[2] + 1].startswith("一边是招商引引瓜熟蒂落")


def test_glued_byline_leaves_last_paragraph_ending_in_full_stop(seeded):
    for file, position, byline in [
        (PAGE_001, 1, "刘三红"),
        (PAGE_001, 2, "牛丽丽"),
        (PAGE_003, 1, "(王波)"),
        (PAGE_003, 5, "(陈强)"),
    ]:
        article = article_at(file, position)
        assert article.byline == byline
        assert article.paragraphs[-1].endswith("。")
        assert byline not in article.paragraphs[-1]


# --- zones --------------------------------------------------------------------------------


def test_unconfirmed_zone_with_parent(seeded):
    zone = Zone.objects.get(official_name="潇河新兴产业园区")
    assert zone.confirmed is False
    assert zone.parent is not None
    assert zone.parent.official_name == "山西转型综合改革示范区"
    assert article_at(PAGE_002, 3).zone == zone
    # It is the only zone the seeds add to the registry.
    assert list(Zone.objects.unconfirmed().values_list("official_name", flat=True)) == [
        "潇河新兴产业园区"
    ]


def test_report_names_the_new_zone(seeded):
    assert "新发现、待核实的开发区：潇河新兴产业园区" in seeded["stdout"]


def test_zones_resolved_through_aliases(seeded):
    assert article_at(PAGE_002, 1).zone.official_name == "朔州经济开发区"  # 朔州经开区
    assert article_at(PAGE_001, 2).zone.official_name == "长治高新技术产业开发区"  # 长治高新区
    assert article_at(PAGE_002, 6).zone.official_name == "武乡现代农业产业示范区"  # …——
    assert article_at(PAGE_000, 7).zone.official_name == "沁源经济技术开发区"  # in the title
    assert article_at(PAGE_001, 8).zone.official_name == "汾阳杏花村经济技术开发区"
    assert Zone.objects.filter(official_name__in=["朔州经开区", "长治高新区"]).count() == 0


# --- captions -----------------------------------------------------------------------------


def test_captions_of_page_004(seeded):
    article = article_at(PAGE_004, 1)
    photos = list(article.photos.order_by("position"))
    assert [p.caption for p in photos] == CAPTIONS_004
    assert [p.position for p in photos] == list(range(1, 18))
    assert {p.credit for p in photos} == {""}
    assert article.genre == Genre.SURVEY
    # 麻洁琼, printed among the pictures, is the byline, not a caption.
    assert article.byline == "麻洁琼"


def test_caption_of_xiaohe_article(seeded):
    article = article_at(PAGE_002, 3)
    photos = list(article.photos.all())
    assert [(p.caption, p.credit) for p in photos] == [
        ("代王路项目建设现场。", "山西转型综改区供图")
    ]
    assert "代王路项目建设现场" not in article.body


def test_no_other_captions(seeded):
    per_file = Counter(Photo.objects.values_list("article__source_file", flat=True))
    assert per_file == Counter({PAGE_004: 17, PAGE_002: 1})


def test_captions_and_slogan_not_in_body(seeded):
    body = article_at(PAGE_004, 1).body
    for text in [*CAPTIONS_004, "解放思想", "特刊·开发区篇"]:
        assert text not in body
    assert Article.objects.filter(body__contains="liangdian").count() == 0


# --- leftovers ----------------------------------------------------------------------------


def test_leftovers(seeded):
    rows = list(
        ImportLeftover.objects.order_by("source_file", "line_number").values_list(
            "source_file", "line_number", "text", "reason"
        )
    )
    assert rows == LEFTOVERS
    assert not ImportLeftover.objects.filter(reviewed=True).exists()


# --- the call for papers ------------------------------------------------------------------


def test_call_for_papers(seeded):
    assert CallForPapers.objects.count() == 1
    call = CallForPapers.objects.get()
    assert call.source_file == PAGE_003
    assert call.date == datetime.date(2023, 3, 28)
    assert call.issuer == "《开发区建设》周刊编辑部"
    assert call.addressee == "全省各开区"
    assert call.max_photos == 1
    assert call.submission_email == "kfjqszk@163.com"
    assert list(call.themes.order_by("number").values_list("number", "name")) == [
        (1, "三个一批"),
        (2, "招才引智"),
        (3, "科技创新"),
        (4, "优势企业"),
        (5, "营商环境"),
    ]
    assert call.themes.get(number=2).description.startswith("加强与科研院所联系")
    assert list(call.genres.order_by("position").values_list("genre", "target_length")) == [
        ("消息", 800),
        ("通讯", 1500),
        ("评论", 1000),
    ]
    rewards = list(call.rewards.order_by("number").values_list("number", "text"))
    assert [number for number, _ in rewards] == [1, 2]
    assert "《投稿人稿件清单和篇目》" in rewards[0][1]
    assert "为前20名颁发《优秀撰稿人》证书" in rewards[1][1]
    assert list(call.contacts.order_by("position").values_list("name", "phone")) == [
        ("王波", "13935108044"),
        ("郑婷", "0351-7537089"),
    ]
    assert call.introduction.startswith("今年以来，全省各开发区以强烈的使命感和责任感")
    assert call.introduction.endswith("本刊编辑部发出征稿启事。相关要求说明如下：")
    assert call.guidance.startswith("深入贯彻落实省委书记蓝佛安1月29日在吕梁调研")
    assert call.themes_intro == "可按以下主题写作稿件："
    # The column break inside "若 / 需配图" is re-joined.
    assert "不论哪种体裁，若需配图，均可配1张。" in call.requirements
    assert call.special_note.startswith("特别提示：通讯体裁的稿件")
    assert call.source_text.startswith("征稿启事")
    assert call.source_text.rstrip().endswith("《开发区建设》周刊编辑部 2023年3月28日")


def test_call_for_papers_is_not_an_article(seeded):
    assert not Article.objects.filter(title__contains="征稿").exists()
    assert not Article.objects.filter(body__contains="kfjqszk@163.com").exists()
    last = article_at(PAGE_003, 5)
    assert last.paragraphs[-1].endswith("让企业和群众少跑腿。")


# --- genres and contributors --------------------------------------------------------------


def test_datelined_pieces_are_news(seeded):
    for article in Article.objects.exclude(dateline=""):
        assert article.genre == Genre.NEWS, article.title


def test_contributors_are_shared_across_pages(seeded):
    from articles.models import Contributor

    # 王波 signs on pages 000, 002 and 003; 麻洁琼 on 000, 002 and 004; 刘记明 on 000 and 003.
    assert Contributor.objects.filter(name="王波").count() == 1
    assert Contributor.objects.get(name="王波").authorships.count() == 3
    assert Contributor.objects.get(name="麻洁琼").authorships.count() == 3
    assert Contributor.objects.get(name="刘记明").authorships.count() == 2
    expected_names = {name for row in ARTICLES for name in row.authors}
    assert set(Contributor.objects.values_list("name", flat=True)) == expected_names
