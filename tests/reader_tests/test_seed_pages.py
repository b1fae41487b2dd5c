"""The five seed pages, imported, read as a reader would read them."""

import pytest
from django.urls import reverse

from articles.models import Article, Issue

pytestmark = pytest.mark.django_db


def test_every_imported_article_has_a_page(client, seeded):
    articles = list(Article.objects.select_related("zone"))
    assert len(articles) > 20

    for article in articles:
        response = client.get(article.get_absolute_url())
        assert response.status_code == 200, article.title
        html = response.content.decode()
        assert article.title in html
        assert article.paragraphs[-1] in html


def test_every_imported_issue_has_a_table_of_contents(client, seeded):
    for issue in Issue.objects.all():
        response = client.get(issue.get_absolute_url())
        assert response.status_code == 200, issue
        html = response.content.decode()
        for title in issue.articles.values_list("title", flat=True):
            assert title in html


def test_the_home_page_opens_with_the_latest_seed_issue(client, seeded):
    response = client.get(reverse("reader:home"))

    assert response.context["issue"].date.isoformat() == "2025-04-29"
    assert "朔州经开区实现一季度财政开门红" in response.content.decode()
    assert "两会特刊·开发区篇" in client.get("/issues/2024-03-05/").content.decode()
