"""generate_corpus: a synthetic published archive built from the seed pages."""

import io
from collections import Counter

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article, Contributor, Issue, SearchEntry, Status
from bench.corpus import CONTRIBUTOR_NOTE, synthetic_articles
from search import segmentation
from search.query import search
from tests.importer_tests.helpers import load_zones, run_import

pytestmark = pytest.mark.django_db

ARTICLES = 200


@pytest.fixture
def seeded():
    load_zones()
    run_import()


def generate(*args) -> str:
    out = io.StringIO()
    call_command("generate_corpus", *args, stdout=out)
    return out.getvalue()


def snapshot() -> list[tuple]:
    """Everything a reader sees of the synthetic archive, in a stable order."""
    articles = synthetic_articles().with_listing_relations().order_by("issue__date", "page", "pk")
    return [
        (
            article.issue.date,
            article.page,
            article.position,
            article.zone.official_name,
            article.genre,
            article.title,
            article.body,
            article.byline,
            tuple(article.author_names()),
            article.theme_id,
        )
        for article in articles
    ]


def test_creates_published_articles_in_distinct_places(seeded):
    seed_issue_dates = set(Issue.objects.values_list("date", flat=True))

    output = generate("--articles", str(ARTICLES))

    articles = list(synthetic_articles().with_listing_relations())
    assert len(articles) == ARTICLES
    assert {article.status for article in articles} == {Status.PUBLISHED}
    places = Counter((a.issue_id, a.page, a.position) for a in articles)
    assert places.most_common(1)[0][1] == 1
    assert all(a.zone_id and a.page and a.position for a in articles)
    assert all(1 <= len(a.author_names()) <= 2 for a in articles)
    assert all(a.byline == " ".join(a.author_names()) for a in articles)
    assert all(len(a.paragraphs) >= 4 for a in articles)  # a lead and 3 to 8 seed paragraphs
    assert len({a.zone_id for a in articles}) > 30
    issues = {a.issue for a in articles}
    assert len(issues) == ARTICLES // 50
    assert all(issue.published_at for issue in issues)
    assert max(issue.date for issue in issues) < min(seed_issue_dates)
    contributors = Contributor.objects.filter(note=CONTRIBUTOR_NOTE)
    assert contributors.exists()
    assert not contributors.filter(zone__isnull=True).exists()
    assert f"[{ARTICLES}/{ARTICLES}]" in output
    assert "合成语料：稿件 200 篇" in output


def test_synthetic_articles_are_indexed_for_search(seeded):
    generate("--articles", str(ARTICLES))

    assert SearchEntry.objects.filter(article__in=synthetic_articles()).count() == ARTICLES


def test_a_synthetic_authors_name_finds_their_pieces(seeded):
    # The contributors are bulk-created, past the receivers that tell the segmenter of a new
    # name: a process that had loaded the names before (every batch after the first) indexed
    # their bylines cut into pieces, and their names found nothing.
    segmentation.ensure_dictionary()
    generate("--articles", str(ARTICLES))
    author = Contributor.objects.filter(note=CONTRIBUTOR_NOTE).order_by("name").first()
    segmentation.forget_dictionary_version()  # search as a fresh process does
    theirs = set(synthetic_articles().filter(authors=author).values_list("pk", flat=True))
    assert theirs <= {hit.article.pk for hit in search(author.name, per_page=100).hits}


def test_a_share_of_the_pieces_answer_a_theme_of_the_call(seeded):
    # The theme listings are benchmarked: they need pieces to page through.
    generate("--articles", str(ARTICLES))

    themed = synthetic_articles().filter(theme__isnull=False).select_related("theme")
    assert ARTICLES * 0.25 < themed.count() < ARTICLES * 0.55
    assert len({article.theme_id for article in themed}) > 1
    assert all(article.call_id == article.theme.call_id for article in themed)


def test_same_seed_gives_the_same_archive(seeded):
    generate("--articles", str(ARTICLES), "--seed", "7")
    first = snapshot()

    generate("--clear", "--articles", str(ARTICLES), "--seed", "7")
    assert snapshot() == first

    generate("--clear", "--articles", str(ARTICLES), "--seed", "8")
    assert snapshot() != first


def test_clear_removes_the_corpus_and_keeps_the_seeds(seeded):
    seed_ids = set(Article.objects.values_list("pk", flat=True))
    issues = Issue.objects.count()
    contributors = Contributor.objects.count()
    generate("--articles", str(ARTICLES))

    output = generate("--clear")

    assert "已删除合成稿件 200 篇、期 4 个" in output
    assert set(Article.objects.values_list("pk", flat=True)) == seed_ids
    assert Issue.objects.count() == issues
    assert Contributor.objects.count() == contributors


def test_refuses_a_second_corpus_without_clear(seeded):
    generate("--articles", "50")

    with pytest.raises(CommandError, match="--clear"):
        generate("--articles", "50")
    assert synthetic_articles().count() == 50


def test_refuses_without_imported_seeds():
    load_zones()

    with pytest.raises(CommandError) as refusal:
        generate("--articles", "10")

    assert "load_zones" in str(refusal.value)
    assert "import_seeds" in str(refusal.value)
    assert not Article.objects.exists()


def test_a_query_word_does_not_match_most_of_the_corpus(seeded):
    generate("--articles", str(ARTICLES))

    word = "信创"  # from the seed piece on 长治高新区's 信创专业镇
    seeds = Article.objects.exclude(pk__in=synthetic_articles().values("pk"))
    assert seeds.filter(body__contains=word).exists()
    matching = synthetic_articles().filter(body__contains=word).count()
    assert 0 < matching < ARTICLES / 2
