"""(a) Search latency: search.search() in-process against a LIKE scan of the same words.

Every query is searched once first, with the index's version renewed so that its counts are
counted, not read from the cache (the "首次" column: what a query nobody asked before costs);
the timed searches that follow read the counts from the cache, as a repeated query does.
"""

import statistics
import time
from dataclasses import asdict, dataclass, field

from bench.report import print_table, verdict

# Issue 17's targets, the same on both databases.
SEARCH_P50_MS = 20.0
SEARCH_P95_MS = 60.0
# Cost must not grow with the hit count: the slowest query's p50 against the fastest's.
SLOWEST_TO_FASTEST = 3.0

# Zone names and aliases, subjects, a contributor (added at run time), two-word queries.
QUERIES = [
    "朔州经开区",
    "朔州经济开发区",
    "转型综改区",
    "太原高新区",
    "光伏",
    "招商引资",
    "营商环境",
    "项目建设",
    "新能源",
    "两会",
    "信创",
    "开门红",
    "光伏 项目",
    "营商环境 改革",
]


@dataclass
class LatencyRow:
    query: str
    search_total: int
    like_total: int
    first_ms: float
    search_ms: list[float] = field(default_factory=list)
    like_ms: list[float] = field(default_factory=list)


def queries() -> list[str]:
    from articles.models import Contributor
    from bench.corpus import CONTRIBUTOR_NOTE

    contributor = (
        Contributor.objects.filter(note=CONTRIBUTOR_NOTE).order_by("name", "pk").first()
        or Contributor.objects.order_by("name", "pk").first()
    )
    return QUERIES + ([contributor.name] if contributor else [])


def timed_ms(function) -> float:
    started = time.perf_counter()
    function()
    return (time.perf_counter() - started) * 1000


def run_search(text: str) -> int:
    from search.query import search

    results = search(text, articles=None, page=1, per_page=20)
    if results.page is not None:
        for article in results.page.object_list:
            article.author_names()
    return results.total


def run_like(text: str) -> int:
    from django.db.models import Q

    from articles.models import Article

    matches = Article.objects.published()
    for word in text.split():
        matches = matches.filter(Q(title__contains=word) | Q(body__contains=word))
    total = matches.count()
    list(matches.order_by("-issue__date")[:20])
    return total


def measure_search(args) -> list[LatencyRow]:
    from django.db import transaction

    from search.summary import index_changed

    print("\n== (a) 检索延迟（进程内调用 search.search；首次计数，其后计数来自缓存）")
    with transaction.atomic():
        index_changed()
    rows = []
    for text in queries():
        started = time.perf_counter()
        total = run_search(text)
        first_ms = (time.perf_counter() - started) * 1000
        row = LatencyRow(text, total, like_total=run_like(text), first_ms=first_ms)
        row.search_ms = [timed_ms(lambda t=text: run_search(t)) for _ in range(args.repeat)]
        row.like_ms = [timed_ms(lambda t=text: run_like(t)) for _ in range(args.like_repeat)]
        rows.append(row)
    return rows


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def print_search(rows: list[LatencyRow]) -> dict:
    table = [["检索词", "检索命中", "LIKE 命中", "首次", "检索 p50", "LIKE p50", "倍数"]]
    for row in rows:
        search_p50 = statistics.median(row.search_ms)
        like_p50 = statistics.median(row.like_ms)
        table.append(
            [
                row.query,
                str(row.search_total),
                str(row.like_total),
                f"{row.first_ms:.1f} ms",
                f"{search_p50:.1f} ms",
                f"{like_p50:.1f} ms",
                f"{like_p50 / search_p50:.1f}×",
            ]
        )
    print_table(table)
    all_search = [ms for row in rows for ms in row.search_ms]
    all_like = [ms for row in rows for ms in row.like_ms]
    summary = {
        "search_p50_ms": percentile(all_search, 0.5),
        "search_p95_ms": percentile(all_search, 0.95),
        "like_p50_ms": percentile(all_like, 0.5),
        "like_p95_ms": percentile(all_like, 0.95),
    }
    print(
        f"全部 {len(rows)} 个检索词：检索 p50 {summary['search_p50_ms']:.1f} ms、"
        f"p95 {summary['search_p95_ms']:.1f} ms；LIKE 扫描 p50 {summary['like_p50_ms']:.1f} ms、"
        f"p95 {summary['like_p95_ms']:.1f} ms；p50 快 "
        f"{summary['like_p50_ms'] / summary['search_p50_ms']:.1f} 倍"
    )
    first = [row.first_ms for row in rows]
    summary["first_p50_ms"], summary["first_p95_ms"] = (
        percentile(first, 0.5),
        percentile(first, 0.95),
    )
    print(
        f"首次（计数未缓存）：p50 {summary['first_p50_ms']:.1f} ms、"
        f"p95 {summary['first_p95_ms']:.1f} ms"
    )
    by_p50 = sorted(rows, key=lambda row: statistics.median(row.search_ms))
    fastest, slowest = by_p50[0], by_p50[-1]
    summary["slowest_to_fastest"] = statistics.median(slowest.search_ms) / statistics.median(
        fastest.search_ms
    )
    p50, p95, ratio = (
        summary[key] for key in ("search_p50_ms", "search_p95_ms", "slowest_to_fastest")
    )
    targets = [
        ("p50", f"检索 p50 ≤ {SEARCH_P50_MS:.0f} ms（实为 {p50:.1f} ms）", p50 <= SEARCH_P50_MS),
        ("p95", f"检索 p95 ≤ {SEARCH_P95_MS:.0f} ms（实为 {p95:.1f} ms）", p95 <= SEARCH_P95_MS),
        (
            "slowest",
            f"最慢的词 ≤ 最快的词的 {SLOWEST_TO_FASTEST:.0f} 倍（{slowest.query} / "
            f"{fastest.query}，实为 {ratio:.1f} 倍）",
            ratio <= SLOWEST_TO_FASTEST,
        ),
    ]
    for key, label, ok in targets:
        summary[f"{key}_verdict"] = verdict(ok)
        print(f"目标 {label}：{verdict(ok)}")
    summary["queries"] = [asdict(row) for row in rows]
    return summary
