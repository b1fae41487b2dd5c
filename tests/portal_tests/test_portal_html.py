"""The portal's pages are valid where tools read them: aria references and datetimes."""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from articles.models import Status
from editorial import workflow
from tests.factories import make_article, make_correspondent, make_editor
from tests.portal_tests.helpers import make_call

pytestmark = pytest.mark.django_db

# HTML's valid date, or global/local date and time string (fractions: at most 3 digits).
DATETIME = re.compile(
    r"^\d{4}-\d{2}-\d{2}$"
    r"|^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?$"
)


class _Attributes(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.described_by, self.datetimes = set(), [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if attrs.get("aria-describedby"):
            self.described_by += attrs["aria-describedby"].split()
        if "datetime" in attrs:
            self.datetimes.append(attrs["datetime"])


@pytest.fixture
def pages(client):
    make_call()
    author = make_correspondent()
    draft = make_article(status=Status.DRAFT, authors=[author.contributor])
    sent_back = make_article(status=Status.DRAFT, authors=[author.contributor])
    workflow.article_transition(article=sent_back, to=Status.SUBMITTED, by=author)
    workflow.article_transition(
        article=sent_back, to=Status.REVISION, by=make_editor(), note="请补充。"
    )
    client.force_login(author)
    return [
        reverse("portal:submit"),
        reverse("portal:revise", args=[draft.pk]),
        reverse("portal:my_submission", args=[sent_back.pk]),
        reverse("portal:my_submissions"),
        reverse("portal:mail_settings"),
    ]


def test_every_aria_describedby_points_at_an_element_on_the_page(client, pages):
    seen = 0
    for url in pages:
        page = _Attributes()
        page.feed(client.get(url).content.decode())
        missing = [ref for ref in page.described_by if ref not in page.ids]
        assert not missing, f"{url}: {missing}"
        seen += len(page.described_by)
    assert seen


def test_every_datetime_attribute_is_a_valid_html_datetime(client, pages):
    seen = 0
    for url in pages:
        page = _Attributes()
        page.feed(client.get(url).content.decode())
        invalid = [value for value in page.datetimes if not DATETIME.match(value)]
        assert not invalid, f"{url}: {invalid}"
        seen += len(page.datetimes)
    assert seen
