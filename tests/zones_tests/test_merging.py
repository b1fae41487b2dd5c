import pytest
from django.urls import reverse

from articles.models import Article, Contributor
from tests.factories import make_article, make_contributor, make_user, make_zone
from zones.directory import ZoneDirectory
from zones.merging import MergeRefused, merge_zones
from zones.models import Zone, ZoneAlias

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


def test_merge_moves_awards_and_search_entries_and_reindexes_the_moved_pieces(client):
    """Award.zone and SearchEntry.zone have no reverse accessor (related_name="+"); they must
    move with the rest, or deleting the duplicate leaves them without a zone."""
    import datetime

    from articles.models import SearchEntry
    from awards.models import Award
    from awards.services import fix_awards
    from search.indexing import document_of
    from search.query import search
    from tests.factories import make_editor, make_issue

    editor = make_editor()
    keep = make_zone(official_name="沁源经济技术开发区")
    duplicate = make_zone(official_name="沁源经济开发区园区", confirmed=False)
    writer = make_contributor(zone=duplicate)
    issue = make_issue(date=datetime.date(2024, 3, 5))
    moved = [
        make_article(
            title=f"煤层气项目{n}",
            zone=duplicate,
            issue=issue,
            page=1,
            position=n,
            authors=[writer],
        )
        for n in (1, 2)
    ]
    make_article(title="煤层气项目3", zone=keep, issue=issue, page=1, position=3)
    fix_awards(year=2024, by=editor, issued_on=datetime.date(2025, 1, 10))

    merge_zones(keep=keep, duplicates=[duplicate])

    assert Award.objects.get(contributor=writer).zone == keep
    assert set(SearchEntry.objects.values_list("zone", flat=True)) == {keep.pk}
    for article in moved:
        entry = SearchEntry.objects.get(pk=article.pk)
        fresh = document_of(Article.objects.get(pk=article.pk))
        assert entry.body_terms == fresh.body_terms
    facets = search("煤层气").facets["zone"]
    assert [(f.value, f.count) for f in facets] == [(str(keep.pk), 3)]
    client.force_login(editor)
    letter = client.get(reverse("admin:awards_award_letter", args=[2024, keep.pk]))
    assert letter.status_code == 200 and writer.name in letter.content.decode()
    ranking = client.get(reverse("admin:awards_credit_ranking", args=[2024])).content.decode()
    assert f"{keep.official_name}管委会" in ranking
    assert "没有登记开发区" not in ranking


def test_merge_sends_zones_merged_with_the_moved_rows():
    from zones.merging import zones_merged

    keep = make_zone()
    duplicate = make_zone()
    article = make_article(zone=duplicate)
    heard = []

    def listener(sender, **kwargs):
        heard.append(kwargs)

    zones_merged.connect(listener)
    try:
        merge_zones(keep=keep, duplicates=[duplicate])
    finally:
        zones_merged.disconnect(listener)

    assert heard[0]["keep"] == keep
    assert heard[0]["merged_ids"] == [duplicate.pk]
    assert heard[0]["moved"][Article] == [article.pk]


@pytest.fixture
def zone_profile_model():
    """A model with one row per zone, as an app might add one; its table lives for one test.

    No app has such a model today; the merge must still not lose or duplicate its rows.
    """
    from django.apps import apps
    from django.db import connection, models

    class ZoneProfile(models.Model):
        zone = models.OneToOneField(Zone, on_delete=models.CASCADE, related_name="+")
        note = models.CharField(max_length=20)

        class Meta:
            app_label = "zones"
            verbose_name = "园区简介"

        def __str__(self):
            return self.note

    with connection.schema_editor() as editor:
        editor.create_model(ZoneProfile)
    try:
        yield ZoneProfile
    finally:
        with connection.schema_editor() as editor:
            editor.delete_model(ZoneProfile)
        del apps.all_models["zones"]["zoneprofile"]
        apps.clear_cache()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_one_to_one_row_moves_but_a_collision_refuses_the_merge_and_changes_nothing(
    zone_profile_model,
):
    keep, duplicate = make_zone(), make_zone()
    zone_profile_model.objects.create(zone=keep, note="保留方")
    zone_profile_model.objects.create(zone=duplicate, note="并入方")

    with pytest.raises(MergeRefused, match="园区简介"):
        merge_zones(keep=keep, duplicates=[duplicate])

    assert Zone.objects.filter(pk=duplicate.pk).exists()
    assert zone_profile_model.objects.get(zone=duplicate).note == "并入方"
    zone_profile_model.objects.filter(zone=keep).delete()
    merge_zones(keep=keep, duplicates=[duplicate])
    assert zone_profile_model.objects.get(zone=keep).note == "并入方"
