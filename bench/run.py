"""The benchmark of the public archive and its search; see bench/README.md.

    .venv/bin/python -m bench.run [--articles 100000] [--duration 5] ...

Prepares a scratch database (SQLite under var/bench/ unless --database-from-env), fills it with
the seed pages and a synthetic corpus of --articles pieces (reused when already that size),
then measures (a) search latency in-process against a LIKE scan, and checks the results against
exhaustive ones, (b) requests per second of the reader pages under gunicorn against a static
baseline page served by the same gunicorn, (c) the SQL queries each page makes, (d) the editors'
statistics pages in-process against the same baseline page (bench/report_pages.py), (e) each
reader page's server time in-process against the baseline page's (bench/page_times.py) and
(f) the index rebuild against bare jieba segmenting the same text (bench/reindex.py).
"""

import io
import json
import sys
import time
from pathlib import Path

from bench.options import SCRATCH, benchmark_parser
from bench.page_times import measure_server_times, print_server_times
from bench.pages import PAGE_NAMES, print_query_counts, reader_pages
from bench.reindex import measure_reindex
from bench.report import environment, print_environment
from bench.report_pages import measure_report_pages
from bench.scratch import start_django
from bench.search_latency import measure_search, print_search
from bench.search_quality import check_search_quality
from bench.throughput import measure_http


def parse_args():
    parser = benchmark_parser(
        prog="python -m bench.run",
        description="公开存档与中文检索的性能基准（见 bench/README.md）。",
        sqlite_name="bench.sqlite3",
        postgres_target="bench-postgres",
        workers=2,
    )
    parser.add_argument("--articles", type=int, default=100_000, help="合成稿件篇数")
    parser.add_argument("--reindex", action="store_true", help="测量前重建检索索引")
    parser.add_argument("--repeat", type=int, default=10, help="每个检索词计时的次数")
    parser.add_argument("--like-repeat", type=int, default=3, help="每个词 LIKE 扫描计时的次数")
    parser.add_argument("--duration", type=float, default=5.0, help="每个页面压测的秒数")
    parser.add_argument("--warmup", type=float, default=1.0, help="每个页面压测前预热的秒数")
    parser.add_argument("--clients", type=int, default=4, help="并发客户端进程数")
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
    parser.add_argument(
        "--skip-reindex", action="store_true", help="不测重建索引（与裸 jieba 分词比较）"
    )
    parser.add_argument("--skip-http", action="store_true", help="不做 gunicorn 压测")
    parser.add_argument("--skip-reports", action="store_true", help="不测编辑部统计页面")
    parser.add_argument(
        "--report-repeat", type=int, default=5, help="每个统计页面计时的次数（默认 5）"
    )
    parser.add_argument(
        "--page-repeat", type=int, default=30, help="进程内每个页面计时的次数（0 表示不测）"
    )
    parser.add_argument(
        "--json", type=Path, help="结果 JSON 的路径（默认 var/bench/results-<数据库>.json）"
    )
    return parser.parse_args()


def main() -> int:
    args = parse_args()
    database_url, vendor = start_django(
        database_from_env=args.database_from_env, sqlite_file=args.sqlite_file
    )
    results = {"environment": environment(), "articles": args.articles}
    print_environment(results["environment"])
    results["corpus"] = prepare_database(args)
    pages = reader_pages([name.strip() for name in args.pages.split(",") if name.strip()])
    failures = []

    if not args.skip_search:
        rows = measure_search(args)
        results["search"] = print_search(rows)
        results["search_quality"] = check_search_quality()

    results["queries_per_page"] = print_query_counts(pages, failures)

    if not args.skip_reports:
        results["report_pages"] = measure_report_pages(args, failures)

    if args.page_repeat > 0:
        times = measure_server_times(pages, args.page_repeat, failures)
        results["server_ms"] = print_server_times(times, args.page_repeat)

    if not args.skip_reindex:
        results["reindex"] = measure_reindex()

    if not args.skip_http:
        results["http"] = measure_http(args, database_url, pages, failures)

    target = args.json or SCRATCH / f"results-{vendor}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(results, ensure_ascii=False, indent=2, default=str))
    print(f"\n结果已写入 {target}")
    for failure in failures:
        print(f"错误：{failure}")
    return 1 if failures else 0


def prepare_database(args) -> dict:
    """Migrate, import the seeds if missing, and make the synthetic corpus the requested size."""
    from django.core.management import call_command
    from django.db import connection

    from articles.models import Article, SearchEntry
    from bench.corpus import synthetic_articles

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


if __name__ == "__main__":
    sys.exit(main())
