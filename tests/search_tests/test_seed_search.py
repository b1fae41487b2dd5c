"""Search over the imported seed archive: every piece can be found, and zone names expand."""

import pytest

from articles.models import Article
from search import segmentation
from search.query import search
from zones.models import Zone, ZoneAlias

pytestmark = pytest.mark.django_db


def _zone_names() -> set[str]:
    names = set(ZoneAlias.objects.values_list("name", flat=True))
    for official_name, short_name in Zone.objects.values_list("official_name", "short_name"):
        names |= {official_name, short_name}
    return names


def _distinctive_word(article: Article, others: list[Article], zone_names: set[str]) -> str:
    """The longest word of the article's body (as segmented) that no other piece contains.

    Zone names are left out: they find every article of their zone, by design.
    """
    other_text = "\n".join(
        o.kicker
        + o.title
        + o.subtitle
        + o.body
        + o.byline
        + "".join(p.caption for p in o.photos.all())
        for o in others
    )
    candidates = [
        term
        for term in segmentation.query_terms(article.body)
        if len(term) >= 2 and term not in other_text and term not in zone_names
    ]
    assert candidates, f"no distinctive word in {article.title}"
    return max(candidates, key=len)


def test_every_seed_article_is_found_by_a_distinctive_body_word(seeded):
    articles = list(Article.objects.published().prefetch_related("photos"))
    assert len(articles) == 28
    zone_names = _zone_names()
    for article in articles:
        others = [other for other in articles if other.pk != article.pk]
        word = _distinctive_word(article, others, zone_names)
        results = search(word)
        found = [hit.article.pk for hit in results.hits]
        assert found == [article.pk], f"{word!r} should find only “{article.title}”"


@pytest.mark.parametrize(
    ("query", "title_fragment"),
    [
        ("光伏", "风起经开立潮头"),
        ("财政开门红", "财政开门红"),
        ("麻洁琼", "财政开门红"),
        ("潇河新兴产业园区", "施工稳步推进"),
    ],
)
def test_natural_queries_find_the_expected_piece(seeded, query, title_fragment):
    titles = [hit.article.title for hit in search(query).hits]
    assert any(title_fragment in title for title in titles), titles


@pytest.mark.parametrize(
    ("alias", "zone_name"),
    [("武乡示范区", "武乡现代农业产业示范区"), ("临汾经开区", "临汾经济开发区")],
)
def test_zone_alias_finds_every_article_of_its_zone(seeded, alias, zone_name):
    zone_articles = set(
        Article.objects.published()
        .filter(zone__official_name=zone_name)
        .values_list("pk", flat=True)
    )
    assert len(zone_articles) >= 2
    # Some of them never print the alias: the expansion, not the literal text, finds them.
    printing_alias = set(
        Article.objects.filter(pk__in=zone_articles, body__contains=alias).values_list(
            "pk", flat=True
        )
    )
    assert printing_alias != zone_articles

    results = search(alias)
    assert {hit.article.pk for hit in results.hits} >= zone_articles
    assert [zone.official_name for zone in results.query.zones] == [zone_name]


def test_zone_facet_counts_match_the_results(seeded):
    results = search("开发区")
    assert results.total == sum(facet.count for facet in results.facets["genre"])
    assert results.total == sum(facet.count for facet in results.facets["year"])
    zone_pks = {int(facet.value) for facet in results.facets["zone"]}
    assert zone_pks
    for facet in results.facets["zone"]:
        in_zone = [
            hit for hit in search("开发区", articles=Article.objects.filter(zone=facet.value)).hits
        ]
        assert len(in_zone) == min(facet.count, 20)
