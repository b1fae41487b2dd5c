"""python manage.py fetch_submissions [--every N] — new mail of the 投稿邮箱 into the queue."""

import logging
import signal
import threading
from collections import Counter

from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections

from mailroom.fetching import MailboxUnavailable, fetch_new

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "从投稿邮箱（KFQ_IMAP_HOST 等设置）收取新邮件：通讯员的来稿生成稿件进入待审队列，"
        "陌生发件人的邮件进入“待认领”，读不了的邮件礼貌回复原因。加 --every 60 每 60 秒收取一次。"
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--every",
            type=float,
            metavar="秒",
            help="持续运行，每隔这么多秒收取一次（Ctrl-C 停止）。",
        )

    def handle(self, *args, every, verbosity, **options):
        if every is None:
            try:
                fetched = fetch_new()
            except MailboxUnavailable as error:
                raise CommandError(f"{error}下次运行时再试。") from error
            self._report(fetched, verbosity)
            if fetched.failed:
                raise CommandError(f"{fetched.failed} 封邮件未能收取（见日志），下次运行时再试。")
            return
        if every <= 0:
            raise CommandError("--every 须为正数（秒），如 --every 60。")
        stop = threading.Event()
        # systemd stops the worker with SIGTERM: finish the mail in hand, then leave.
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
        self.stdout.write(f"收稿进程已启动，每 {every:g} 秒收取一次投稿邮箱。")
        try:
            while not stop.is_set():
                # A long-running process must not keep a connection the database has dropped.
                close_old_connections()
                try:
                    self._report(fetch_new(), verbosity)
                except MailboxUnavailable as error:
                    logger.warning("%s %g 秒后再试。", error, every)
                stop.wait(every)
        except KeyboardInterrupt:
            pass
        self.stdout.write("收稿进程已停止。")

    def _report(self, fetched, verbosity):
        taken = fetched.taken
        if verbosity >= 1 and taken:
            counts = Counter(mail.get_state_display() for mail in taken)
            self.stdout.write(
                f"收取 {len(taken)} 封："
                + "，".join(f"{state} {count} 封" for state, count in counts.items())
                + "。"
            )
