"""Rules that live in the database hold even when application code is bypassed."""

import pytest
from django.db import IntegrityError, transaction

from articles.models import Article, Authorship, Issue
from tests.factories import make_article, make_contributor, make_issue, make_zone
from zones.models import Zone, ZoneAlias

pytestmark = pytest.mark.django_db


def refused(action) -> bool:
    try:
        with transaction.atomic():
            action()
    except IntegrityError:
        return True
    return False


def test_two_articles_cannot_share_a_place_in_an_issue():
    issue = make_issue()
    make_article(issue=issue, page=1, position=1)

    assert refused(lambda: make_article(issue=issue, page=1, position=1))
    assert not refused(lambda: make_article(issue=issue, page=1, position=2))


def test_an_imported_article_has_one_place_in_its_source_and_a_position():
    make_article(source_file="000.txt", source_position=1)

    assert refused(lambda: make_article(source_file="000.txt", source_position=1))
    assert refused(lambda: make_article(source_file="001.txt", source_position=None))


def test_status_and_genre_must_be_known_values():
    article = make_article()

    assert refused(lambda: Article.objects.filter(pk=article.pk).update(status="lost"))
    assert refused(lambda: Article.objects.filter(pk=article.pk).update(genre="小说"))
    assert refused(lambda: Article.objects.filter(pk=article.pk).update(page=0))


def test_an_author_appears_once_per_article_with_distinct_byline_order():
    author, other = make_contributor(), make_contributor()
    article = make_article(authors=[author])

    assert refused(lambda: Authorship.objects.create(article=article, contributor=author, order=2))
    assert refused(lambda: Authorship.objects.create(article=article, contributor=other, order=1))
    assert refused(lambda: Authorship.objects.create(article=article, contributor=other, order=0))


def test_zone_names_and_aliases_are_unique_and_a_zone_is_not_its_own_parent():
    zone = make_zone(official_name="朔州经济开发区")
    ZoneAlias.objects.create(zone=zone, name="朔州经开区")

    assert refused(lambda: make_zone(official_name="朔州经济开发区"))
    assert refused(lambda: ZoneAlias.objects.create(zone=make_zone(), name="朔州经开区"))
    assert refused(lambda: Zone.objects.filter(pk=zone.pk).update(parent=zone))
    assert refused(lambda: Zone.objects.filter(pk=zone.pk).update(city="北京"))


def test_issue_dates_are_unique_and_pages_positive():
    issue = make_issue()

    assert refused(lambda: Issue.objects.create(date=issue.date))
    assert refused(lambda: Issue.objects.filter(pk=issue.pk).update(pages=0))
