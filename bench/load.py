"""A small HTTP load generator: client processes that each send one GET after another.

No Django here: the clients run in spawned processes and only need http.client. Every request
opens its own connection and asks to close it (gunicorn's sync workers close it anyway), so
every page is measured the same way.
"""

import http.client
import multiprocessing
import time
from collections import Counter
from dataclasses import dataclass, field


@dataclass
class LoadResult:
    path: str
    seconds: float
    ok: int = 0
    failed: int = 0
    statuses: Counter = field(default_factory=Counter)
    response_bytes: int = 0
    first_error: str = ""

    @property
    def per_second(self) -> float:
        return self.ok / self.seconds if self.seconds else 0.0


def fetch(host: str, port: int, path: str, timeout: float = 30.0) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection(host, port, timeout=timeout)
    try:
        connection.request("GET", path, headers={"Connection": "close"})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def _client(host: str, port: int, path: str, start_at: float, warmup: float, duration: float):
    """One client: wait for the common start, warm up, then count responses until the end."""
    time.sleep(max(0.0, start_at - time.time()))
    measure_from = start_at + warmup
    measure_until = measure_from + duration
    ok = failed = size = 0
    statuses = Counter()
    first_error = ""
    while (now := time.time()) < measure_until:
        try:
            status, body = fetch(host, port, path)
        except (OSError, http.client.HTTPException) as error:
            status, body = 0, b""
            first_error = first_error or repr(error)
        if now < measure_from or time.time() > measure_until:
            continue  # warm-up, or a response that ended after the window
        statuses[status] += 1
        if status == 200:
            ok += 1
            size += len(body)
        else:
            failed += 1
            first_error = first_error or f"HTTP {status}"
    return ok, failed, statuses, size, first_error


class LoadGenerator:
    """A pool of client processes, started once and reused for every page."""

    def __init__(self, host: str, port: int, clients: int):
        self.host, self.port, self.clients = host, port, clients
        self._pool = multiprocessing.get_context("spawn").Pool(clients)
        # Wait until the clients are running: a spawned process takes a while to start, and on a
        # busy machine a client still starting when its measuring window closed counted nothing.
        self._pool.map(time.sleep, [0.1] * clients, chunksize=1)

    def run(self, path: str, *, warmup: float, duration: float) -> LoadResult:
        start_at = time.time() + 0.5  # every client starts at the same moment
        outcomes = self._pool.starmap(
            _client, [(self.host, self.port, path, start_at, warmup, duration)] * self.clients
        )
        result = LoadResult(path=path, seconds=duration)
        for ok, failed, statuses, size, first_error in outcomes:
            result.ok += ok
            result.failed += failed
            result.statuses.update(statuses)
            result.response_bytes += size
            result.first_error = result.first_error or first_error
        return result

    def close(self):
        self._pool.close()
        self._pool.join()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()
