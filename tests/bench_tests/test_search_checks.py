"""The benchmark's search section: its checks against exhaustive answers, and its verdicts."""

import io

import pytest
from django.core.management import call_command

from bench.search_latency import LatencyRow, print_search
from bench.search_quality import check_search_quality
from tests.importer_tests.helpers import load_zones, run_import


@pytest.mark.django_db
def test_search_agrees_with_exhaustive_answers_over_the_benchmark_queries():
    load_zones()
    run_import()
    call_command("generate_corpus", "--articles", "300", stdout=io.StringIO())

    summary = check_search_quality()

    assert summary["counts_verdict"] == "PASS"
    assert summary["pages_verdict"] == "PASS"
    # The corpus is large enough that both tiers are compared, not only empty pages.
    assert any(
        row["title_total"] and row["total"] > row["title_total"] for row in summary["queries"]
    )


def row(query, milliseconds):
    return LatencyRow(
        query, 1, 1, first_ms=milliseconds, search_ms=[milliseconds] * 5, like_ms=[1000.0]
    )


def test_a_query_costing_more_than_three_times_the_fastest_misses():
    summary = print_search([row("光伏", 5.0), row("项目建设", 16.0), row("两会", 6.0)])

    assert summary["p50_verdict"] == "PASS"
    assert summary["p95_verdict"] == "PASS"
    assert summary["slowest_verdict"] == "MISS"
    assert summary["slowest_to_fastest"] == pytest.approx(3.2)


def test_latency_targets_are_judged_on_every_timed_search():
    summary = print_search([row("光伏", 15.0), row("两会", 25.0)])

    assert summary["p50_verdict"] == "PASS"
    assert summary["p95_verdict"] == "PASS"
    summary = print_search([row("光伏", 18.0), row("两会", 30.0), row("信创", 70.0)])
    assert summary["p50_verdict"] == "MISS"
    assert summary["p95_verdict"] == "MISS"
