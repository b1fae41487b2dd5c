"""(a) Search latency: search.search() in-process against a LIKE scan of the same words."""

import statistics
import time
from dataclasses import asdict, dataclass, field

from bench.report import print_table, verdict

SEARCH_P50_MS = {"sqlite": 30.0, "postgresql": 50.0}
SEARCH_P95_MS = {"sqlite": 100.0}

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
    print("\n== (a) 检索延迟（进程内调用 search.search，已预热）")
    rows = []
    for text in queries():
        row = LatencyRow(text, search_total=run_search(text), like_total=run_like(text))
        row.search_ms = [timed_ms(lambda t=text: run_search(t)) for _ in range(args.repeat)]
        row.like_ms = [timed_ms(lambda t=text: run_like(t)) for _ in range(args.like_repeat)]
        rows.append(row)
    return rows


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def print_search(rows: list[LatencyRow], vendor: str) -> dict:
    table = [["检索词", "检索命中", "LIKE 命中", "检索 p50", "LIKE p50", "倍数"]]
    for row in rows:
        search_p50 = statistics.median(row.search_ms)
        like_p50 = statistics.median(row.like_ms)
        table.append(
            [
                row.query,
                str(row.search_total),
                str(row.like_total),
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
    p50_target = SEARCH_P50_MS.get(vendor)
    if p50_target:
        ok = summary["search_p50_ms"] <= p50_target
        summary["p50_target_ms"], summary["p50_verdict"] = p50_target, verdict(ok)
        print(f"目标 p50 ≤ {p50_target:.0f} ms：{verdict(ok)}")
    p95_target = SEARCH_P95_MS.get(vendor)
    if p95_target:
        ok = summary["search_p95_ms"] <= p95_target
        summary["p95_target_ms"], summary["p95_verdict"] = p95_target, verdict(ok)
        print(f"目标 p95 ≤ {p95_target:.0f} ms：{verdict(ok)}")
    summary["queries"] = [asdict(row) for row in rows]
    return summary
