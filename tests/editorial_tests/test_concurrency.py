"""Two editors acting on one piece at the same moment never lose an update (PostgreSQL)."""

import threading
import time

import pytest
from django.db import connection

from articles.models import Article, ArticleTransition, Status
from editorial import workflow
from tests.factories import make_article, make_correspondent, make_editor


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_moves_on_one_piece_are_serialised(monkeypatch):
    author = make_correspondent()
    article = make_article(status=Status.IN_REVIEW, authors=[author.contributor])
    first_editor, second_editor = make_editor(), make_editor()

    # Hold the row lock a while so the second move surely arrives while the first is running.
    original_roles_of = workflow.roles_of

    def slow_roles_of(user, piece):
        time.sleep(0.5)
        return original_roles_of(user, piece)

    monkeypatch.setattr(workflow, "roles_of", slow_roles_of)
    start = threading.Barrier(2)
    outcomes = {}

    def move(name, editor, to):
        start.wait()
        try:
            workflow.article_transition(article=article, to=to, by=editor, note="编辑意见")
            outcomes[name] = "moved"
        except workflow.TransitionNotAllowed as refusal:
            outcomes[name] = f"refused: {refusal}"
        finally:
            connection.close()

    threads = [
        threading.Thread(target=move, args=("accept", first_editor, Status.ACCEPTED)),
        threading.Thread(target=move, args=("reject", second_editor, Status.REJECTED)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(o.split(":")[0] for o in outcomes.values()) == ["moved", "refused"]
    final = Article.objects.get(pk=article.pk).status
    log = list(
        ArticleTransition.objects.filter(article=article).values_list("to_status", flat=True)
    )
    assert log == [final]
    assert final in {Status.ACCEPTED, Status.REJECTED}
