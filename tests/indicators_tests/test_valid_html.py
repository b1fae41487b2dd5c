"""The public pages of figures are valid HTML, as the W3C Nu checker reads them (one vnu run,
as tests/portal_tests/test_valid_html.py does it): a zone's page with its charts, and the
comparison page."""

import datetime

import pytest
from django.urls import reverse

from tests.factories import make_article, make_figure, make_issue, make_zone
from tests.portal_tests.test_valid_html import describe, nu_messages

pytestmark = pytest.mark.django_db


def test_the_figures_pages_are_valid_html(client, tmp_path):
    zone = make_zone(official_name="朔州经济开发区")
    for end, label in [
        (datetime.date(2023, 12, 31), "2023年"),
        (datetime.date(2024, 3, 31), "2024年一季度"),
    ]:
        make_figure(
            article=make_article(zone=zone, issue=make_issue(), title="“开门红”<财政>"),
            period_end=end,
            period_label=label,
            sentence="财政总收入完成5亿元，同比增长10%。",
        )
    make_figure(
        article=make_article(zone=zone, issue=make_issue()), indicator="工业投资", value=None
    )
    pages = {
        "zone": reverse("reader:zone_detail", args=[zone.pk]),
        "comparison": reverse("indicators:comparison"),
        "comparison_empty": reverse("indicators:comparison") + "?indicator=999",
    }
    files = []
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200
        path = tmp_path / f"{name}.html"
        path.write_text(response.content.decode(), encoding="utf-8")
        files.append(path)
    messages = nu_messages(files)
    errors = [m for m in messages if m["type"] in {"error", "non-document-error"}]
    assert not errors, "\n".join(map(describe, errors))
