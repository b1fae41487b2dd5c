"""Control characters and over-long names are refused by the editors' admin forms and by the
add_correspondent service and command (the portal: tests/portal_tests/test_hostile_text.py)."""

import pytest
from django.contrib import admin
from django.core.management import CommandError, call_command
from django.test import RequestFactory
from django.urls import reverse

from articles.models import Article, Contributor, Status
from editorial.correspondents import CorrespondentRefused, add_correspondent
from tests.factories import make_article, make_contributor, make_user, make_zone

pytestmark = pytest.mark.django_db

CONTROL = "不能包含换行、制表符等控制字符"


def test_the_admin_contributor_form_refuses_control_characters(client):
    client.force_login(make_user(superuser=True))
    contributor = make_contributor(name="张三")

    response = client.post(
        reverse("admin:articles_contributor_change", args=[contributor.pk]),
        {"name": "张\t三", "zone": "", "user": "", "phone": "", "email": "", "note": ""},
    )

    assert response.status_code == 200 and CONTROL in response.content.decode()
    contributor.refresh_from_db()
    assert contributor.name == "张三"


def test_the_admin_article_form_refuses_a_newline_in_the_title():
    superuser = make_user(superuser=True)
    # Not published: a published piece's title is not in the form (it changes by a correction).
    article = make_article(status=Status.IN_REVIEW)
    request = RequestFactory().get("/")
    request.user = superuser
    model_admin = admin.site._registry[Article]
    form_class = model_admin.get_form(request, article, change=True)
    data = {name: field.initial for name, field in form_class(instance=article).fields.items()}
    data.update(
        {
            name: value
            for name, value in form_class(instance=article).initial.items()
            if value is not None
        },
        title="第一行\n第二行",
    )

    form = form_class(data, instance=article)

    assert not form.is_valid()
    assert CONTROL in " ".join(form.errors["title"])


def test_a_new_correspondents_name_with_a_newline_is_refused():
    with pytest.raises(CorrespondentRefused, match=CONTROL):
        add_correspondent(username="newbie", zone=make_zone(), name="李\n四")

    assert not Contributor.objects.filter(name="李\n四").exists()


def test_a_new_correspondents_name_longer_than_the_column_is_refused_from_the_command():
    zone = make_zone()
    long_name = "王" * 40

    with pytest.raises(CommandError, match="30"):
        call_command(
            "add_correspondent", "qa4", zone=zone.official_name, name=long_name, stdout=None
        )

    assert not Contributor.objects.filter(name=long_name).exists()
