"""What an editor changes on one node, a reader sees on the other at once, and search knows."""

import re
import time
from urllib.parse import quote

import pytest

from tests.cluster.clients import admin_post, browser, log_in

pytestmark = [pytest.mark.cluster, pytest.mark.postgres_only]


def home(port: int) -> str:
    page = browser(port).get("/")
    assert page.status == 200, f"home on port {port}: HTTP {page.status}"
    return page.text


def publish_new_issue(cluster, node) -> float:
    """The editor presses 发布本期 in the admin of `node`; returns when the answer came."""
    editor = browser(node.port)
    log_in(editor, cluster.data["editor"], cluster.data["password"])
    path = f"/admin/articles/issue/{cluster.data['new_issue_id']}/publish/"
    published = editor.post(path, [("csrfmiddlewaretoken", editor.csrf_token)])
    answered = time.monotonic()
    assert published.status == 302, published.status
    # Logged in, the editor is always served a fresh page: the issue really is published.
    assert cluster.data["new_title"] in editor.get("/").text, "发布本期没有成功"
    return answered


def test_an_issue_published_on_one_node_is_on_the_others_next_page(cluster):
    node_a, node_b = cluster.nodes
    old, new = cluster.data["old_title"], cluster.data["new_title"]
    for port in (node_a.port, node_a.port, node_b.port, node_b.port, cluster.nginx_port):
        text = home(port)
        assert old in text and new not in text

    answered = publish_new_issue(cluster, node_a)
    on_b = home(node_b.port)
    seconds = time.monotonic() - answered

    assert new in on_b
    print(f"\n节点 A 发布本期后，节点 B 下一次请求即为新首页：{seconds * 1000:.0f} ms")
    for port in (node_b.port, node_b.port, cluster.nginx_port, cluster.nginx_port):
        assert new in home(port)


def searched_on(node, name: str) -> str:
    found = browser(node.port).get("/search/?q=" + quote(name))
    assert found.status == 200, f"search on {node.name}: HTTP {found.status}"
    return found.text


def editor_on(cluster, node):
    editor = browser(node.port)
    log_in(editor, cluster.data["editor"], cluster.data["password"])
    return editor


def warm_search(node):
    """Every worker of `node` has loaded the search dictionary, as on a server that has run."""
    for _ in range(4):
        searched_on(node, "开发区")


def test_an_alias_added_on_one_node_is_searched_on_the_other(cluster):
    node_a, node_b = cluster.nodes
    data = cluster.data
    warm_search(node_b)

    added = admin_post(
        editor_on(cluster, node_a),
        "/admin/zones/zonealias/add/",
        name=data["alias"],
        zone=str(data["zone_id"]),
    )
    assert added.status == 302, added.text[:2000]

    for _ in range(2):
        assert data["zone_article_title"] in searched_on(node_b, data["alias"])


def test_an_alias_renamed_on_one_node_is_searched_on_the_other(cluster):
    node_a, node_b = cluster.nodes
    data = cluster.data
    warm_search(node_b)

    renamed = admin_post(
        editor_on(cluster, node_a),
        f"/admin/zones/zonealias/{data['alias_id']}/change/",
        name=data["renamed_alias"],
        zone=str(data["zone_id"]),
    )
    assert renamed.status == 302, re.findall(r"errorlist[^>]*>(.*?)</ul>", renamed.text, re.S)

    for _ in range(2):
        assert data["zone_article_title"] in searched_on(node_b, data["renamed_alias"])
