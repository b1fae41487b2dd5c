import pytest
from django.urls import reverse

from articles.models import Article, Contributor
from tests.factories import make_article, make_contributor, make_user, make_zone
from zones.merging import MergeRefused, merge_zones
from zones.models import Zone, ZoneAlias
from zones.registry import ZoneDirectory

pytestmark = pytest.mark.django_db


def test_merge_moves_articles_contributors_children_and_keeps_names_as_aliases():
    keep = make_zone(official_name="盐湖高新技术产业开发区")
    duplicate = make_zone(official_name="运城盐湖高新区", confirmed=False)
    ZoneAlias.objects.create(zone=duplicate, name="盐湖高新园区")
    article = make_article(zone=duplicate)
    contributor = make_contributor(zone=duplicate)
    child = make_zone(official_name="盐湖某园中园", parent=duplicate)

    merge_zones(keep=keep, duplicates=[duplicate])

    assert not Zone.objects.filter(pk=duplicate.pk).exists()
    assert Article.objects.get(pk=article.pk).zone == keep
    assert Contributor.objects.get(pk=contributor.pk).zone == keep
    assert Zone.objects.get(pk=child.pk).parent == keep
    directory = ZoneDirectory()
    assert directory.resolve("运城盐湖高新区") == keep
    assert directory.resolve("盐湖高新园区") == keep


def test_merge_refuses_when_the_kept_zone_is_a_park_of_a_duplicate_and_changes_nothing():
    parent = make_zone()
    child = make_zone(parent=parent)
    article = make_article(zone=parent)

    with pytest.raises(MergeRefused):
        merge_zones(keep=child, duplicates=[parent])

    assert Zone.objects.filter(pk=parent.pk).exists()
    assert Article.objects.get(pk=article.pk).zone == parent


def test_admin_merge_action_asks_which_zone_to_keep_then_merges(client):
    client.force_login(make_user(superuser=True))
    keep = make_zone(official_name="广灵经济技术开发区")
    duplicate = make_zone(official_name="广灵经开区园区", confirmed=False)
    make_article(zone=duplicate)
    url = reverse("admin:zones_zone_changelist")
    selected = {"action": "merge_selected", "_selected_action": [keep.pk, duplicate.pk]}

    confirmation = client.post(url, selected)
    done = client.post(url, {**selected, "keep": keep.pk}, follow=True)

    assert "保留哪一个" in confirmation.content.decode()
    assert Zone.objects.filter(pk=duplicate.pk).exists() is False
    assert "已把 1 个开发区并入" in done.content.decode()
    assert keep.articles.count() == 1


def test_admin_merge_needs_two_zones(client):
    client.force_login(make_user(superuser=True))
    zone = make_zone()

    response = client.post(
        reverse("admin:zones_zone_changelist"),
        {"action": "merge_selected", "_selected_action": [zone.pk]},
        follow=True,
    )

    assert "请至少选择两个开发区" in response.content.decode()
    assert Zone.objects.filter(pk=zone.pk).exists()
