"""Every process segments with the same names: a name added, changed or removed by one process
is used by every other process's next search, and the articles that print it are reindexed.

Another process is stood for by running the change with a fresh copy of the segmentation
module's state (its own segmenter and dictionary), then putting this process's state back: only
the database is shared, as between two workers or two nodes.
"""

import importlib
from contextlib import contextmanager

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from search import segmentation
from search.query import search
from tests.factories import make_article, make_contributor, make_zone
from zones.loading import refresh_derived_aliases
from zones.models import ZoneAlias

pytestmark = pytest.mark.django_db


@contextmanager
def another_process():
    """Run the block as another process would: with a dictionary of its own, loaded afresh
    from the database, while this process's dictionary stays as it was."""
    ours = dict(vars(segmentation))
    importlib.reload(segmentation)
    try:
        yield
    finally:
        vars(segmentation).update(ours)


def found(query):
    return [hit.article.pk for hit in search(query).hits]


def test_a_contributor_renamed_elsewhere_is_one_term_here():
    contributor = make_contributor(name="欧阳明")
    segmentation.ensure_dictionary()
    with another_process():
        contributor.name = "欧阳明辉"
        contributor.save()

    segmentation.ensure_dictionary()

    assert segmentation.query_terms("欧阳明辉") == ["欧阳明辉"]


def test_articles_printing_a_contributors_new_name_are_found_by_it():
    article = make_article(title="项目签约", byline="(记者 欧阳明辉)")
    contributor = make_contributor(name="欧阳明")
    with another_process():
        contributor.name = "欧阳明辉"
        contributor.save()

    assert found("欧阳明辉") == [article.pk]


def test_an_alias_added_elsewhere_finds_the_zones_articles_here():
    zone = make_zone(official_name="雁门关外产业园区", short_name="")
    article = make_article(zone=zone, title="项目签约", body="雁门关外产业园区签约三个项目。")
    other = make_article(title="另一篇", body="晋北示范园开工。")
    found("产业园区")
    with another_process():
        ZoneAlias.objects.create(zone=zone, name="晋北示范园")

    assert sorted(found("晋北示范园")) == sorted([article.pk, other.pk])
    assert segmentation.query_terms("晋北示范园") == ["晋北示范园"]


def test_a_zone_renamed_elsewhere_is_one_term_here_and_finds_its_articles():
    zone = make_zone(official_name="甲乙经济技术开发区", short_name="")
    article = make_article(zone=zone, title="项目签约", body="今天签约。")
    printing = make_article(title="另一篇", body="丙丁高新区的企业来访。")
    found("签约")
    with another_process():
        zone.official_name = "丙丁高新技术产业开发区"
        zone.short_name = "丙丁高新区"
        zone.save()

    assert sorted(found("丙丁高新区")) == sorted([article.pk, printing.pk])
    assert segmentation.query_terms("丙丁高新区") == ["丙丁高新区"]


def test_an_alias_deleted_elsewhere_is_no_longer_one_term_here():
    zone = make_zone(official_name="雁门关外产业园区", short_name="")
    alias = ZoneAlias.objects.create(zone=zone, name="晋北示范园")
    make_article(zone=zone, title="项目签约", body="今天签约。")
    printing = make_article(title="另一篇", body="晋北示范园开工。")
    assert segmentation.query_terms("晋北示范园") == ["晋北示范园"]
    with another_process():
        alias.delete()

    # The zone's own articles no longer answer to the old alias; the piece that prints the
    # words is still found by them, reindexed as every process now cuts them.
    assert found("晋北示范园") == [printing.pk]
    assert segmentation.query_terms("晋北示范园") != ["晋北示范园"]


def test_an_unchanged_dictionary_costs_one_query_per_search():
    make_zone()
    make_contributor()
    segmentation.ensure_dictionary()

    with CaptureQueriesContext(connection) as queries:
        segmentation.ensure_dictionary()

    assert len(queries) == 1


def test_a_name_saved_in_this_process_is_used_at_once():
    zone = make_zone(official_name="雁门关外产业园区", short_name="")
    found("产业园区")
    ZoneAlias.objects.create(zone=zone, name="晋北示范园")

    assert segmentation.query_terms("晋北示范园") == ["晋北示范园"]


def test_a_name_whose_save_was_rolled_back_is_forgotten():
    zone = make_zone(official_name="雁门关外产业园区", short_name="")
    found("产业园区")
    with pytest.raises(RuntimeError), transaction.atomic():
        ZoneAlias.objects.create(zone=zone, name="晋北示范园")
        found("晋北示范园")
        raise RuntimeError

    found("产业园区")

    assert segmentation.query_terms("晋北示范园") != ["晋北示范园"]


def test_aliases_derived_in_bulk_elsewhere_are_one_term_here():
    zone = make_zone(official_name="甲乙经济技术开发区", short_name="")
    article = make_article(zone=zone, title="项目签约", body="今天签约。")
    printing = make_article(title="另一篇", body="甲乙经开区的企业来访。")
    found("签约")
    with another_process():
        refresh_derived_aliases()

    assert sorted(found("甲乙经开区")) == sorted([article.pk, printing.pk])
    assert segmentation.query_terms("甲乙经开区") == ["甲乙经开区"]
