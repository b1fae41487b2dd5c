"""(d) The editors' statistics pages (reports/) on the benchmark's archive, in-process.

The synthetic corpus is printed, never submitted online; so that the submission-date figures
and the turnaround have something to count, every synthetic piece is given once a submission
date (3 to 32 days before its issue) and an acceptance (1 to 7 days before its issue). Each
page is timed with Django's test client, logged in as an editor, against the static baseline
page fetched the same way in the same run, and its SQL queries are counted.
"""

import datetime
import statistics
import time
from dataclasses import dataclass

from bench.report import print_table, verdict

TARGET_MS = 300
BATCH = 2000


@dataclass
class ReportPage:
    label: str
    path: str
    expected: str  # text (or bytes, for the XLSX) the response must hold


def give_synthetic_pieces_a_history() -> int:
    """Submission dates and acceptances for the synthetic pieces that have none; the count."""
    from django.db import transaction
    from django.utils import timezone

    from articles.models import Article, ArticleTransition, Status
    from bench.corpus import synthetic_articles

    pending = synthetic_articles().filter(submitted_at__isnull=True).order_by("pk")
    rows = list(pending.values_list("pk", "issue__date"))
    for start in range(0, len(rows), BATCH):
        batch = rows[start : start + BATCH]
        with transaction.atomic():
            pieces, moves = [], []
            for pk, issue_date in batch:
                nine = timezone.make_aware(datetime.datetime.combine(issue_date, datetime.time(9)))
                pieces.append(
                    Article(pk=pk, submitted_at=nine - datetime.timedelta(days=3 + pk % 30))
                )
                moves.append(
                    ArticleTransition(
                        article_id=pk, from_status=Status.IN_REVIEW, to_status=Status.ACCEPTED
                    )
                )
            Article.objects.bulk_update(pieces, ["submitted_at"])
            created = ArticleTransition.objects.bulk_create(moves)
            # `at` is auto_now_add, so bulk_create wrote today: set the acceptance's moment
            # afterwards, one UPDATE per distinct moment.
            issue_dates = dict(batch)
            by_moment = {}
            for move in created:
                day = issue_dates[move.article_id] - datetime.timedelta(
                    days=1 + move.article_id % 7
                )
                by_moment.setdefault(day, []).append(move.pk)
            for day, pks in by_moment.items():
                moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(15)))
                ArticleTransition.objects.filter(pk__in=pks).update(at=moment)
    return len(rows)


def report_pages() -> list[ReportPage]:
    from django.urls import reverse

    from articles.models import Issue
    from bench.corpus import synthetic_articles

    newest = Issue.objects.order_by("-date").first()
    # A whole year of the synthetic corpus's weekly issues (the seed issues come after it).
    newest_synthetic = synthetic_articles().order_by("-issue__date").first()
    year = newest_synthetic.issue.date.year - 1
    zone = newest_synthetic.zone
    statistics_url = reverse("admin:reports_editorialstatistics_changelist")
    year_query = f"?period=year&year={year}"
    everything = f"?period=custom&start=1990-01-01&end={newest.date.isoformat()}"
    return [
        ReportPage("基准页（静态 20 KB）", reverse("bench_bare"), "风起扬帆，正当其时"),
        ReportPage(f"采编统计（{year}年）", statistics_url + year_query, "各环节稿件数"),
        ReportPage("采编统计（全部存档）", statistics_url + everything, "各环节稿件数"),
        ReportPage(
            f"来稿覆盖（{year}年）",
            reverse("admin:reports_editorialstatistics_coverage") + year_query,
            "开发区 × 征稿主题",
        ),
        ReportPage(
            f"用稿通报（{year}年）",
            reverse("admin:reports_editorialstatistics_bulletin") + year_query,
            "各开发区用稿排名",
        ),
        ReportPage(
            "用稿通报 XLSX",
            reverse("admin:reports_editorialstatistics_bulletin_xlsx") + year_query,
            "PK",
        ),
        ReportPage(
            f"开发区用稿报告（{zone.display_name}）",
            reverse("admin:reports_editorialstatistics_zone_card") + f"?zone={zone.pk}&year={year}",
            "用稿情况",
        ),
    ]


def editor_client():
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.test import Client

    editor, _ = get_user_model().objects.get_or_create(
        username="bench_editor", defaults={"is_staff": True}
    )
    editor.groups.add(Group.objects.get(name="编辑"))
    client = Client(raise_request_exception=False)
    client.force_login(editor)
    return client


def measure_report_pages(args, failures: list[str]) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    print("\n== (d) 编辑部统计页面（进程内 Django 测试客户端，已登录编辑，已预热）")
    started = time.monotonic()
    given = give_synthetic_pieces_a_history()
    if given:
        print(
            f"为 {given} 篇合成稿件补上投稿日期和录用记录（{time.monotonic() - started:.0f} 秒）。"
        )
    client = editor_client()
    table = [["页面", "查询数", "p50", "最慢", "与基准页之比", f"目标 {TARGET_MS} ms"]]
    results, baseline = {}, None
    for page in report_pages():
        response = client.get(page.path)
        body = response.content if isinstance(response.content, bytes) else b""
        if response.status_code != 200 or page.expected.encode() not in body:
            failures.append(f"{page.label} {page.path} 返回 {response.status_code} 或缺少预期内容")
            continue
        timings = []
        for _ in range(args.report_repeat):
            with CaptureQueriesContext(connection) as captured:
                begun = time.perf_counter()
                client.get(page.path)
                timings.append((time.perf_counter() - begun) * 1000)
        p50 = statistics.median(timings)
        baseline = baseline or p50
        results[page.label] = {
            "queries": len(captured.captured_queries),
            "p50_ms": round(p50, 1),
            "max_ms": round(max(timings), 1),
            "ratio": round(p50 / baseline, 1),
        }
        table.append(
            [
                page.label,
                str(len(captured.captured_queries)),
                f"{p50:.1f} ms",
                f"{max(timings):.1f} ms",
                f"{p50 / baseline:.1f}×",
                verdict(p50 <= TARGET_MS),
            ]
        )
    print_table(table)
    return results
