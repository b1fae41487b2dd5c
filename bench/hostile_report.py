"""The figures of a hostile load run: the table, the slowest requests, the server's errors."""

import re
import statistics
from collections import Counter, defaultdict

from bench.hostile_checks import check_database
from bench.hostile_client import Site
from bench.hostile_inputs import hostile_labels
from bench.hostile_records import Recorder
from bench.report import print_table, verdict

SERVER_ERROR = re.compile(r"^Internal Server Error: (\S+)", re.MULTILINE)
EXCEPTION = re.compile(r"^[A-Za-z_][\w.]*(?:Error|Exception)\w*(?:: .*)?$", re.MULTILINE)


def percentile(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[round(share * 100) - 1]


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
