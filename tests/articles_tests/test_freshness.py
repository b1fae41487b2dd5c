"""Every change a reader could see gives the archive a new version once committed, so a reader
page cached before it is rendered anew on the next request; a draft's save changes nothing."""

import datetime

import pytest
from django.core.cache import cache
from django.core.cache.backends.filebased import FileBasedCache
from django.urls import reverse

from articles import freshness
from articles.freshness import archive_version
from articles.models import Photo, Status
from editorial.workflow import publish_imported, publish_issue
from tests.factories import (
    make_article,
    make_contributor,
    make_editor,
    make_issue,
    make_theme,
    make_zone,
)
from tests.reader_tests.archive import html_of
from zones.merging import merge_zones
from zones.models import ZoneAlias

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache(settings):
    settings.KFQ_PAGE_CACHE_SECONDS = 86400
    cache.clear()
    yield
    cache.clear()


def test_publishing_an_issue_shows_on_the_cached_home_page(client, page_cache, committed):
    make_article(title="上一期的稿件", issue=make_issue(date=datetime.date(2025, 4, 22)))
    issue = make_issue(date=datetime.date(2025, 4, 29))
    make_article(title="本期头条", issue=issue, page=1, position=1, status=Status.SCHEDULED)
    assert "本期头条" not in html_of(client, reverse("reader:home"))

    committed(lambda: publish_issue(issue=issue, by=make_editor()))

    assert "本期头条" in html_of(client, reverse("reader:home"))


def test_publishing_imported_pieces_shows_on_the_cached_home_page(client, page_cache, committed):
    make_article(title="上一期的稿件", issue=make_issue(date=datetime.date(2025, 4, 22)))
    issue = make_issue(date=datetime.date(2025, 4, 29))
    piece = make_article(title="导入的稿件", issue=issue, page=1, position=1, status=Status.DRAFT)
    assert "导入的稿件" not in html_of(client, reverse("reader:home"))

    committed(lambda: publish_imported([piece.pk]))

    assert "导入的稿件" in html_of(client, reverse("reader:home"))


def test_a_corrected_piece_shows_on_its_cached_page(client, page_cache, committed):
    piece = make_article(title="原来的标题", issue=make_issue(), page=1, position=1)
    assert "原来的标题" in html_of(client, piece.get_absolute_url())

    def correct():
        piece.title = "更正后的标题"
        piece.save()

    committed(correct)

    assert "更正后的标题" in html_of(client, piece.get_absolute_url())


def test_a_withdrawn_piece_leaves_its_cached_issue_page(client, page_cache, committed):
    issue = make_issue()
    make_article(title="留下的稿件", issue=issue, page=1, position=1)
    piece = make_article(title="撤下的稿件", issue=issue, page=1, position=2)
    assert "撤下的稿件" in html_of(client, issue.get_absolute_url())

    def withdraw():
        piece.status = Status.WITHDRAWN
        piece.save(update_fields=["status"])

    committed(withdraw)

    assert "撤下的稿件" not in html_of(client, issue.get_absolute_url())


def test_a_deleted_piece_leaves_its_cached_issue_page(client, page_cache, committed):
    issue = make_issue()
    make_article(title="留下的稿件", issue=issue, page=1, position=1)
    piece = make_article(title="删除的稿件", issue=issue, page=1, position=2)
    assert "删除的稿件" in html_of(client, issue.get_absolute_url())

    committed(piece.delete)

    assert "删除的稿件" not in html_of(client, issue.get_absolute_url())


def test_a_renamed_zone_shows_on_its_pieces_cached_pages(client, page_cache, committed):
    zone = make_zone(official_name="旧名称经济开发区")
    piece = make_article(zone=zone, issue=make_issue(), page=1, position=1)
    assert "旧名称经济开发区" in html_of(client, piece.get_absolute_url())

    def rename():
        zone.official_name = "新名称经济开发区"
        zone.save()

    committed(rename)

    assert "新名称经济开发区" in html_of(client, piece.get_absolute_url())


def test_a_merged_zone_shows_on_its_pieces_cached_pages(client, page_cache, committed):
    keep = make_zone(official_name="保留的经济开发区")
    duplicate = make_zone(official_name="重复的经济开发区")
    piece = make_article(zone=duplicate, issue=make_issue(), page=1, position=1)
    assert "重复的经济开发区" in html_of(client, piece.get_absolute_url())

    committed(lambda: merge_zones(keep=keep, duplicates=[duplicate]))

    assert "保留的经济开发区" in html_of(client, piece.get_absolute_url())


