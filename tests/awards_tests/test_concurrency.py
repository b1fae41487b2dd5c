"""Two editors fixing the same year at the same moment: one decision, one set of numbers
(PostgreSQL, where the rubric row lock really blocks)."""

import datetime
import threading
import time

import pytest
from django.db import connection

from awards import services
from awards.models import Award, Rubric
from tests.factories import make_editor

from .helpers import YEAR, year_of_contributors


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("rubric_saved_before", [False, True])
def test_concurrent_decisions_for_one_year_are_serialised(monkeypatch, rubric_saved_before):
    year_of_contributors(3)
    if rubric_saved_before:
        Rubric.objects.create(year=YEAR)
    editors = [make_editor(), make_editor()]

    # Hold the lock a while so that the second decision surely arrives during the first.
    original_year_report = services.year_report

    def slow_year_report(*args, **kwargs):
        time.sleep(0.5)
        return original_year_report(*args, **kwargs)

    monkeypatch.setattr(services, "year_report", slow_year_report)
    start = threading.Barrier(2)
    outcomes = []

    def decide(editor):
        start.wait()
        try:
            services.fix_awards(year=YEAR, by=editor, issued_on=datetime.date(2025, 1, 10))
            outcomes.append("fixed")
        except services.AwardsRefused:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=decide, args=(editor,)) for editor in editors]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes) == ["fixed", "refused"]
    assert sorted(Award.objects.values_list("number", flat=True)) == [
        f"KFQ-{YEAR}-YXZG-0{n}" for n in (1, 2, 3)
    ]
