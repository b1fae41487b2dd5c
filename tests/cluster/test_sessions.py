"""A session made on one node is good on the other: the correspondent never notices which."""

import re

import pytest

from tests.cluster.clients import browser, existing_articles, log_in, submit

pytestmark = [pytest.mark.cluster, pytest.mark.postgres_only]


def test_correspondent_logs_in_on_one_node_and_submits_on_the_other(cluster):
    node_a, node_b = cluster.nodes
    on_a = browser(node_a.port)
    log_in(on_a, cluster.data["correspondents"][-1], cluster.data["password"])

    on_b = browser(node_b.port, on_a.cookies)
    answer = submit(on_b, "跨节点会话")

    assert answer is not None, "节点 B 不认节点 A 的登录：投稿页没有打开"
    piece = re.fullmatch(r"/my/(\d+)/", answer.redirect_path())
    assert answer.status == 302 and piece, (answer.status, answer.location)
    assert existing_articles(cluster.database_url, [int(piece.group(1))])
    mine = on_a.get(answer.redirect_path())
    assert mine.status == 200 and "跨节点会话" in mine.text