def test_an_alias_added_or_removed_gives_a_new_version(committed):
    zone = make_zone()
    before = archive_version()
    committed(lambda: ZoneAlias.objects.create(zone=zone, name="某某园区"))
    added = archive_version()
    committed(lambda: ZoneAlias.objects.filter(zone=zone).delete())

    assert before != added != archive_version()


def test_a_changed_issue_date_shows_on_the_cached_home_page(client, page_cache, committed):
    issue = make_issue(date=datetime.date(2025, 4, 29))
    make_article(issue=issue, page=1, position=1)
    assert "2025年4月29日" in html_of(client, reverse("reader:home"))

    def redate():
        issue.date = datetime.date(2025, 4, 30)
        issue.save()

    committed(redate)

    assert "2025年4月30日" in html_of(client, reverse("reader:home"))


def test_a_changed_caption_shows_on_the_cached_page(client, page_cache, committed):
    piece = make_article(issue=make_issue(), page=1, position=1, photos=1)
    assert "图片说明1" in html_of(client, piece.get_absolute_url())

    photo = Photo.objects.get(article=piece)

    def recaption():
        photo.caption = "新的图片说明"
        photo.save()

    committed(recaption)

    assert "新的图片说明" in html_of(client, piece.get_absolute_url())


def test_a_deleted_photo_leaves_the_cached_page(client, page_cache, committed):
    piece = make_article(issue=make_issue(), page=1, position=1, photos=1)
    assert "图片说明1" in html_of(client, piece.get_absolute_url())

    committed(Photo.objects.get(article=piece).delete)

    assert "图片说明1" not in html_of(client, piece.get_absolute_url())


def test_a_renamed_contributor_shows_on_the_cached_page(client, page_cache, committed):
    author = make_contributor(name="旧署名")
    piece = make_article(issue=make_issue(), page=1, position=1, authors=[author])
    assert "旧署名" in html_of(client, piece.get_absolute_url())

    def rename():
        author.name = "新署名"
        author.save()

    committed(rename)

    assert "新署名" in html_of(client, piece.get_absolute_url())


@pytest.mark.parametrize("status", [Status.DRAFT, Status.SUBMITTED, Status.SCHEDULED])
def test_saving_an_unpublished_piece_keeps_the_version(committed, status):
    piece = make_article(status=status)
    before = archive_version()

    def edit():
        piece.title = "改过的标题"
        piece.save()

    committed(edit)

    assert archive_version() == before


def test_the_version_changes_only_once_the_change_commits(django_capture_on_commit_callbacks):
    piece = make_article(issue=make_issue(), page=1, position=1)
    before = archive_version()

    with django_capture_on_commit_callbacks(execute=True):
        piece.title = "改过的标题"
        piece.save()
        # A reader now must not keep the old page under the new version.
        assert archive_version() == before

    assert archive_version() != before


def test_a_version_lost_from_the_cache_starts_anew():
    before = archive_version()
    cache.delete(freshness.VERSION_KEY)

    assert archive_version() not in (None, before)


def test_a_bump_made_by_one_worker_is_seen_by_another(tmp_path, monkeypatch, committed):
    # Two instances of the site's default file cache over one folder: two gunicorn workers.
    worker_a = FileBasedCache(str(tmp_path), {})
    worker_b = FileBasedCache(str(tmp_path), {})
    monkeypatch.setattr(freshness, "cache", worker_b)
    seen_by_b = archive_version()
    monkeypatch.setattr(freshness, "cache", worker_a)
    assert archive_version() == seen_by_b
    piece = make_article(issue=make_issue(), page=1, position=1)

    def correct():
        piece.title = "改过的标题"
        piece.save()

    committed(correct)
    monkeypatch.setattr(freshness, "cache", worker_b)

    assert archive_version() != seen_by_b


def test_a_renamed_theme_shows_on_the_cached_listing(client, page_cache, committed):
    # Regression: the call and its themes (the listing's theme choices, the home page's call,
    # the call for papers page) were not part of the version; their pages stayed a day stale.
    theme = make_theme(name="旧的主题")
    make_article(theme=theme, issue=make_issue(), page=1, position=1)
    assert "旧的主题" in html_of(client, reverse("reader:article_list"))

    def rename():
        theme.name = "新的主题"
        theme.save()

    committed(rename)

    assert "新的主题" in html_of(client, reverse("reader:article_list"))


def test_a_changed_call_for_papers_shows_on_its_cached_page(client, page_cache, committed):
    call = make_theme().call
    assert "编辑部" in html_of(client, reverse("reader:call_for_papers"))

    def reissue():
        call.issuer = "科学导报社"
        call.save()

    committed(reissue)

    assert "科学导报社" in html_of(client, reverse("reader:call_for_papers"))
