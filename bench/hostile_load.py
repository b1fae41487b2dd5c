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

import argparse
import io
import json
import re
import secrets
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from bench import BASE_DIR
from bench.hostile_clients import Recorder, Site, hostile_labels, run_clients
from bench.report import print_table, verdict
from bench.scratch import start_django
from bench.throughput import free_port, start_gunicorn, stop_gunicorn, wait_until_serving

SCRATCH = BASE_DIR / "var" / "bench"
PASSWORD = "Load-test-2026-kfq"  # known to the clients; scratch accounts on a scratch database
MARKER = re.compile(r"负载标记-[0-9a-f]+-\d+-\d+")
SERVER_ERROR = re.compile(r"^Internal Server Error: (\S+)", re.MULTILINE)
EXCEPTION = re.compile(r"^[A-Za-z_][\w.]*(?:Error|Exception)\w*(?:: .*)?$", re.MULTILINE)


def parse_args(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m bench.hostile_load",
        description="并发负载与恶意输入测试：通讯员和编辑同时操作 gunicorn（见 bench/README.md）。",
    )
    parser.add_argument("--seconds", type=float, default=30.0, help="压测时长（秒），默认 30")
    parser.add_argument("--clients", type=int, default=16, help="通讯员客户端数，默认 16")
    parser.add_argument("--editors", type=int, default=2, help="编辑客户端数，默认 2")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn sync worker 数，默认 4")
    parser.add_argument(
        "--database-from-env",
        action="store_true",
        help="使用环境变量 DATABASE_URL 指向的数据库（make load-postgres 用），"
        "而不是 var/bench/ 下每次新建的 SQLite 文件",
    )
    parser.add_argument("--sqlite-file", type=Path, default=SCRATCH / "hostile.sqlite3")
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

    from bench.report import environment, print_environment

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

    from articles.correspondents import add_correspondent
    from articles.models import Article, Contributor, Issue
    from articles.workflow import EDITORS_GROUP
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


# --- checks and the report ---------------------------------------------------------------


