"""The clusters tests/cluster/ runs against: two nodes with Redis, one node without."""

import pytest

from tests.cluster.cluster import Cluster, start_cluster


@pytest.fixture(scope="package")
def cluster(tmp_path_factory) -> Cluster:
    # Migrating a database and starting five servers takes seconds: once for the folder.
    with start_cluster(
        tmp_path_factory.mktemp("cluster"), nodes=2, workers=2, with_redis=True
    ) as started:
        yield started


@pytest.fixture(scope="module")
def single_machine(tmp_path_factory) -> Cluster:
    """One node, two workers, the single-machine default cache (no KFQ_CACHE_URL)."""
    with start_cluster(
        tmp_path_factory.mktemp("single"), nodes=1, workers=2, with_redis=False
    ) as started:
        yield started
