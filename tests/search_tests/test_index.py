"""The index follows the archive: save, publish, import, zone rename, rebuild."""

import io

import pytest
from django.core.management import call_command

from articles.models import Article, SearchEntry, Status
from editorial import workflow
from search import indexing
from search.indexing import index_articles
from search.query import search
from tests.factories import make_article, make_editor, make_issue, make_zone

pytestmark = pytest.mark.django_db


def found(query, **kwargs):
    return [hit.article.pk for hit in search(query, **kwargs).hits]


def test_published_article_is_indexed_and_unpublished_never():
    published = make_article(title="光伏电站并网发电")
    make_article(title="光伏项目尚在审阅", status=Status.IN_REVIEW)
    make_article(title="光伏稿件的草稿", status=Status.DRAFT)
    assert found("光伏") == [published.pk]
    assert SearchEntry.objects.count() == 1


def test_index_articles_drops_pieces_that_are_not_published():
    article = make_article(title="氢能产业园开工")
    Article.objects.filter(pk=article.pk).update(status=Status.WITHDRAWN)
    # Even before the index is told, search shows only published pieces.
    assert found("氢能") == []
    assert SearchEntry.objects.filter(pk=article.pk).exists()
    index_articles([article.pk])
    assert not SearchEntry.objects.filter(pk=article.pk).exists()


def test_editing_a_published_article_reindexes_it():
    article = make_article(title="数字经济产业园揭牌")
    article.title = "锂电池材料项目投产"
    article.save()
    assert found("锂电池") == [article.pk]
    assert found("揭牌") == []


def test_publishing_an_issue_indexes_its_pieces():
    editor = make_editor()
    issue = make_issue()
    article = make_article(title="光伏组件下线", status=Status.SCHEDULED, issue=issue)
    Article.objects.filter(pk=article.pk).update(page=1, position=1)
    assert found("光伏") == []
    workflow.publish_issue(issue=issue, by=editor)
    assert found("光伏") == [article.pk]


def test_renaming_a_zone_reindexes_its_articles():
    zone = make_zone(official_name="甲乙经济技术开发区", short_name="甲乙经开区")
    article = make_article(zone=zone, title="项目签约", body="今天签约。")
    zone.official_name = "丙丁高新技术产业开发区"
    zone.save()
    assert found("丙丁高新技术产业开发区") == [article.pk]


def test_deleting_an_article_removes_it_from_the_index():
    article = make_article(title="碳纤维生产线投产")
    article.delete()
    assert found("碳纤维") == []
    assert SearchEntry.objects.count() == 0


def test_captions_and_byline_are_searchable():
    article = make_article(title="标题", body="正文。", byline="(记者 欧阳明辉)", photos=1)
    article.photos.update(caption="塔吊林立的施工现场")
    index_articles([article.pk])
    assert found("塔吊") == [article.pk]
    assert found("欧阳明辉") == [article.pk]


def test_rebuild_command_shows_progress_and_restores_the_index():
    articles = [make_article(title=f"风电装备第{n}批交付") for n in range(3)]
    SearchEntry.objects.all().delete()
    assert found("风电") == []
    out = io.StringIO()
    call_command("rebuild_search_index", stdout=out)
    assert "[3/3] 已索引" in out.getvalue()
    assert "检索索引已重建：3 篇已刊发稿件" in out.getvalue()
    assert sorted(found("风电")) == sorted(a.pk for a in articles)


def test_the_index_follows_edits_and_deletions_after_a_rebuild():
    # The rebuild empties the index with its deletion trigger set aside; it must be back.
    kept, deleted = (make_article(title=f"风电装备第{n}批交付") for n in range(2))
    indexing.rebuild_index()
    deleted.delete()
    kept.title = "氢能装备交付"
    kept.save()
    assert found("风电") == []
    assert found("氢能") == [kept.pk]
    assert SearchEntry.objects.count() == 1


def test_changing_an_issue_date_moves_its_articles_in_the_year_facet():
    issue = make_issue(date="2023-06-06")
    make_article(title="文旅融合", issue=issue)
    assert [f.value for f in search("文旅").facets["year"]] == ["2023"]
    issue.date = "2024-06-04"
    issue.save()
    assert [f.value for f in search("文旅").facets["year"]] == ["2024"]


def test_publishing_an_issue_indexes_each_piece_once(monkeypatch):
    editor = make_editor()
    issue = make_issue()
    for position in (1, 2):
        article = make_article(title="光伏", status=Status.SCHEDULED, issue=issue)
        Article.objects.filter(pk=article.pk).update(page=1, position=position)
    calls = []

    def counting(ids, **kwargs):
        ids = list(ids)
        calls.append(ids)
        return index_articles(ids, **kwargs)

    # Both ways in: the workflow's direct call and the receiver for the issue's save.
    monkeypatch.setattr(indexing, "index_articles", counting)
    monkeypatch.setattr(workflow, "index_articles", counting)
    workflow.publish_issue(issue=issue, by=editor)
    assert [len(ids) for ids in calls] == [2]
    assert len(found("光伏")) == 2


def test_editing_a_caption_reindexes_the_article():
    article = make_article(title="标题", body="正文。", photos=1)
    photo = article.photos.get()
    photo.caption = "氢能重卡编队驶出园区"
    photo.save()
    assert found("氢能重卡") == [article.pk]
    photo.delete()
    assert found("氢能重卡") == []


def test_deleting_an_article_with_photos_leaves_no_entry():
    article = make_article(title="碳纤维", photos=2)
    article.delete()
    assert SearchEntry.objects.count() == 0


def test_the_special_issue_name_finds_its_pieces():
    issue = make_issue(title="两会特刊·开发区篇", is_special=True)
    article = make_article(issue=issue, title="项目建设提速", body="一季度开工项目十二个。")
    make_article(title="项目建设提速", body="一季度开工项目十二个。")
    assert found("两会") == [article.pk]


def test_renaming_a_special_issue_reindexes_its_pieces():
    issue = make_issue(title="两会特刊")
    article = make_article(issue=issue, title="项目建设提速", body="开工项目十二个。")
    issue.title = "年终特刊"
    issue.save(update_fields=["title"])
    assert found("年终") == [article.pk]
    assert found("两会") == []
