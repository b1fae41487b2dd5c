"""What the load script's clients saw and did, kept for the report and the database check.

Everything a client sees is recorded in one Recorder; every submission it makes is recorded
with the marker written into its body, so that the script can afterwards look each one up in
the database.
"""

import threading
import time
from dataclasses import dataclass, field

from bench.browser import Response


@dataclass
class Record:
    kind: str  # read, write, hostile
    label: str
    status: int
    seconds: float
    allowed: frozenset
    hint: str = ""
    error: str = ""
    timed: bool = True  # False for the logins before the timed window

    @property
    def server_error(self) -> bool:
        return self.status >= 500

    @property
    def unexpected(self) -> bool:
        """Neither a success nor a redirect nor an answer listed as handled (5xx counted apart)."""
        return not self.server_error and not (
            self.status and (200 <= self.status < 400 or self.status in self.allowed)
        )


@dataclass
class Submission:
    marker: str
    client: int
    kind: str  # submit, double, draft-revise, revise, hostile:<label>
    outcome: str = ""  # accepted, refused-as-draft, form-error, saved-draft, error
    piece_id: int | None = None
    responses: list = field(default_factory=list)
    hint: str = ""


@dataclass
class CoAuthorSave:
    """A co-author saved someone else's draft unchanged: the byline must stay as it was."""

    piece_id: int
    first_author: int  # the submitter's contributor id
    co_author: int


class Window:
    """The timed part of the run: it opens once every client has logged in."""

    def __init__(self, clients: int, seconds: float):
        self.seconds = seconds
        self.started: float | None = None
        self.ends = 0.0
        self.barrier = threading.Barrier(clients, action=self._open)

    def _open(self):
        self.started = time.monotonic()
        self.ends = self.started + self.seconds


class Recorder:
    def __init__(self, window: Window | None = None):
        self.window = window
        self.lock = threading.Lock()
        self.records: list[Record] = []
        self.submissions: list[Submission] = []
        self.co_author_saves: list[CoAuthorSave] = []

    def add(self, kind, label, response: Response, *, allowed=frozenset(), hint=""):
        timed = self.window is not None and self.window.started is not None
        record = Record(
            kind, label, response.status, response.seconds, allowed, hint, response.error, timed
        )
        with self.lock:
            self.records.append(record)
        return response
