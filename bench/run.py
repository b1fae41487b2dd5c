"""The benchmark of the public archive and its search; see bench/README.md.

    .venv/bin/python -m bench.run [--articles 100000] [--duration 5] ...

Prepares a scratch database (SQLite under var/bench/ unless --database-from-env), fills it with
the seed pages and a synthetic corpus of --articles pieces (reused when already that size),
then measures (a) search latency in-process against a LIKE scan, (b) requests per second of the
reader pages under gunicorn against a static baseline page served by the same gunicorn, and
(c) the SQL queries each page makes.
"""

import argparse
import html
import importlib.metadata
import io
import json
import os
import platform
import re
import secrets
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
import unicodedata
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import quote

BASE_DIR = Path(__file__).resolve().parent.parent
SCRATCH = BASE_DIR / "var" / "bench"

SEARCH_P50_MS = {"sqlite": 30.0, "postgresql": 50.0}
SEARCH_P95_MS = {"sqlite": 100.0}
THROUGHPUT_SHARE = 0.70

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
SEARCH_PAGE_QUERY = "光伏"
PAGE_NAMES = ["home", "issue", "article", "zone", "search"]


@dataclass
class ReaderPage:
    name: str
    label: str
    path: str
    # Text the page must show; an entry may be a tuple of alternatives, one of which must show.
    expected: list[str | tuple[str, ...]]


@dataclass
class LatencyRow:
    query: str
    search_total: int
    like_total: int
    search_ms: list[float] = field(default_factory=list)
    like_ms: list[float] = field(default_factory=list)


def parse_args():
    parser = argparse.ArgumentParser(
        prog="python -m bench.run",
        description="公开存档与中文检索的性能基准（见 bench/README.md）。",
    )
    parser.add_argument("--articles", type=int, default=100_000, help="合成稿件篇数")
    parser.add_argument(
        "--database-from-env",
        action="store_true",
        help="使用环境变量 DATABASE_URL 指向的数据库（make bench-postgres 用），"
        "而不是 var/bench/ 下的临时 SQLite 文件",
    )
    parser.add_argument("--sqlite-file", type=Path, default=SCRATCH / "bench.sqlite3")
    parser.add_argument("--reindex", action="store_true", help="测量前重建检索索引")
    parser.add_argument("--repeat", type=int, default=10, help="每个检索词计时的次数")
    parser.add_argument("--like-repeat", type=int, default=3, help="每个词 LIKE 扫描计时的次数")
    parser.add_argument("--duration", type=float, default=5.0, help="每个页面压测的秒数")
    parser.add_argument("--warmup", type=float, default=1.0, help="每个页面压测前预热的秒数")
    parser.add_argument("--clients", type=int, default=4, help="并发客户端进程数")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync worker 数")
    parser.add_argument(
        "--pages",
        default=",".join(PAGE_NAMES),
        help=f"压测的页面，逗号分隔：{','.join(PAGE_NAMES)}",
    )
    parser.add_argument(
        "--page-cache",
        choices=["both", "on", "off"],
        default="both",
        help="压测时页面缓存：按网站设置（on）、关闭（off）或两种各测一遍（both，默认）",
    )
    parser.add_argument("--skip-search", action="store_true", help="不测检索延迟")
    parser.add_argument("--skip-http", action="store_true", help="不做 gunicorn 压测")
    parser.add_argument(
        "--json", type=Path, help="结果 JSON 的路径（默认 var/bench/results-<数据库>.json）"
    )
    return parser.parse_args()


def main() -> int:
    args = parse_args()
    if args.database_from_env:
        database_url = os.environ.get("DATABASE_URL")
        if not database_url:
            sys.exit("--database-from-env 需要设置 DATABASE_URL。")
    else:
        args.sqlite_file.parent.mkdir(parents=True, exist_ok=True)
        database_url = f"sqlite:///{args.sqlite_file.resolve()}"
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    import django

    django.setup()
    from django.db import connection

    vendor = connection.vendor
    results = {"environment": environment(), "articles": args.articles}
    print_environment(results["environment"])
    results["corpus"] = prepare_database(args)
    pages = reader_pages([name.strip() for name in args.pages.split(",") if name.strip()])
    failures = []

    if not args.skip_search:
        rows = measure_search(args)
        results["search"] = print_search(rows, vendor)

    results["queries_per_page"] = print_query_counts(pages, failures)

    if not args.skip_http:
        results["http"] = measure_http(args, database_url, pages, failures)

    target = args.json or SCRATCH / f"results-{vendor}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(results, ensure_ascii=False, indent=2, default=str))
    print(f"\n结果已写入 {target}")
    for failure in failures:
        print(f"错误：{failure}")
    return 1 if failures else 0


# -- environment and database


def environment() -> dict:
    import django
    from django.db import connection

    info = {
        "python": platform.python_version(),
        "django": django.get_version(),
        "database": connection.vendor,
        "sqlite": sqlite3.sqlite_version,
        "jieba": importlib.metadata.version("jieba"),
        "gunicorn": importlib.metadata.version("gunicorn"),
        "cpus": os.cpu_count(),
        "cpus_usable": len(os.sched_getaffinity(0)),
        "platform": platform.platform(),
    }
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            info["postgresql"] = cursor.fetchone()[0]
    return info