def percentile(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[round(share * 100) - 1]


def check_database(recorder: Recorder, run_id: str) -> dict:
    """Compare what the clients were told with what the database holds."""
    from django.db.models import OuterRef, Subquery

    from articles.models import Article, ArticleTransition, Authorship, Status

    pieces = defaultdict(list)
    for piece in Article.objects.filter(body__contains=f"负载标记-{run_id}-").values(
        "pk", "status", "manuscript_number", "body"
    ):
        for marker in set(MARKER.findall(piece["body"])):
            pieces[marker].append(piece)
    by_pk = {piece["pk"]: piece for found in pieces.values() for piece in found}
    missing = [pk for pk in {s.piece_id for s in recorder.submissions if s.piece_id} - by_pk.keys()]
    by_pk.update(
        {
            p["pk"]: p
            for p in Article.objects.filter(pk__in=missing).values(
                "pk", "status", "manuscript_number", "body"
            )
        }
    )

    accepted = [s for s in recorder.submissions if s.outcome == "accepted"]
    unnumbered = []
    for submission in accepted:
        piece = by_pk.get(submission.piece_id)
        if piece is None or piece["status"] == Status.DRAFT or not piece["manuscript_number"]:
            unnumbered.append(submission)

    # A "投稿" click that the user was not told ended as a draft must leave no numberless draft.
    lost = []
    for submission in recorder.submissions:
        clicked_submit = submission.kind != "co-authored-draft"
        if not clicked_submit or submission.outcome == "refused-as-draft":
            continue
        for piece in pieces.get(submission.marker, []):
            if piece["status"] == Status.DRAFT and not piece["manuscript_number"]:
                if submission.kind == "draft-revise" and submission.outcome == "saved-draft":
                    continue  # the draft step ran, the submit step never did
                lost.append((submission, piece["pk"]))

    doubles = [s for s in recorder.submissions if s.kind == "double"]
    doubled = [s for s in doubles if len(pieces.get(s.marker, [])) > 1]

    bylines_changed = []
    for save in recorder.co_author_saves:
        names = list(
            Authorship.objects.filter(article_id=save.piece_id)
            .order_by("order")
            .values_list("contributor_id", "contributor__name")
        )
        ids = [contributor_id for contributor_id, _ in names]
        if (
            not ids
            or ids[0] != save.first_author
            or save.co_author not in ids
            or "李无号" not in [name for _, name in names]
        ):
            bylines_changed.append((save.piece_id, [name for _, name in names]))

    # Every piece of the run stands where its log's last entry says (a stale save must not
    # undo an editor's move), and every piece past the draft has a number.
    last_move = ArticleTransition.objects.filter(article=OuterRef("pk")).order_by("-at", "-pk")
    run_pieces = Article.objects.filter(created_by__username__startswith="load-correspondent-")
    off_log = [
        (piece.pk, piece.status, piece.logged)
        for piece in run_pieces.annotate(logged=Subquery(last_move.values("to_status")[:1]))
        if (piece.logged or Status.DRAFT) != piece.status
    ]
    numberless = list(
        run_pieces.exclude(status=Status.DRAFT)
        .filter(manuscript_number__isnull=True)
        .values_list("pk", flat=True)
    )

    return {
        "off_log": off_log,
        "numberless": numberless,
        "accepted": accepted,
        "unnumbered": unnumbered,
        "lost": lost,
        "doubles": doubles,
        "doubled": doubled,
        "co_author_saves": recorder.co_author_saves,
        "bylines_changed": bylines_changed,
    }


def report(recorder: Recorder, elapsed: float, log_text: str, site: Site, failures: list) -> dict:
    records = recorder.records
    timed = [record for record in records if record.timed]
    statuses = Counter(record.status for record in records)
    latencies = sorted(record.seconds for record in timed if record.status)
    server_errors = [r for r in records if r.server_error]
    connection_errors = [r for r in records if r.status == 0]
    unexpected = [r for r in records if r.unexpected and r.status != 0]
    handled = Counter(r.status for r in records if r.kind == "hostile" and 400 <= r.status < 500)
    hostile = [r for r in records if r.kind == "hostile"]
    locked = log_text.count("database is locked")
    # A chained exception prints one traceback per link; count each error once.
    tracebacks = (
        log_text.count("Traceback (most recent call last)")
        - log_text.count("The above exception was the direct cause of the following exception")
        - log_text.count("During handling of the above exception, another exception occurred")
    )
    timeouts = log_text.count("WORKER TIMEOUT")
    checks = check_database(recorder, site.run_id)
    outcomes = Counter(s.outcome for s in recorder.submissions)
    submit_clicks = sum(
        len(s.responses) for s in recorder.submissions if s.kind != "co-authored-draft"
    )

    def criterion(ok: bool, message: str) -> str:
        if not ok:
            failures.append(message)
        return verdict(ok).replace("MISS", "FAIL")

    def by_kind(kind):
        return sum(1 for r in records if r.kind == kind)

    print("\n== 结果")
    rows = [["指标", "数值", "判定"]]
    rows.append(
        [
            "请求数",
            f"{len(records)}（读 {by_kind('read')}、写 {by_kind('write')}、"
            f"恶意输入 {len(hostile)}；其中开始计时前的登录 {len(records) - len(timed)}）",
            "",
        ]
    )
    rows.append(["请求/秒（计时窗口内）", f"{len(timed) / elapsed:.1f}（{elapsed:.1f} 秒）", ""])
    rows.append(
        ["按状态", "、".join(f"{s or '连接失败'}: {n}" for s, n in sorted(statuses.items())), ""]
    )
    rows.append(
        [
            "延迟 p50 / p95 / 最大",
            f"{percentile(latencies, 0.5) * 1000:.0f} / {percentile(latencies, 0.95) * 1000:.0f}"
            f" / {(latencies[-1] if latencies else 0) * 1000:.0f} ms",
            "",
        ]
    )
    rows.append(
        [
            "5xx 响应",
            str(len(server_errors)),
            criterion(not server_errors, f"{len(server_errors)} 个 5xx 响应"),
        ]
    )
    rows.append(
        [
            "连接失败或超时",
            str(len(connection_errors)),
            criterion(not connection_errors, f"{len(connection_errors)} 个请求连接失败"),
        ]
    )
    rows.append(
        [
            "非预期状态（正常请求的 4xx 等）",
            str(len(unexpected)),
            criterion(not unexpected, f"{len(unexpected)} 个响应状态不在预期之内"),
        ]
    )
    rows.append(
        [
            "恶意输入得到 4xx（已处理）",
            "、".join(f"{s}: {n}" for s, n in sorted(handled.items())) or "0",
            "—",
        ]
    )
    unsent = sorted(hostile_labels() - {r.label for r in hostile})
    rows.append(
        [
            "恶意输入种类（至少发过一次）",
            f"{len(hostile_labels()) - len(unsent)} / {len(hostile_labels())}"
            + ("（时间太短，未发完）" if unsent else ""),
            "—",
        ]
    )
    rows.append(
        [
            "日志中 database is locked（行数）",
            str(locked),
            criterion(locked == 0, f"gunicorn 日志中 {locked} 次 database is locked"),
        ]
    )
    rows.append(
        [
            "日志中 Traceback",
            str(tracebacks),
            criterion(tracebacks == 0, f"gunicorn 日志中 {tracebacks} 个 Traceback"),
        ]
    )
    rows.append(
        [
            "worker 超时",
            str(timeouts),
            criterion(timeouts == 0, f"{timeouts} 次 gunicorn worker 超时"),
        ]
    )
    rows.append(["点“投稿”的请求", str(submit_clicks), ""])
    rows.append(
        ["投稿结果", "、".join(f"{OUTCOMES.get(o, o)} {n}" for o, n in outcomes.items()), ""]
    )
    accepted, unnumbered = checks["accepted"], checks["unnumbered"]
    rows.append(["被接受的投稿（跳转到 /my/<id>/）", str(len(accepted)), ""])
    rows.append(
        [
            "其中已投或之后且有稿号",
            str(len(accepted) - len(unnumbered)),
            criterion(not unnumbered, f"{len(unnumbered)} 篇被接受的投稿没有稿号"),
        ]
    )
    rows.append(
        [
            "“投稿”留下的无稿号草稿",
            str(len(checks["lost"])),
            criterion(not checks["lost"], f"{len(checks['lost'])} 篇投稿成了无稿号草稿"),
        ]
    )
    rows.append(
        [
            "本次所有稿件中已投却无稿号",
            str(len(checks["numberless"])),
            criterion(
                not checks["numberless"], f"{len(checks['numberless'])} 篇已投的稿件没有稿号"
            ),
        ]
    )
    rows.append(
        [
            "状态与流转日志最后一条不符",
            str(len(checks["off_log"])),
            criterion(
                not checks["off_log"],
                f"{len(checks['off_log'])} 篇稿件的状态与日志不符（issue 9 item 2）",
            ),
        ]
    )
    rows.append(
        [
            "重复提交（同一表单两次）产生两篇",
            f"{len(checks['doubled'])} / {len(checks['doubles'])}",
            criterion(
                not checks["doubled"],
                f"{len(checks['doubled'])} 次重复提交产生了两篇（issue 9 item 8）",
            ),
        ]
    )
    rows.append(
        [
            "合作者原样保存后署名被改",
            f"{len(checks['bylines_changed'])} / {len(checks['co_author_saves'])}",
            criterion(
                not checks["bylines_changed"],
                f"{len(checks['bylines_changed'])} 次合作者保存改了署名（issue 9 item 1）",
            ),
        ]
    )
    print_table(rows)

    print_latencies(timed)
    print_grouped("5xx 响应（按请求）", server_errors)
    print_server_log(log_text)
    print_grouped("非预期状态（按请求）", unexpected)
    print_grouped("连接失败（按请求）", connection_errors)
    if unnumbered or checks["lost"]:
        print("\n无稿号的投稿：")
        for submission in unnumbered:
            print(f"  被接受却无稿号：稿件 {submission.piece_id}（{submission.kind}）")
        for submission, pk in checks["lost"]:
            print(
                f"  {submission.kind} 的“投稿”留下草稿 {pk}，响应 {submission.responses}"
                + (f"；{submission.hint}" if submission.hint else "")
            )
    for pk, status, logged in checks["off_log"]:
        print(f"  稿件 {pk} 的状态为 {status}，日志最后一条为 {logged}")
    for pk, names in checks["bylines_changed"]:
        print(f"  合作者保存后稿件 {pk} 的署名为：{'、'.join(names) or '（无）'}")
    return {
        "requests": len(records),
        "seconds": round(elapsed, 1),
        "per_second": round(len(timed) / elapsed, 1),
        "statuses": {str(k): v for k, v in statuses.items()},
        "p50_ms": round(percentile(latencies, 0.5) * 1000),
        "p95_ms": round(percentile(latencies, 0.95) * 1000),
        "server_errors": len(server_errors),
        "unexpected": len(unexpected),
        "connection_errors": len(connection_errors),
        "hostile_handled_4xx": {str(k): v for k, v in handled.items()},
        "database_is_locked": locked,
        "tracebacks": tracebacks,
        "submit_clicks": submit_clicks,
        "outcomes": dict(outcomes),
        "accepted": len(accepted),
        "accepted_numbered": len(accepted) - len(unnumbered),
        "numberless_drafts": len(checks["lost"]),
        "double_submits": len(checks["doubles"]),
        "double_submits_doubled": len(checks["doubled"]),
        "co_author_saves": len(checks["co_author_saves"]),
        "bylines_changed": len(checks["bylines_changed"]),
        "numberless_submitted": len(checks["numberless"]),
        "status_off_log": len(checks["off_log"]),
        "failures": failures,
    }


OUTCOMES = {
    "accepted": "已接受",
    "refused-as-draft": "退回表单（存为草稿并提示）",
    "form-error": "表单报错",
    "saved-draft": "存为草稿",
    "error": "出错",
}


def print_latencies(records: list):
    """Requests by label: how many, and how long they took (the slowest labels first)."""
    by_label = defaultdict(list)
    for record in records:
        if record.status:
            by_label[(record.kind, record.label)].append(record.seconds)
    table = [["类别", "请求", "次数", "p50 ms", "p95 ms"]]
    kinds = {"read": "读", "write": "写", "hostile": "恶意"}
    ranked = sorted(by_label.items(), key=lambda item: -percentile(sorted(item[1]), 0.95))
    for (kind, label), seconds in ranked[:20]:
        seconds.sort()
        table.append(
            [
                kinds[kind],
                label,
                str(len(seconds)),
                f"{percentile(seconds, 0.5) * 1000:.0f}",
                f"{percentile(seconds, 0.95) * 1000:.0f}",
            ]
        )
    print("\n各类请求的延迟（p95 最长的 20 类）：")
    print_table(table)


def server_log_errors(log_text: str) -> Counter:
    """(path, first exception line) of each "Internal Server Error" the site logged."""
    found = Counter()
    starts = list(SERVER_ERROR.finditer(log_text))
    for index, start in enumerate(starts):
        end = starts[index + 1].start() if index + 1 < len(starts) else len(log_text)
        exception = EXCEPTION.search(log_text, start.end(), end)
        path = re.sub(r"/\d+/", "/<id>/", start.group(1))
        found[(path, exception.group(0)[:120] if exception else "（无异常行）")] += 1
    return found


def print_server_log(log_text: str):
    errors = server_log_errors(log_text)
    if not errors:
        return
    print("\ngunicorn 日志中的 500（按路径和异常，取异常链的第一行）：")
    table = [["路径", "次数", "异常"]]
    for (path, exception), count in errors.most_common():
        table.append([path, str(count), exception])
    print_table(table)


def print_grouped(title: str, records: list):
    if not records:
        return
    groups = Counter((r.label, r.status, r.hint) for r in records)
    print(f"\n{title}：")
    table = [["请求", "状态", "次数", "对应的已知问题"]]
    for (label, status, hint), count in groups.most_common():
        unknown = "（见下面的日志摘要）" if status else "—"
        table.append([label, str(status or "—"), str(count), hint or unknown])
    print_table(table)
    first_error = next((r.error for r in records if r.error), "")
    if first_error:
        print(f"  第一个连接错误：{first_error}")


if __name__ == "__main__":
    sys.exit(main())
