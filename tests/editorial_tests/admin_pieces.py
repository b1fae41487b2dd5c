"""Pieces at each stage of the editors' queue, and the admin form's own data, for admin tests."""

from articles.models import CallForPapers, CallGenre, Status
from editorial.workflow import article_transition
from tests.factories import make_article, make_correspondent


def submitted_piece(title="待审稿件", body="字" * 700 + "。", genre="消息"):
    author = make_correspondent()
    call = CallForPapers.objects.first() or CallForPapers.objects.create(date="2023-03-28")
    CallGenre.objects.get_or_create(call=call, genre="消息", defaults={"target_length": 800})
    piece = make_article(
        status=Status.DRAFT,
        authors=[author.contributor],
        title=title,
        body=body,
        genre=genre,
        call=call,
    )
    return article_transition(article=piece, to=Status.SUBMITTED, by=author)


def accepted_piece(editor):
    piece = submitted_piece()
    article_transition(article=piece, to=Status.IN_REVIEW, by=editor)
    return article_transition(article=piece, to=Status.ACCEPTED, by=editor)


def scheduled_piece(editor, issue):
    piece = accepted_piece(editor)
    return article_transition(article=piece, to=Status.SCHEDULED, by=editor, issue=issue)


def change_form_data(response) -> dict:
    """What the admin form on the page would post back if the editor changed nothing."""
    data = {}
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        forms += [inline.formset.management_form, *inline.formset.forms]
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            if value is None or value is False or hasattr(value, "url"):
                continue
            data[form.add_prefix(name)] = "on" if value is True else value
    return data
