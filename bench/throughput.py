"""(b) Requests per second of the reader pages under gunicorn against the static baseline page."""

import os
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench import BASE_DIR
from bench.load import LoadGenerator, fetch
from bench.pages import ReaderPage, missing_text
from bench.report import print_table, verdict

# Share of the baseline page's requests per second each page must reach: a page from the page
# cache costs two cache reads more than the baseline; a page rendered afresh costs its queries
# and templates (its server time is (e), bench/page_times.py).
THROUGHPUT_SHARE = {"on": 0.90, "off": 0.70}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_gunicorn(
    args, database_url: str, port: int, extra_env: dict, log=None
) -> subprocess.Popen:
    """gunicorn on 127.0.0.1:port; its output (and the site's error log) goes to `log` if given."""
    # An empty cache folder of its own, beside the scratch database (bench/scratch.py): pages
    # a previous run cached on this port would be served.
    cache_dir = Path(os.environ["KFQ_CACHE_DIR"]) / f"gunicorn-{port}"
    shutil.rmtree(cache_dir, ignore_errors=True)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": database_url,
        "KFQ_DEBUG": "false",
        "KFQ_SECRET_KEY": secrets.token_urlsafe(50),
        "KFQ_ALLOWED_HOSTS": "127.0.0.1",
        "KFQ_DB_CONN_MAX_AGE": "60",
        "KFQ_LOG_LEVEL": "ERROR",
        "KFQ_CACHE_DIR": str(cache_dir),
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
    return subprocess.Popen(
        command, env=env, cwd=BASE_DIR, stdout=log, stderr=subprocess.STDOUT if log else None
    )


def stop_gunicorn(server: subprocess.Popen):
    server.terminate()
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def wait_until_serving(server: subprocess.Popen, port: int, path: str, timeout: float = 60.0):
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
    # The site's own setting (KFQ_PAGE_CACHE_SECONDS: a day for anonymous readers when not
    # debugging), and every request through the view, as for anyone logged in.
    "on": ("页面缓存按网站设置", {}),
    "off": (
        "关闭页面缓存（KFQ_PAGE_CACHE_SECONDS=0，每次进入视图，片段缓存照常）",
        {"KFQ_PAGE_CACHE_SECONDS": "0"},
    ),
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
            stop_gunicorn(server)
        print_throughput(measured, THROUGHPUT_SHARE[mode])
        results[mode] = measured
    return results


def load_pages(args, port, server, pages: list[ReaderPage], failures: list[str]) -> dict:
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


def print_throughput(measured: dict, target: float):
    bare = measured.get("bare", {}).get("per_second")
    table = [["页面", "路径", "大小", "请求/秒", "相对基准页", f"目标 ≥ {target:.0%}"]]
    for name, row in measured.items():
        share = row["per_second"] / bare if bare else None
        row["share_of_bare"] = round(share, 3) if share is not None else None
        is_bare = name == "bare"
        if not is_bare and share is not None:
            row["verdict"] = verdict(share >= target)
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
