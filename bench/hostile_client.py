"""One client of the load script, and the prepared site the clients share.

Each client is a thread with its own cookie jar (bench/browser.py) and its own random choices;
what it reads as any reader would is here, what a correspondent or an editor does besides in
bench/hostile_correspondent.py and bench/hostile_editor.py.
"""

import random
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import quote

from bench.browser import Browser, Response, form_fields, replace_fields
from bench.hostile_inputs import SEARCH_QUERIES
from bench.hostile_records import Recorder


@dataclass
class Site:
    """What the clients need to know about the prepared database."""

    host: str
    port: int
    article_ids: list[int]
    issue_dates: list[str]
    zone_ids: list[int]
    correspondents: list[dict]  # username, password, contributor_id, zone_id
    editors: list[dict]  # username, password
    run_id: str  # written into every submission's marker, unique to the run
    seed: str = ""  # of the clients' random choices; --seed repeats a run's choices
    photo: bytes = b""
    # Pieces for the editors to act on, and pieces sent back to their author for revision.
    review_queue: list = field(default_factory=list)
    revision_queues: dict = field(default_factory=lambda: defaultdict(list))
    co_author_queues: dict = field(default_factory=lambda: defaultdict(list))
    solo_pieces: dict = field(default_factory=lambda: defaultdict(list))
    newline_pieces: set = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)


class Client:
    def __init__(self, site: Site, recorder: Recorder, number: int):
        self.site, self.recorder, self.number = site, recorder, number
        self.window = recorder.window
        self.random = random.Random(f"{site.seed}-{number}")
        self.browser = Browser(site.host, site.port)
        self.anonymous = Browser(site.host, site.port)

    def get(self, label, path, *, kind="read", browser=None, allowed=frozenset(), hint=""):
        response = (browser or self.browser).get(path)
        return self.recorder.add(kind, label, response, allowed=allowed, hint=hint)

    def post(self, label, path, fields, files=(), *, kind="write", allowed=frozenset(), hint=""):
        response = self.browser.post(path, fields, files)
        return self.recorder.add(kind, label, response, allowed=allowed, hint=hint)

    def log_in(self, login_path: str, username: str, password: str):
        page = self.get("登录页", login_path)
        fields = form_fields(page.text, "csrfmiddlewaretoken") or []
        response = self.post(
            "登录", login_path, replace_fields(fields, username=username, password=password)
        )
        if response.status != 302:
            raise RuntimeError(f"{username} 登录失败（HTTP {response.status}）")

    def run(self):
        try:
            self.start()
            self.window.barrier.wait(timeout=600)  # logins are not part of the timed window
            while time.monotonic() < self.window.ends:
                self.step()
        except Exception as error:  # a failing client must show in the figures, not vanish
            self.window.barrier.abort()  # nobody waits for a client that will not come
            self.recorder.add(
                "write",
                f"客户端异常 {type(error).__name__}: {error}",
                Response(0, "", b"", 0.0, error=repr(error)),
            )

    def read(self):
        site, pick = self.site, self.random.choice
        browser = self.browser if self.random.random() < 0.5 else self.anonymous
        choice = self.random.randrange(9)
        if choice == 0:
            self.get("首页", "/", browser=browser)
        elif choice == 1:
            self.get("文章", f"/articles/{pick(site.article_ids)}/", browser=browser)
        elif choice == 2:
            self.get("一期", f"/issues/{pick(site.issue_dates)}/", browser=browser)
        elif choice in (3, 4):
            self.get("检索", "/search/?q=" + quote(pick(SEARCH_QUERIES)), browser=browser)
        elif choice == 5:
            self.get("开发区", f"/zones/{pick(site.zone_ids)}/", browser=browser)
        elif choice == 6:
            self.get("文章列表（按开发区）", f"/articles/?zone={pick(site.zone_ids)}")
        else:
            self.reader_extra()

    def reader_extra(self):
        self.get("期目录", "/issues/")
