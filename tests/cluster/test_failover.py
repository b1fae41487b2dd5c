"""One node dies under load: nginx sends everything to the other, nothing is lost."""

import time

import pytest

from tests.cluster.clients import existing_articles
from tests.cluster.cluster import wait_gone
from tests.cluster.load import Load, figures

pytestmark = [pytest.mark.cluster, pytest.mark.postgres_only]

SECONDS = 60
READERS = 20
CORRESPONDENTS = 12
WORKERS_PER_NODE = 2  # tests/cluster/conftest.py


def test_killing_a_node_under_load_loses_no_request_but_those_in_flight(cluster):
    node_a, node_b = cluster.nodes
    load = Load(
        port=cluster.nginx_port,
        data=cluster.data,
        readers=READERS,
        correspondents=CORRESPONDENTS,
    )
    kill = {}

    def kill_node_b():
        kill["from"] = time.monotonic()
        node_b.kill()
        # A worker dies a moment after its master; until the last one has, the kernel still
        # accepts connections on the node's port. The window ends when the port refuses them.
        wait_gone(node_b)
        kill["to"] = time.monotonic()

    try:
        seconds = load.run(seconds=SECONDS, halfway=kill_node_b)
    finally:
        # The other tests of the folder share this cluster: node B comes back.
        if node_b.process.poll() is not None:
            node_b.start()
            cluster.wait_until_up(node_b)

    samples = load.samples
    in_flight = [s for s in samples if s.started <= kill["to"] and s.ended >= kill["from"]]
    failed_in_flight = [s for s in in_flight if s.failed]
    failed_otherwise = [s for s in samples if s.failed and s not in in_flight]
    print(f"\n60 秒负载，32 个连接，30 秒时 SIGKILL 节点 B：{figures(samples, seconds)}")
    print(
        f"杀掉节点到其端口拒绝连接 {(kill['to'] - kill['from']) * 1000:.0f} ms，"
        f"其间在途请求 {len(in_flight)} 个，其中失败 {len(failed_in_flight)} 个："
        + "，".join(f"{s.method} {s.path} → {s.status}" for s in failed_in_flight)
    )

    assert not load.client_errors, load.client_errors
    assert not failed_otherwise, [
        (
            s.method,
            s.path,
            s.status,
            f"{s.started - kill['from']:+.2f}s",
            f"{s.ended - s.started:.2f}s",
        )
        for s in failed_otherwise[:10]
    ]
    # nginx passes a GET on to node A unless node B had begun sending its answer, which only a
    # busy worker does: at most one per worker. A POST already sent is never passed on (never
    # saved twice): at most one per correspondent, each waiting for one answer at a time.
    failed_reads = [s for s in failed_in_flight if s.method == "GET"]
    assert len(failed_reads) <= WORKERS_PER_NODE, failed_reads
    assert len(failed_in_flight) - len(failed_reads) <= CORRESPONDENTS
    accepted = {s.piece_id for s in samples if s.piece_id is not None}
    assert accepted, "no submission was accepted under load"
    lost = accepted - existing_articles(cluster.database_url, accepted)
    assert not lost, f"302 without its row: {sorted(lost)}"
    after_kill = sum(s.started > kill["to"] for s in samples)
    assert after_kill > len(samples) / 4, f"nginx served only {after_kill} requests after the kill"
