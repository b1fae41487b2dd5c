"""The reader pages under test, the text each must show, and (c) the SQL queries each makes."""

import html
import re
from dataclasses import dataclass
from urllib.parse import quote

from bench.report import print_table

SEARCH_PAGE_QUERY = "光伏"
PAGE_NAMES = ["home", "issue", "article", "zone", "listing", "theme", "search"]


@dataclass
class ReaderPage:
    name: str
    label: str
    path: str
    # Text the page must show; an entry may be a tuple of alternatives, one of which must show.
    expected: list[str | tuple[str, ...]]


def reader_pages(names: list[str]) -> list[ReaderPage]:
    """The pages to measure, each with text its HTML must contain; the baseline comes first.

    A page whose URL name does not resolve yet is reported and left out.
    """
    from django.urls import NoReverseMatch, reverse

    from articles.models import Article
    from search.query import search

    in_print = Article.objects.published().filter(issue__isnull=False).in_print_order()
    newest = in_print.select_related("issue", "zone").first()
    zone = newest.zone
    # The theme of the newest themed piece: the synthetic corpus gives themes to a share of it.
    themed = in_print.filter(theme__isnull=False).first()
    # Any of the first page's titles: pieces that rank equally may come in either order.
    hit_titles = tuple(article.title for article in search(SEARCH_PAGE_QUERY).page or ())
    search_expected = [SEARCH_PAGE_QUERY] + ([hit_titles] if hit_titles else [])
    available = {
        "home": ("首页", "reader:home", {}, [newest.title]),
        "issue": ("一期", "reader:issue_detail", {"date": newest.issue.date}, [newest.title]),
        "article": (
            "文章",
            "reader:article_detail",
            {"pk": newest.pk},
            [newest.title, newest.paragraphs[-1]],
        ),
        "zone": ("开发区", "reader:zone_detail", {"pk": zone.pk}, [zone.official_name]),
        "listing": ("稿件列表", "reader:article_list", {}, [newest.title]),
        "theme": ("主题列表", "reader:article_list", {}, [themed.title] if themed else None),
        "search": ("检索", "reader:search", {}, search_expected),
    }
    pages = [
        ReaderPage("bare", "基准页（静态 20 KB）", reverse("bench_bare"), ["风起扬帆，正当其时"])
    ]
    for name in names:
        label, url_name, kwargs, expected = available[name]
        if expected is None:
            print(f"（{label}：库中没有带主题的已刊发稿件，跳过）")
            continue
        try:
            path = reverse(url_name, kwargs=kwargs)
        except NoReverseMatch:
            print(f"（{label}：URL 名称 {url_name} 尚无法解析，跳过）")
            continue
        if name == "search":
            path += "?q=" + quote(SEARCH_PAGE_QUERY)
        elif name == "theme":
            path += f"?theme={themed.theme_id}"
        pages.append(ReaderPage(name, label, path, expected))
    return pages


def visible_text(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def missing_text(page: ReaderPage, markup: str) -> list[str]:
    text = visible_text(markup)
    missing = []
    for expected in page.expected:
        alternatives = expected if isinstance(expected, tuple) else (expected,)
        if not any(alternative in text for alternative in alternatives):
            missing.append("或".join(alternatives[:3]) + ("……" if len(alternatives) > 3 else ""))
    return missing


def print_query_counts(pages: list[ReaderPage], failures: list[str]) -> dict:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    print(
        "\n== (c) 每个页面的 SQL 查询数"
        "（进程内 Django 测试客户端，关闭页面缓存和片段缓存，第二次请求）"
    )
    client = Client(raise_request_exception=False)
    counts = {}
    table = [["页面", "路径", "查询数"]]
    for page in pages:
        # Everything made from the database, as the query counts pinned by the tests are.
        with override_settings(KFQ_PAGE_CACHE_SECONDS=0, KFQ_FRAGMENT_CACHE_SECONDS=0):
            client.get(page.path)
            with CaptureQueriesContext(connection) as captured:
                response = client.get(page.path)
        if response.status_code != 200:
            failures.append(f"{page.label} {page.path} 返回 {response.status_code}")
            table.append([page.label, page.path, f"HTTP {response.status_code}"])
            continue
        counts[page.name] = len(captured.captured_queries)
        table.append([page.label, page.path, str(counts[page.name])])
    print_table(table)
    return counts
