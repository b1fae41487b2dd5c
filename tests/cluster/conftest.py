"""The clusters tests/cluster/ runs against: two nodes with Redis, one node without."""

import pytest

from tests.cluster.cluster import Cluster, Prepared, prepare, start_cluster


@pytest.fixture(scope="package")
def prepared(tmp_path_factory) -> Prepared:
    with prepare(tmp_path_factory.mktemp("prepared")) as made:
        yield made


@pytest.fixture(scope="package")
def cluster(tmp_path_factory, prepared) -> Cluster:
    # Starting five servers takes seconds: once for the folder.
    with start_cluster(
        tmp_path_factory.mktemp("cluster"), prepared, nodes=2, workers=2, with_redis=True
    ) as started:
        yield started


@pytest.fixture(scope="module")
def single_machine(tmp_path_factory, prepared) -> Cluster:
    """One node, two workers, the single-machine default cache (no KFQ_CACHE_URL)."""
    with start_cluster(
        tmp_path_factory.mktemp("single"), prepared, nodes=1, workers=2, with_redis=False
    ) as started:
        yield started
