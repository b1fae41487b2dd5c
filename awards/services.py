"""The only writer of Award: fixing a year's 优秀撰稿人 and revoking that decision.

Both lock the year's rubric row, so two editors pressing the button at once cannot both fix
the same year. A refused call raises AwardsRefused (its message is for the editor) and changes
nothing.
"""

import datetime

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from editorial.roles import is_editor

from .models import Award, Rubric
from .report import AWARD_LIMIT, year_report, zone_of
from .scoring import as_decimal


class AwardsRefused(Exception):
    """A refused decision; the message says why, in Chinese."""


def _lock_rubric(year: int) -> Rubric:
    # Fixing saves the rubric it used (the defaults if none was saved), which also gives the
    # year a row to lock.
    Rubric.objects.get_or_create(year=year)
    return Rubric.objects.select_for_update().get(year=year)


@transaction.atomic
def fix_awards(*, year: int, by, issued_on: datetime.date) -> list[Award]:
    """Freeze the year's top contributors into numbered certificates, in rank order."""
    if not is_editor(by):
        raise AwardsRefused("只有编辑部可以确定优秀撰稿人。")
    rubric = _lock_rubric(year)
    return Award.objects.bulk_create(
        awards_to_fix(year=year, by=by, issued_on=issued_on, rubric=rubric)
    )


def awards_to_fix(*, year: int, by, issued_on: datetime.date, rubric=None) -> list[Award]:
    """The certificates fixing the year would make, unsaved: what the confirmation page shows,
    and what fix_awards() saves. Raises AwardsRefused when the year cannot be fixed."""
    if Award.objects.active().for_year(year).exists():
        raise AwardsRefused(
            f"{year}年度优秀撰稿人已经确定，证书已编号，不能重新评定。"
            "如确需重新评定，请先撤销本年度评定（已发出的证书编号作废，不会重复使用）。"
        )
    winners = year_report(year, rubric=rubric).awardees(AWARD_LIMIT)
    if not winners:
        raise AwardsRefused(f"{year}年没有已刊发的署名稿件，无法评定优秀撰稿人。")
    used = Award.objects.for_year(year).aggregate(last=Max("sequence"))["last"] or 0
    awards = []
    for sequence, winner in enumerate(winners, start=used + 1):
        zone = zone_of(winner)
        awards.append(
            Award(
                year=year,
                rank=winner.rank,
                sequence=sequence,
                number=Award.number_for(year, sequence),
                contributor=winner.contributor,
                name=winner.contributor.name,
                zone=zone,
                zone_name=zone.official_name if zone else "",
                score=as_decimal(winner.total),
                pieces=winner.piece_count,
                issued_on=issued_on,
                issued_by=by,
            )
        )
    return awards


@transaction.atomic
def revoke_awards(*, year: int, by) -> int:
    """Mark the year's certificates revoked; their numbers stay taken. Returns how many."""
    if not is_editor(by):
        raise AwardsRefused("只有编辑部可以撤销评定。")
    _lock_rubric(year)
    revoked = Award.objects.active().for_year(year).update(revoked_at=timezone.now(), revoked_by=by)
    if not revoked:
        raise AwardsRefused(f"{year}年度尚未确定优秀撰稿人，没有可撤销的评定。")
    return revoked
