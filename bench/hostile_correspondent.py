"""A correspondent under load: submissions, drafts, revisions, co-authors, hostile input."""

import re
from urllib.parse import quote

from bench.browser import Browser, form_fields, replace_fields
from bench.hostile_client import Client
from bench.hostile_inputs import (
    SEARCH_QUERIES,
    BadSubmission,
    Probe,
    bad_photos,
    bad_submissions,
    hostile_label,
    probes,
)
from bench.hostile_records import CoAuthorSave, Submission

MY_PIECE = re.compile(r"^/my/(\d+)/$")
MY_PIECE_EDIT = re.compile(r"^/my/(\d+)/edit/$")
BODY = (
    "本报讯 今年以来，开发区坚持项目为王，围绕新能源、新材料和现代物流等产业链精准招商，"
    "一批光伏、储能项目相继落地开工。园区持续优化营商环境，推行企业投资项目承诺制，"
    "审批时限压缩一半以上。\n\n"
    "开发区负责人表示，下一步将强化要素保障，推动在建项目早投产、早见效，"
    "为全市经济高质量发展提供有力支撑。"
)


class Correspondent(Client):
    def __init__(self, site, recorder, number):
        super().__init__(site, recorder, number)
        self.account = site.correspondents[number]
        self.sequence = 0
        self.pieces: list[int] = []
        self.bad_submissions = bad_submissions()
        self.bad_photos = bad_photos()
        self.probes = [
            p
            for p in probes(article_id=site.article_ids[0], zone_id=site.zone_ids[0])
            if p.role != "editor"
        ]
        # Every probe and every bad submission is sent at least once a run (the correspondents
        # share them out), every third step, besides the random ones.
        everything = [(self.send_probe, p) for p in self.probes]
        everything += [(self.hostile_submission, bad) for bad in self.bad_submissions]
        self.sweep = everything[number :: len(site.correspondents)]
        self.steps = 0

    def start(self):
        self.log_in("/accounts/login/", self.account["username"], self.account["password"])
        # Every gunicorn worker loads the segmenter's dictionary on its first search; do that
        # before the timed window, as a server that has run a while would have.
        self.get("检索（预热）", "/search/?q=" + quote(SEARCH_QUERIES[0]))

    def step(self):
        with self.site.lock:
            to_revise = self.site.revision_queues[self.number]
            revise_id = to_revise.pop() if to_revise else None
            co_authored = self.site.co_author_queues[self.number]
            co_author_id = co_authored.pop() if co_authored else None
        if revise_id is not None:
            return self.revise(revise_id)
        if co_author_id is not None:
            return self.save_as_co_author(*co_author_id)
        self.steps += 1
        if self.sweep and self.steps % 3 == 0:
            action, item = self.sweep.pop(0)
            return action(item)
        roll = self.random.random()
        if roll < 0.45:
            self.read()
        elif roll < 0.60:
            self.submit()
        elif roll < 0.66:
            self.draft_then_submit()
        elif roll < 0.69:
            self.double_submit()
        elif roll < 0.72:
            self.draft_with_co_author()
        elif roll < 0.82:
            self.hostile_submission()
        else:
            self.probe()

    def reader_extra(self):
        if self.pieces and self.random.random() < 0.6:
            self.get("我的稿件", f"/my/{self.random.choice(self.pieces)}/")
        else:
            self.get("我的投稿", "/my/")

    # --- submissions -----------------------------------------------------------------

    def new_marker(self) -> str:
        self.sequence += 1
        return f"负载标记-{self.site.run_id}-{self.number:02d}-{self.sequence:04d}"

    def good_fields(self, form: list, marker: str) -> list:
        genre = self.random.choice(["消息", "通讯", "评论"])
        return replace_fields(
            form,
            title=f"开发区光伏项目建设提速 {marker[-7:]}",
            kicker="项目为王",
            subtitle="",
            genre=genre,
            body=f"{BODY}\n\n（{marker}）",
            extra_authors="",
            photo_caption="",
            photo_credit="",
        )

    def submission_form(self, path="/submit/") -> list | None:
        page = self.get("投稿页" if path == "/submit/" else "修改页", path)
        if page.status != 200:
            return None
        return form_fields(page.text, "title")

    def send(
        self, submission: Submission, path: str, fields, files=(), *, submit=True, label="", **kw
    ):
        action = [("submit", "")] if submit else [("save", "")]
        label = label or ("提交投稿" if submit else "保存草稿")
        response = self.post(label, path, fields + action, files, **kw)
        submission.responses.append(response.status)
        target = response.redirect_path()
        if response.status == 302 and (match := MY_PIECE.match(target)):
            submission.outcome = "accepted" if submit else "saved-draft"
            submission.piece_id = int(match.group(1))
        elif response.status == 302 and (match := MY_PIECE_EDIT.match(target)):
            submission.outcome = "refused-as-draft"
            submission.piece_id = int(match.group(1))
        elif response.status == 200:
            submission.outcome = "form-error"
        else:
            submission.outcome = "error"
        return response

    def remember(self, submission: Submission):
        with self.recorder.lock:
            self.recorder.submissions.append(submission)
        if submission.piece_id and submission.outcome == "accepted":
            self.pieces.append(submission.piece_id)
            with self.site.lock:
                self.site.review_queue.append((submission.piece_id, self.number))
                self.site.solo_pieces[self.number].append(submission.piece_id)

    def photo_fields(self) -> tuple[dict, list]:
        if self.random.random() < 0.2:
            files = [("photo", "photo.jpg", "image/jpeg", self.site.photo)]
            return {"photo_caption": "项目建设现场", "photo_credit": "开发区供图"}, files
        return {}, []

    def submit(self):
        form = self.submission_form()
        if form is None:
            return
        submission = Submission(self.new_marker(), self.number, "submit")
        photo_values, files = self.photo_fields()
        fields = replace_fields(self.good_fields(form, submission.marker), **photo_values)
        self.send(submission, "/submit/", fields, files)
        self.remember(submission)

    def draft_then_submit(self):
        form = self.submission_form()
        if form is None:
            return
        submission = Submission(self.new_marker(), self.number, "draft-revise")
        fields = self.good_fields(form, submission.marker)
        self.send(submission, "/submit/", fields, submit=False)
        if submission.outcome != "saved-draft":
            return self.remember(submission)
        edit = self.submission_form(f"/my/{submission.piece_id}/edit/")
        if edit is None:
            submission.outcome = "error"
            return self.remember(submission)
        body = dict(edit)["body"].replace("（负载", "补充一句：项目已全部开工。\n\n（负载")
        self.send(submission, f"/my/{submission.piece_id}/edit/", replace_fields(edit, body=body))
        self.remember(submission)

    def double_submit(self):
        """The same form posted twice, as a double click or a resend after a slow answer does."""
        form = self.submission_form()
        if form is None:
            return
        submission = Submission(self.new_marker(), self.number, "double")
        fields = self.good_fields(form, submission.marker)
        self.send(submission, "/submit/", fields)
        first = (submission.outcome, submission.piece_id)
        # The second post may be told off (409 and the like) rather than served again.
        self.send(submission, "/submit/", fields, allowed=frozenset({400, 403, 409}))
        if first[0] == "accepted" and submission.outcome != "accepted":
            submission.outcome, submission.piece_id = first
        self.remember(submission)

    def revise(self, piece_id: int):
        """A piece the editors sent back: open it, change the body, resubmit."""
        page = self.get("修改页（退修）", f"/my/{piece_id}/edit/", allowed=frozenset({403}))
        if page.status != 200:
            return  # the editors moved it on again before the author came to it
        edit = form_fields(page.text, "title")
        marker = re.search(r"负载标记-[\w-]+", dict(edit).get("body", ""))
        submission = Submission(marker.group(0) if marker else "", self.number, "revise")
        body = dict(edit)["body"] + "\n\n按编辑意见补充了投资额和开工时间。"
        self.send(submission, f"/my/{piece_id}/edit/", replace_fields(edit, body=body))
        self.remember(submission)

    def draft_with_co_author(self):
        """A draft naming another correspondent and a person without an account as co-authors;
        the co-author then opens it and saves without changing anything (issue 9 item 1)."""
        others = [n for n in range(len(self.site.correspondents)) if n != self.number]
        form = self.submission_form()
        if form is None or not others:
            return
        other = self.random.choice(others)
        co_author = self.site.correspondents[other]["contributor_id"]
        submission = Submission(self.new_marker(), self.number, "co-authored-draft")
        fields = replace_fields(
            self.good_fields(form, submission.marker),
            co_authors=[str(co_author)],
            extra_authors="李无号",
        )
        self.send(submission, "/submit/", fields, submit=False)
        with self.recorder.lock:
            self.recorder.submissions.append(submission)
        if submission.outcome == "saved-draft":
            with self.site.lock:
                self.site.co_author_queues[other].append(
                    (submission.piece_id, self.account["contributor_id"])
                )

    def save_as_co_author(self, piece_id: int, first_author: int):
        page = self.get("修改页（合作者）", f"/my/{piece_id}/edit/")
        if page.status != 200:
            return
        edit = form_fields(page.text, "title")
        response = self.post("合作者原样保存", f"/my/{piece_id}/edit/", edit + [("save", "")])
        if response.status == 302:
            with self.recorder.lock:
                self.recorder.co_author_saves.append(
                    CoAuthorSave(piece_id, first_author, self.account["contributor_id"])
                )

    def hostile_submission(self, bad: BadSubmission | None = None):
        bad = bad or self.random.choice(self.bad_submissions)
        form = self.submission_form()
        if form is None:
            return
        submission = Submission(self.new_marker(), self.number, f"hostile:{bad.label}")
        submission.hint = bad.hint
        fields = replace_fields(self.good_fields(form, submission.marker), **bad.fields)
        files = []
        if bad.photo_index is not None:
            _label, name, content_type, data = self.bad_photos[bad.photo_index]
            files = [("photo", name, content_type, data)]
            fields = replace_fields(fields, photo_caption="现场照片", photo_credit="开发区供图")
        # A form error (200), a refused photo (back to the form, text kept) or acceptance are
        # all fine answers; a 4xx is a fine answer too.
        self.send(
            submission,
            "/submit/",
            fields,
            files,
            label=hostile_label(bad),
            kind="hostile",
            hint=bad.hint,
        )
        self.remember(submission)
        if bad.newline_title and submission.outcome == "accepted":
            with self.site.lock:
                self.site.newline_pieces.add(submission.piece_id)

    # --- probes ----------------------------------------------------------------------

    def probe(self):
        roll = self.random.random()
        if roll < 0.15:
            return self.peek_at_another_piece()
        if roll < 0.25:
            return self.wrong_password()
        self.send_probe(self.random.choice(self.probes))

    def send_probe(self, probe: Probe):
        browser = self.anonymous if probe.role == "anonymous" else self.browser
        if probe.method == "POST":
            response = browser.post(probe.path, [("title", "无令牌"), ("submit", "")])
        else:
            response = browser.get(probe.path)
        self.recorder.add("hostile", probe.label, response, allowed=probe.allowed, hint=probe.hint)

    def peek_at_another_piece(self):
        """Another correspondent's piece must be 404, not shown."""
        with self.site.lock:
            others = [
                piece
                for number, pieces in self.site.solo_pieces.items()
                if number != self.number
                for piece in pieces
            ]
        if others:
            self.get(
                "他人稿件",
                f"/my/{self.random.choice(others)}/",
                kind="hostile",
                allowed=frozenset({404}),
            )

    def wrong_password(self):
        """A wrong password for an account that does not exist (locks out nobody real)."""
        intruder = Browser(self.site.host, self.site.port)
        page = intruder.get("/accounts/login/")
        fields = form_fields(page.text, "csrfmiddlewaretoken") or []
        response = intruder.post(
            "/accounts/login/",
            replace_fields(fields, username=f"nobody{self.number}", password="wrong-password"),
        )
        # 200: the form again with an error; 403/429: a lockout after repeated failures.
        self.recorder.add("hostile", "错误密码登录", response, allowed=frozenset({403, 429}))
