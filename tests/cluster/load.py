"""Readers and correspondents on many connections at once, every answer recorded.

Each connection is a thread with its own cookie jar that loops until the window ends: readers
open the home page, an article and a search; correspondents post the submission form. Every
request is kept as a Sample (when it started and ended, what it asked, what came back), so the
test can tell a request in flight when a node died from one that failed afterwards.
"""

import random
import re
import statistics
import threading
import time
from dataclasses import dataclass
from urllib.parse import quote

from bench.browser import Browser, Response
from tests.cluster.clients import browser, log_in, submission

MY_PIECE = re.compile(r"^/my/(\d+)/$")


@dataclass
class Sample:
    started: float
    ended: float
    method: str
    path: str
    status: int  # 0: the connection failed or timed out
    piece_id: int | None = None

    @property
    def failed(self) -> bool:
        expected = 302 if self.method == "POST" else 200
        return self.status != expected


class Load:
    def __init__(self, *, port: int, data: dict, readers: int, correspondents: int):
        self.port, self.data = port, data
        self.readers, self.correspondents = readers, correspondents
        self.samples: list[Sample] = []
        self.lock = threading.Lock()
        self.ends = 0.0
        self.client_errors: list[str] = []

    def record(self, method: str, path: str, send) -> Response:
        started = time.monotonic()
        answer = send()
        sample = Sample(started, time.monotonic(), method, path, answer.status)
        if method == "POST" and (match := MY_PIECE.match(answer.redirect_path())):
            sample.piece_id = int(match.group(1))
        with self.lock:
            self.samples.append(sample)
        return answer

    def reader(self, number: int):
        client, pick = browser(self.port), random.Random(number).choice
        paths = ["/", self.data["zone_article_url"], "/search/?q=" + quote("新能源")]
        while time.monotonic() < self.ends:
            path = pick(paths)
            self.record("GET", path, lambda path=path: client.get(path))

    def correspondent(self, client: Browser, number: int):
        sequence = 0
        while time.monotonic() < self.ends:
            sequence += 1
            form = self.record("GET", "/submit/", lambda: client.get("/submit/"))
            fields = submission(form.text, f"负载-{number:02d}-{sequence:04d}")
            if form.status == 200 and fields:
                self.record("POST", "/submit/", lambda f=fields: client.post("/submit/", f))

    def run(self, *, seconds: float, halfway):
        """Log the correspondents in, run the window, call halfway() in its middle."""
        logged_in = []
        for number in range(self.correspondents):
            client = browser(self.port)
            log_in(client, self.data["correspondents"][number], self.data["password"])
            logged_in.append(client)
        self.ends = time.monotonic() + seconds
        threads = [
            threading.Thread(target=self._guarded, args=(self.reader, n), daemon=True)
            for n in range(self.readers)
        ] + [
            threading.Thread(
                target=self._guarded, args=(self.correspondent, client, n), daemon=True
            )
            for n, client in enumerate(logged_in)
        ]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        time.sleep(max(0.0, started + seconds / 2 - time.monotonic()))
        halfway()
        for thread in threads:
            thread.join(timeout=seconds + 60)
        assert not any(thread.is_alive() for thread in threads), "a load client never stopped"
        return time.monotonic() - started

    def _guarded(self, loop, *args):
        try:
            loop(*args)
        except Exception as error:  # a client that dies must show, not vanish
            with self.lock:
                self.client_errors.append(f"{type(error).__name__}: {error}")


def figures(samples: list[Sample], seconds: float) -> str:
    times = sorted(sample.ended - sample.started for sample in samples)
    p50 = statistics.median(times)
    p95 = times[int(len(times) * 0.95) - 1]
    errors = sum(sample.failed for sample in samples)
    submits = sum(sample.method == "POST" for sample in samples)
    return (
        f"{len(samples)} 次请求（其中投稿 {submits} 次），{len(samples) / seconds:.1f} 次/秒，"
        f"p50 {p50 * 1000:.0f} ms，p95 {p95 * 1000:.0f} ms，失败 {errors} 次"
    )
