"""bench/near_copies.py on a small corpus: the figures it prints are there and sensible."""

import pytest

from bench import near_copies as bench
from bench.corpus import generate_corpus
from search.models import Fingerprint
from tests.importer_tests.helpers import load_zones, run_import

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus():
    load_zones()
    run_import()
    generate_corpus(articles=60)


def test_the_check_finds_the_resubmitted_seed_and_nothing_for_a_new_story(corpus):
    rows = {row["query"]: row for row in bench.measure_checks(repeat=2)}

    assert rows["新稿件"]["found"] == 0 and rows["新稿件"]["baseline_found"] == 0
    resubmitted = rows["种子稿件小改后重投"]
    assert resubmitted["found"] >= 1
    # The buckets find what comparing with every fingerprint finds, up to MAX_MATCHES.
    assert resubmitted["found"] == min(resubmitted["baseline_found"], 10)
    assert all(row["p50_ms"] > 0 and row["baseline_p50_ms"] > 0 for row in rows.values())


def test_false_positives_are_counted_on_the_seeds_and_the_synthetic_pieces(corpus):
    found = bench.false_positives()

    assert found["seed_pieces"] == 28 and found["seed_pairs_compared"] == 378
    assert found["seed_false_positives"] == 0
    assert found["synthetic_pieces"] == 60
    assert found["synthetic_pairs_flagged"] > 0
    assert found["synthetic_false_positives"] == 0


def test_fingerprints_are_rebuilt_only_when_asked_or_missing(corpus):
    assert bench.ensure_fingerprints(False)["rebuild_seconds"] is None
    Fingerprint.objects.all().delete()
    rebuilt = bench.ensure_fingerprints(False)
    assert rebuilt["rebuild_seconds"] is not None
    assert Fingerprint.objects.count() == rebuilt["pieces"] == 88