def print_environment(info: dict):
    print("== 环境")
    database = f"PostgreSQL {info['postgresql']}" if "postgresql" in info else "SQLite"
    print(
        f"Python {info['python']}，Django {info['django']}，数据库 {database}"
        f"（Python 的 SQLite 库 {info['sqlite']}），jieba {info['jieba']}，"
        f"gunicorn {info['gunicorn']}"
    )
    print(f"CPU {info['cpus']} 个（可用 {info['cpus_usable']} 个）；{info['platform']}")


def prepare_database(args) -> dict:
    """Migrate, import the seeds if missing, and make the synthetic corpus the requested size."""
    from django.core.management import call_command
    from django.db import connection

    from articles.corpus import synthetic_articles
    from articles.models import Article, SearchEntry

    print("\n== 数据库")
    call_command("migrate", verbosity=0)
    if not Article.objects.published().exclude(pk__in=synthetic_articles().values("pk")).exists():
        print("导入开发区名录和种子版面……")
        call_command("load_zones", stdout=io.StringIO())
        call_command("import_seeds", stdout=io.StringIO())
    existing = synthetic_articles().count()
    generated_seconds = None
    if existing == args.articles:
        print(f"沿用已有的 {existing} 篇合成稿件（要重新生成请删除数据库或改变 --articles）。")
    else:
        print(f"已有合成稿件 {existing} 篇，重新生成 {args.articles} 篇……")
        started = time.monotonic()
        call_command("generate_corpus", "--clear", "--articles", str(args.articles))
        generated_seconds = round(time.monotonic() - started, 1)
    published = Article.objects.published().count()
    indexed = SearchEntry.objects.count()
    if args.reindex or indexed != published:
        print(f"检索索引 {indexed} 条、已刊发稿件 {published} 篇，重建索引……")
        call_command("rebuild_search_index", verbosity=0)
    # Planner statistics, and on PostgreSQL the visibility map and a flushed GIN pending list,
    # as autovacuum would leave them some time after a bulk load.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    print(f"已刊发稿件 {published} 篇，其中合成 {synthetic_articles().count()} 篇。")
    return {"published": published, "generated_seconds": generated_seconds}


# -- (a) search latency


def queries() -> list[str]:
    from articles.corpus import CONTRIBUTOR_NOTE
    from articles.models import Contributor

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
    from articles.search import search

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
    print("\n== (a) 检索延迟（进程内调用 articles.search.search，已预热）")
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


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


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


# -- (c) queries per page


def reader_pages(names: list[str]) -> list[ReaderPage]:
    """The pages to measure, each with text its HTML must contain; the baseline comes first.

    A page whose URL name does not resolve yet is reported and left out.
    """
    from django.urls import NoReverseMatch, reverse

    from articles.models import Article
    from articles.search import search

    newest = (
        Article.objects.published()
        .filter(issue__isnull=False)
        .select_related("issue", "zone")
        .in_print_order()
        .first()
    )
    zone = newest.zone
    # Any of the first page's titles: pieces that rank equally may come in either order.
    hit_titles = tuple(article.title for article in search(SEARCH_PAGE_QUERY).page or ())
    search_expected = [SEARCH_PAGE_QUERY] + ([hit_titles] if hit_titles else [])
    available = {
        "home": ("首页", "articles:home", {}, [newest.title]),
        "issue": ("一期", "articles:issue_detail", {"date": newest.issue.date}, [newest.title]),
        "article": (
            "文章",
            "articles:article_detail",
            {"pk": newest.pk},
            [newest.title, newest.paragraphs[-1]],
        ),
        "zone": ("开发区", "articles:zone_detail", {"pk": zone.pk}, [zone.official_name]),
        "search": ("检索", "articles:search", {}, search_expected),
    }
    pages = [
        ReaderPage("bare", "基准页（静态 20 KB）", reverse("bench_bare"), ["风起扬帆，正当其时"])
    ]
    for name in names:
        label, url_name, kwargs, expected = available[name]
        try:
            path = reverse(url_name, kwargs=kwargs)
        except NoReverseMatch:
            print(f"（{label}：URL 名称 {url_name} 尚无法解析，跳过）")
            continue
        if name == "search":
            path += "?q=" + quote(SEARCH_PAGE_QUERY)
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

    print("\n== (c) 每个页面的 SQL 查询数（进程内 Django 测试客户端，关闭页面缓存，第二次请求）")
    client = Client(raise_request_exception=False)
    counts = {}
    table = [["页面", "路径", "查询数"]]
    for page in pages:
        with override_settings(KFQ_PAGE_CACHE_SECONDS=0):
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


