"""One server, several workers, no Redis: every worker serves the new issue once published."""

import pytest

from tests.cluster.test_freshness import home, publish_new_issue

pytestmark = [pytest.mark.cluster, pytest.mark.postgres_only]

# gunicorn hands each connection to whichever worker accepts first; this many requests reach
# both of the node's workers (the test checks the page, whoever answered).
REQUESTS = 12


def test_an_issue_published_is_on_every_workers_next_page(single_machine):
    (node,) = single_machine.nodes
    old, new = single_machine.data["old_title"], single_machine.data["new_title"]
    for _ in range(REQUESTS):
        text = home(node.port)
        assert old in text and new not in text

    publish_new_issue(single_machine, node)

    for port in [node.port] * REQUESTS + [single_machine.nginx_port] * 2:
        assert new in home(port)
