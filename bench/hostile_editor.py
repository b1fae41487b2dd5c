"""An editor under load: reviews the submitted pieces and moves them on in the admin."""

import time

from bench.hostile_client import Client
from bench.hostile_inputs import Probe, probes


class Editor(Client):
    MOVES = [("revision", 0.4), ("accepted", 0.3), ("rejected", 0.3)]

    def __init__(self, site, recorder, number):
        super().__init__(site, recorder, number)
        self.account = site.editors[number]
        self.probes = [
            p
            for p in probes(article_id=site.article_ids[0], zone_id=site.zone_ids[0])
            if p.role == "editor"
        ]
        self.sweep = self.probes[number :: len(site.editors)]

    def start(self):
        self.log_in(
            "/admin/login/?next=/admin/", self.account["username"], self.account["password"]
        )

    def step(self):
        with self.site.lock:
            queue = self.site.review_queue
            item = queue.pop(self.random.randrange(len(queue))) if queue else None
        if self.sweep:
            return self.send_probe(self.sweep.pop(0))
        roll = self.random.random()
        if item is None or roll < 0.15:
            return self.browse_or_probe(roll)
        piece_id, author = item
        hint = ""
        if piece_id in self.site.newline_pieces:
            hint = "issue 9 item 6: a newline title breaks the mails of later moves"
        change = f"/admin/articles/article/{piece_id}/change/"
        self.get("后台稿件页", change)
        self.move(piece_id, "in_review", hint=hint)
        to = self.random.choices([m for m, _ in self.MOVES], [w for _, w in self.MOVES])[0]
        self.move(piece_id, to, note="请补充项目投资额和开工时间。", hint=hint)
        if to == "revision":
            with self.site.lock:
                self.site.revision_queues[author].append(piece_id)

    def move(self, piece_id: int, to: str, *, note="", hint=""):
        fields = [("csrfmiddlewaretoken", self.browser.csrf_token), ("to", to), ("note", note)]
        self.post(
            f"后台操作 → {to}", f"/admin/articles/article/{piece_id}/move/", fields, hint=hint
        )

    def browse_or_probe(self, roll: float):
        if roll < 0.05 and self.probes:
            self.send_probe(self.random.choice(self.probes))
        elif roll < 0.5:
            self.get("后台待处理稿件", "/admin/articles/article/?status__exact=submitted")
        else:
            self.read()
            time.sleep(0.05)

    def send_probe(self, probe: Probe):
        if probe.method == "POST":
            fields = [("csrfmiddlewaretoken", self.browser.csrf_token), ("to", "accepted")]
            response = self.browser.post(probe.path, fields)
        else:
            response = self.browser.get(probe.path)
        self.recorder.add("hostile", probe.label, response, allowed=probe.allowed, hint=probe.hint)