# -- (b) requests per second


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_gunicorn(args, database_url: str, port: int, extra_env: dict) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": database_url,
        "KFQ_DEBUG": "false",
        "KFQ_SECRET_KEY": secrets.token_urlsafe(50),
        "KFQ_ALLOWED_HOSTS": "127.0.0.1",
        "KFQ_DB_CONN_MAX_AGE": "60",
        "KFQ_LOG_LEVEL": "ERROR",
        **extra_env,
    }
    command = [
        str(Path(sys.executable).parent / "gunicorn"),
        "kfq_site.wsgi:application",
        f"--workers={args.workers}",
        "--worker-class=sync",
        f"--bind=127.0.0.1:{port}",
        "--log-level=warning",
        f"--chdir={BASE_DIR}",
    ]
    return subprocess.Popen(command, env=env, cwd=BASE_DIR)


def wait_until_serving(server: subprocess.Popen, port: int, path: str, timeout: float = 60.0):
    from bench.load import fetch

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn 已退出（退出码 {server.returncode}）")
        try:
            if fetch("127.0.0.1", port, path, timeout=5)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"gunicorn 在 {timeout:.0f} 秒内没有开始服务")


PAGE_CACHE_MODES = {
    # The site's own setting (KFQ_PAGE_CACHE_SECONDS: 60 s for anonymous readers when not
    # debugging), and every request rendered afresh, which is what a cache miss costs.
    "on": ("页面缓存按网站设置", {}),
    "off": ("关闭页面缓存（KFQ_PAGE_CACHE_SECONDS=0，每次渲染）", {"KFQ_PAGE_CACHE_SECONDS": "0"}),
}


def measure_http(args, database_url: str, pages: list[ReaderPage], failures: list[str]) -> dict:
    modes = list(PAGE_CACHE_MODES) if args.page_cache == "both" else [args.page_cache]
    results = {}
    for mode in modes:
        label, extra_env = PAGE_CACHE_MODES[mode]
        port = free_port()
        print(
            f"\n== (b) gunicorn 吞吐，{label}（{args.workers} 个 sync worker，"
            f"{args.clients} 个客户端进程，每页预热 {args.warmup:g} 秒、计时 {args.duration:g} 秒，"
            f"127.0.0.1:{port}）"
        )
        server = start_gunicorn(args, database_url, port, extra_env)
        try:
            measured = load_pages(args, port, server, pages, failures)
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        print_throughput(measured)
        results[mode] = measured
    return results


def load_pages(args, port, server, pages: list[ReaderPage], failures: list[str]) -> dict:
    from bench.load import LoadGenerator, fetch

    try:
        wait_until_serving(server, port, pages[0].path)
    except RuntimeError as error:
        failures.append(str(error))
        return {}
    checked = []
    for page in pages:
        status, body = fetch("127.0.0.1", port, page.path)
        missing = missing_text(page, body.decode("utf-8", "replace")) if status == 200 else []
        if status != 200 or missing:
            reason = f"HTTP {status}" if status != 200 else "缺少文字：" + "、".join(missing)
            failures.append(f"{page.label} {page.path} 内容校验失败（{reason}）")
            continue
        checked.append((page, len(body)))
    # The baseline is measured first and again last; its mean evens out drift in a shared machine.
    if checked and checked[0][0].name == "bare":
        checked.append(checked[0])
    measured = {}
    with LoadGenerator("127.0.0.1", port, args.clients) as load:
        for page, size in checked:
            result = load.run(page.path, warmup=args.warmup, duration=args.duration)
            if result.failed:
                failures.append(
                    f"{page.label} 压测中 {result.failed} 个请求失败：{result.first_error}"
                )
            row = measured.setdefault(
                page.name,
                {"label": page.label, "path": page.path, "bytes": size, "ok": 0, "failed": 0},
            )
            row["ok"] += result.ok
            row["failed"] += result.failed
            row.setdefault("runs_per_second", []).append(round(result.per_second, 1))
            row["per_second"] = round(statistics.mean(row["runs_per_second"]), 1)
    return measured


def print_throughput(measured: dict):
    bare = measured.get("bare", {}).get("per_second")
    table = [["页面", "路径", "大小", "请求/秒", "相对基准页", f"目标 ≥ {THROUGHPUT_SHARE:.0%}"]]
    for name, row in measured.items():
        share = row["per_second"] / bare if bare else None
        row["share_of_bare"] = round(share, 3) if share is not None else None
        is_bare = name == "bare"
        if not is_bare and share is not None:
            row["verdict"] = verdict(share >= THROUGHPUT_SHARE)
        table.append(
            [
                row["label"],
                row["path"],
                f"{row['bytes'] / 1024:.1f} KB",
                " / ".join(f"{value:.1f}" for value in row["runs_per_second"])
                + (f"（均 {row['per_second']:.1f}）" if len(row["runs_per_second"]) > 1 else ""),
                "—" if is_bare or share is None else f"{share:.0%}",
                "" if is_bare else row.get("verdict", ""),
            ]
        )
    print_table(table)


# -- output


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def print_table(rows: list[list[str]]):
    widths = [max(display_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    for index, row in enumerate(rows):
        print(
            "  ".join(
                cell + " " * (widths[i] - display_width(cell)) for i, cell in enumerate(row)
            ).rstrip()
        )
        if index == 0:
            print("  ".join("-" * width for width in widths))


if __name__ == "__main__":
    sys.exit(main())
