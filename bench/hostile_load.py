"""Hostile input under load: correspondents and editors at once against gunicorn (bench/README.md).

    .venv/bin/python -m bench.hostile_load [--seconds 30] [--clients 16] [--database-from-env]

Prepares a scratch database (a fresh SQLite file under var/bench/ unless --database-from-env),
imports the seeds, creates --clients correspondents and --editors editors with known passwords,
serves the site with gunicorn on 127.0.0.1 only, and lets every account work for --seconds:
reads, submissions, drafts and revisions, editors' moves, hostile input mixed in. Afterwards it
checks the database against what the clients were told, and exits 1 if any criterion fails:
no 5xx, no unexpected 4xx, no "database is locked" or traceback in the server's log, every
accepted submission numbered, no numberless draft left by a "投稿" click, a double submit makes
one piece, a co-author's unchanged save keeps the byline.
"""

import io
import json
import secrets
import sys
import time
from pathlib import Path

from bench.hostile_client import Site
from bench.hostile_clients import run_clients
from bench.hostile_records import Recorder
from bench.hostile_report import report
from bench.options import SCRATCH, benchmark_parser
from bench.report import environment, print_environment
from bench.scratch import start_django
from bench.throughput import free_port, start_gunicorn, stop_gunicorn, wait_until_serving

PASSWORD = "Load-test-2026-kfq"  # known to the clients; scratch accounts on a scratch database


def parse_args(argv=None):
    parser = benchmark_parser(
        prog="python -m bench.hostile_load",
        description="并发负载与恶意输入测试：通讯员和编辑同时操作 gunicorn（见 bench/README.md）。",
        sqlite_name="hostile.sqlite3",
        postgres_target="load-postgres",
        workers=4,
    )
    parser.add_argument("--seconds", type=float, default=30.0, help="压测时长（秒），默认 30")
    parser.add_argument("--clients", type=int, default=16, help="通讯员客户端数，默认 16")
    parser.add_argument("--editors", type=int, default=2, help="编辑客户端数，默认 2")
    parser.add_argument(
        "--output-dir",
        type=Path,
        default=SCRATCH,
        help="结果 hostile-<数据库>.json 和 gunicorn 日志的目录（默认 var/bench/）",
    )
    parser.add_argument("--seed", help="客户端随机选择的种子，用于复现一次运行（默认每次不同）")
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    database_url, vendor = start_django(
        database_from_env=args.database_from_env, sqlite_file=args.sqlite_file, fresh=True
    )
    from django.db import connections

    print_environment(environment())
    site = prepare(args)
    connections.close_all()

    args.output_dir.mkdir(parents=True, exist_ok=True)
    log_path = args.output_dir / f"hostile-gunicorn-{vendor}.log"
    port = free_port()
    site.port = port
    print(
        f"\n== 压测：{args.clients} 个通讯员 + {args.editors} 个编辑，{args.seconds:g} 秒，"
        f"gunicorn {args.workers} 个 sync worker，127.0.0.1:{port}（日志 {log_path}）"
    )
    failures = []
    with log_path.open("w") as log:
        server = start_gunicorn(args, database_url, port, {}, log=log)
        try:
            wait_until_serving(server, port, "/")
            recorder = run_clients(
                site, correspondents=args.clients, editors=args.editors, seconds=args.seconds
            )
            if recorder.window.started is None:
                failures.append("有客户端未能登录，计时压测没有开始（见下面的连接失败）")
                elapsed = args.seconds
            else:
                # Up to the last answer: requests sent just before the end finish after it.
                elapsed = time.monotonic() - recorder.window.started
        except RuntimeError as error:
            failures.append(str(error))
            recorder, elapsed = Recorder(), args.seconds
        finally:
            stop_gunicorn(server)
    log_text = log_path.read_text(errors="replace")
    results = report(recorder, elapsed, log_text, site, failures)
    results["environment"] = environment()
    target = args.output_dir / f"hostile-{vendor}.json"
    target.write_text(json.dumps(results, ensure_ascii=False, indent=2, default=str))
    print(f"\n结果已写入 {target}；gunicorn 日志 {log_path}")
    for failure in failures:
        print(f"错误：{failure}")
    print(
        "\n结论：" + ("全部通过（PASS）" if not failures else f"{len(failures)} 项未通过（FAIL）")
    )
    return 1 if failures else 0


def prepare(args) -> Site:
    """Migrate, import the seeds once, and (re)set the test accounts' passwords."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.core.management import call_command

    from articles.models import Article, Contributor, Issue
    from editorial.correspondents import add_correspondent
    from editorial.roles import EDITORS_GROUP
    from zones.models import Zone

    print("\n== 数据库")
    call_command("migrate", verbosity=0)
    if not Article.objects.published().exists():
        print("导入开发区名录和种子版面……")
        call_command("load_zones", stdout=io.StringIO())
        call_command("import_seeds", stdout=io.StringIO(), stderr=io.StringIO())
    User = get_user_model()
    zones = list(Zone.objects.order_by("pk")[: args.clients])
    correspondents = []
    for number in range(args.clients):
        username = f"load-correspondent-{number:02d}"
        user = User.objects.filter(username=username).first()
        if user is None:
            user, contributor, _ = add_correspondent(
                username=username,
                zone=zones[number % len(zones)],
                name=f"负载通讯员{number:02d}",
                email=f"{username}@example.com",  # so that every move sends its mail
                password=PASSWORD,
            )
        else:
            user.set_password(PASSWORD)
            user.email = f"{username}@example.com"
            user.save(update_fields=["password", "email"])
            contributor = Contributor.objects.get(user=user)
        correspondents.append(
            {"username": username, "password": PASSWORD, "contributor_id": contributor.pk}
        )
    editors_group = Group.objects.get(name=EDITORS_GROUP)
    editors = []
    for number in range(args.editors):
        username = f"load-editor-{number:02d}"
        user, _ = User.objects.get_or_create(username=username, defaults={"is_staff": True})
        user.email = f"{username}@example.com"
        user.set_password(PASSWORD)
        user.is_staff = True
        user.save()
        user.groups.add(editors_group)
        editors.append({"username": username, "password": PASSWORD})
    published = Article.objects.published()
    site = Site(
        host="127.0.0.1",
        port=0,
        article_ids=list(published.order_by("pk").values_list("pk", flat=True)[:200]),
        issue_dates=[
            day.isoformat()
            for day in Issue.objects.filter(published_at__isnull=False).values_list(
                "date", flat=True
            )
        ],
        zone_ids=list(Zone.objects.order_by("pk").values_list("pk", flat=True)),
        correspondents=correspondents,
        editors=editors,
        run_id=secrets.token_hex(3),
    )
    site.seed = args.seed or site.run_id
    print(
        f"已刊发稿件 {published.count()} 篇，{len(site.issue_dates)} 期，"
        f"{len(site.zone_ids)} 个开发区；账号 {args.clients} 个通讯员、{args.editors} 个编辑"
        f"（密码 {PASSWORD}）。本次标记 {site.run_id}，随机种子 {site.seed}。"
    )
    return site


if __name__ == "__main__":
    sys.exit(main())
