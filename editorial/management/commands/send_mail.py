"""python manage.py send_mail [--loop] — the mail worker: send what waits in the outbox."""

import signal
import threading

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from editorial.outbox import send_due


class Command(BaseCommand):
    help = (
        "发送待发邮件（发件箱中已到发送时间的邮件）。失败的邮件按间隔逐步加长后重试，"
        "多次失败后标为“发送失败”，编辑可在后台查看并重试。加 --loop 持续运行（Ctrl-C 停止）。"
    )

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true", help="持续运行，每隔一段时间发送一次。")
        parser.add_argument(
            "--interval", type=float, default=10.0, help="--loop 时两轮之间的秒数（默认 10）。"
        )

    def handle(self, *args, loop, interval, verbosity, **options):
        if not loop:
            self._report(send_due(), verbosity)
            return
        stop = threading.Event()
        # systemd and the Makefile stop the worker with SIGTERM: finish the message in hand.
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
        self.stdout.write(f"邮件发送进程已启动，每 {interval:g} 秒检查一次发件箱。")
        try:
            while not stop.is_set():
                # A long-running process must not keep a connection the database has dropped.
                close_old_connections()
                self._report(send_due(), verbosity)
                stop.wait(interval)
        except KeyboardInterrupt:
            pass
        self.stdout.write("邮件发送进程已停止。")

    def _report(self, counts, verbosity):
        if verbosity >= 1 and any(counts.values()):
            self.stdout.write(
                f"已发送 {counts['sent']} 封，稍后重试 {counts['retry']} 封，"
                f"发送失败 {counts['failed']} 封。"
            )
