"""Near copies on the seed archive: no false positives, and a seed piece sent again is found."""

import itertools

import pytest

from articles.models import Article
from search import near_copies
from search.models import Fingerprint, NearCopy
from tests.search_tests.near_copy_texts import with_small_edits

pytestmark = pytest.mark.django_db


def test_the_seed_archive_has_no_near_copies(seeded):
    """False positives on the seed archive: 28 pieces, many on the same themes, none a copy."""
    seeds = list(Article.objects.exclude(source_file=""))
    assert len(seeds) >= 20
    assert Fingerprint.objects.filter(article__in=seeds).count() == len(seeds)
    assert not NearCopy.objects.filter(article__in=seeds).exists()
    highest = max(_jaccard(a, b) for a, b in itertools.combinations(seeds, 2))
    assert highest < near_copies.THRESHOLD / 3


def test_a_seed_piece_sent_again_with_small_edits_is_found(seeded):
    seed = Article.objects.get(title="召开信创专业镇工作推进会")
    text = with_small_edits(near_copies.text_of(seed)).replace("4月12日", "4月13日")
    [match] = near_copies.similar_to(text)
    assert match.article_id == seed.pk


def _jaccard(a, b) -> float:
    ours, theirs = (
        near_copies.shingles(near_copies.text_of(a)),
        near_copies.shingles(near_copies.text_of(b)),
    )
    return len(ours & theirs) / len(ours | theirs)
