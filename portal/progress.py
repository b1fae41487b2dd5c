"""Where a correspondent's piece stands, in their words: what has happened to it (a timeline)
and what happens next, and who acts. The moves and their labels stay in editorial/workflow.py.
"""

import datetime
from dataclasses import dataclass

from articles.models import Article, ArticleTransition, Status
from editorial import workflow
from editorial.roles import LEVEL_NAMES

EDITORS, AUTHOR, NOBODY = "编辑部", "你", ""
# States in which a piece stands in the issue it was scheduled into.
PLACED = frozenset({Status.SCHEDULED, Status.PUBLISHED})


@dataclass(frozen=True)
class Step:
    at: datetime.datetime
    label: str
    note: str = ""
    link: str = ""  # the published piece's public page


@dataclass(frozen=True)
class NextStep:
    text: str
    who: str  # who acts next: 编辑部, 你, or nobody when the piece's way has ended


def timeline(piece: Article, transitions: list[ArticleTransition]) -> list[Step]:
    """One step per move, oldest first, labelled as the correspondent would say it."""
    scheduled = [i for i, t in enumerate(transitions) if t.to_status == Status.SCHEDULED]
    # Only the last scheduling put the piece where it stands now; an earlier one was undone by
    # 撤出该期, and which issue it named is not kept.
    last_scheduling = scheduled[-1] if scheduled else None
    return [
        _step(piece, transition, placed_it=index == last_scheduling)
        for index, transition in enumerate(transitions)
    ]


def _step(piece: Article, transition: ArticleTransition, *, placed_it: bool) -> Step:
    to = Status(transition.to_status)
    if to == Status.PUBLISHED:
        issue = f"{piece.issue}{_page(piece)}" if piece.issue else "一期"
        return Step(transition.at, f"刊发于{issue}", link=piece.get_absolute_url())
    if to == Status.SCHEDULED and placed_it and piece.status in PLACED and piece.issue:
        return Step(transition.at, f"排入{piece.issue}{_page(piece)}")
    label = workflow.move_label(Status(transition.from_status), to) or f"转为“{to.label}”"
    return Step(transition.at, label, note=transition.note)


def _page(piece: Article) -> str:
    return f"第{piece.page}版" if piece.page else ""


def _passed_so_far(status: Status) -> str:
    """已通过初审，等待复审 (or 终审 with two levels): the levels come from the workflow."""
    waiting = workflow.level_waiting_at(status)
    passed = status.label.removesuffix("通过")
    if waiting is None:  # the office went back to one level: any editor decides now
        return f"已通过{passed}，等待编辑部决定是否录用，结果会通知你。"
    return f"已通过{passed}，等待{LEVEL_NAMES[waiting]}。终审通过即录用，届时会通知你。"


def next_step(piece: Article) -> NextStep:
    status = Status(piece.status)
    if status == Status.DRAFT:
        return NextStep("草稿只有你看得到。写好后点“投稿”，编辑部才会收到。", AUTHOR)
    if status == Status.SUBMITTED:
        return NextStep("等待编辑部审阅。审阅结果会通过邮件和本页告诉你。", EDITORS)
    if status == Status.IN_REVIEW:
        return NextStep("编辑正在审阅：可能录用、退修或不予采用，结果会通知你。", EDITORS)
    if status in (Status.FIRST_PASSED, Status.SECOND_PASSED):
        return NextStep(_passed_so_far(status), EDITORS)
    if status == Status.REVISION:
        return NextStep("请按编辑部的退修意见修改，然后点“修改完成，重新投稿”。", AUTHOR)
    if status == Status.ACCEPTED:
        return NextStep("稿件已录用，等待编辑部排入一期。", EDITORS)
    if status == Status.SCHEDULED:
        where = f"{piece.issue}{_page(piece)}" if piece.issue else "一期"
        return NextStep(f"已排入{where}，这一期发布后稿件即公开刊出。", EDITORS)
    if status == Status.PUBLISHED:
        return NextStep("稿件已刊发。", NOBODY)
    if status == Status.REJECTED:
        return NextStep("编辑部决定不予采用，原因见处理记录。欢迎继续投稿。", NOBODY)
    return NextStep("你已撤回这篇稿件。需要时可以重新打开为草稿，修改后再投。", AUTHOR)
