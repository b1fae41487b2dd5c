"""Control characters and over-long names get a form error in the portal (the admin and the
commands: tests/editorial_tests/test_hostile_text.py)."""

import pytest
from django.urls import reverse

from articles.models import Article
from tests.portal_tests.helpers import form_data, make_call

pytestmark = pytest.mark.django_db

CONTROL = "不能包含换行、制表符等控制字符"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title", "上半年\n招商引资"),
        ("kicker", "引题\t带制表符"),
        ("subtitle", "副题\x7f"),
        ("title", "标题\x85下一行"),
        ("extra_authors", "常\x01珍珍"),
        ("title", "标题\u2028换行"),
        ("subtitle", "副题\u2029分段"),
    ],
)
def test_the_portal_refuses_control_characters(client, author, field, value):
    call = make_call()

    response = client.post(
        reverse("portal:submit"),
        {**form_data(call, author.contributor.zone, **{field: value}), "submit": "1"},
    )

    assert response.status_code == 200 and CONTROL in response.content.decode()
    assert not Article.objects.exists()


def test_an_extra_author_name_longer_than_the_column_is_a_form_error(client, author):
    call = make_call()
    long_name = "欧阳" * 16

    response = client.post(
        reverse("portal:submit"),
        {**form_data(call, author.contributor.zone, extra_authors=long_name), "submit": "1"},
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert long_name in html and "30" in html
    assert not Article.objects.exists()
