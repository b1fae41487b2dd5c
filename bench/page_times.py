"""(e) Server time of the reader pages in-process, each against the baseline page.

What a request costs when the page cache does not answer it: the first reader after a change,
and everyone logged in. Measured twice through Django's test client: with the page cache off
and the fragment cache (reader/fragments.py) as the site keeps it, warmed by a first request,
which is the target; and with both off, every part rendered from the database, for reference.
"""

import statistics
import time

from bench.report import print_table, verdict

SERVER_TIME_TARGET_MS = 8.0
# Search has its own latency section, (a); these are the pages the reader browses.
TIMED_PAGES = ["home", "issue", "article", "zone", "listing", "theme"]

MODES = {
    "fragments": {"KFQ_PAGE_CACHE_SECONDS": 0},
    "cold": {"KFQ_PAGE_CACHE_SECONDS": 0, "KFQ_FRAGMENT_CACHE_SECONDS": 0},
}


def measure_server_times(pages, repeat: int, failures: list[str]) -> dict:
    from django.test import Client
    from django.test.utils import override_settings

    timed = [page for page in pages if page.name == "bare" or page.name in TIMED_PAGES]
    client = Client(raise_request_exception=False)
    results = {}
    for mode, overrides in MODES.items():
        with override_settings(**overrides):
            serving = []
            for page in timed:
                if client.get(page.path).status_code == 200:
                    serving.append(page)
                else:
                    failures.append(f"{page.label} {page.path} 进程内请求未返回 200")
            # Round after round of every page, so that a machine busy with other work slows
            # the baseline and the pages alike.
            times = {page.name: [] for page in serving}
            for _ in range(repeat):
                for page in serving:
                    started = time.perf_counter()
                    client.get(page.path)
                    times[page.name].append((time.perf_counter() - started) * 1000)
            for page in serving:
                row = results.setdefault(page.name, {"label": page.label, "path": page.path})
                row[f"{mode}_ms"] = round(statistics.median(times[page.name]), 2)
    return results


def print_server_times(results: dict, repeat: int) -> dict:
    print(
        "\n== (e) 页面的服务器时间（进程内 Django 测试客户端，"
        f"每页先请求一次，再计时 {repeat} 次取中位数）"
    )
    bare = results.get("bare", {})
    table = [
        [
            "页面",
            "路径",
            "关闭页面缓存",
            "相对基准页",
            f"目标 ≤ {SERVER_TIME_TARGET_MS:g} ms",
            "不用任何缓存",
            "相对基准页",
        ]
    ]
    for name, row in results.items():
        is_bare = name == "bare"
        cells = [row["label"], row["path"]]
        for mode in MODES:
            value = row.get(f"{mode}_ms")
            share = value / bare[f"{mode}_ms"] if value and bare.get(f"{mode}_ms") else None
            row[f"{mode}_times_bare"] = round(share, 1) if share is not None else None
            cells += [
                "—" if value is None else f"{value:.1f} ms",
                "—" if is_bare or share is None else f"{share:.1f}×",
            ]
            if mode == "fragments":
                if not is_bare and value is not None:
                    row["verdict"] = verdict(value <= SERVER_TIME_TARGET_MS)
                cells.append("" if is_bare else row.get("verdict", ""))
        table.append(cells)
    print_table(table)
    print(
        "关闭页面缓存：片段缓存照常（已由第一次请求存入）；不用任何缓存：片段缓存也关闭，仅供对照。"
    )
    return results
